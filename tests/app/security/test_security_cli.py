"""The command line: profile passwd/recover, backup, restore, history --verify, people."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.cli import run
from app.store import keys
from app.store.profiles import ProfileDirectory

NAME = "Bryn Jones"
PASS = "first passphrase"
NEW = "second passphrase"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"

    def call(*argv: str, **env: str) -> tuple[int, str]:
        for var in ("CARELEDGER_PASSPHRASE", "CARELEDGER_NEW_PASSPHRASE", "CARELEDGER_RECOVERY"):
            monkeypatch.delenv(var, raising=False)
        for var, value in env.items():
            monkeypatch.setenv(var, value)
        status = run(["--data-dir", str(data), *argv])
        captured = capsys.readouterr()
        return status, captured.out + captured.err

    call.data = data  # type: ignore[attr-defined]
    return call


def _create(cli) -> str:  # type: ignore[no-untyped-def]
    status, out = cli("profile", "create", NAME, "--weekly", "300", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0
    match = re.search(r"(([0-9A-Z]{5}  ){5}[0-9A-Z]{5})", out)
    assert match, out
    return match.group(1)


def test_create_prints_the_recovery_sheet(cli) -> None:  # type: ignore[no-untyped-def]
    code = _create(cli)
    assert len(code.replace(" ", "")) == 30


def test_passwd_then_recover(cli) -> None:  # type: ignore[no-untyped-def]
    code = _create(cli)
    status, _out = cli("profile", "passwd", NAME, CARELEDGER_PASSPHRASE=PASS,
                       CARELEDGER_NEW_PASSPHRASE=NEW)
    assert status == 0
    assert cli("history", NAME, CARELEDGER_PASSPHRASE=PASS)[0] == 1
    assert cli("history", NAME, CARELEDGER_PASSPHRASE=NEW)[0] == 0
    status, out = cli("profile", "recover", NAME, CARELEDGER_RECOVERY=code,
                      CARELEDGER_NEW_PASSPHRASE="third passphrase")
    assert status == 0 and "no longer works" in out
    status, out = cli("profile", "recover", NAME, CARELEDGER_RECOVERY=code,
                      CARELEDGER_NEW_PASSPHRASE="fourth passphrase")
    assert status == 1 and "recovery code is not right" in out


def test_backup_and_restore_round_trip(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _create(cli)
    out_file = tmp_path / "bryn.careledger"
    assert cli("backup", NAME, "--out", str(out_file), CARELEDGER_PASSPHRASE=PASS)[0] == 0
    status, out = cli("restore", str(out_file), CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "--replace" in out  # asked first: nothing replaced
    status, out = cli("restore", str(out_file), "--replace", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0 and "kept whole" in out
    status, out = cli("restore", str(out_file), "--as", "Bryn copy", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0
    assert "Bryn copy" in cli("profile", "list")[1]


def test_history_verify_exit_status(cli) -> None:  # type: ignore[no-untyped-def]
    _create(cli)
    assert cli("people", NAME, "--add", "Sam Carer", CARELEDGER_PASSPHRASE=PASS)[0] == 0
    status, out = cli("history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0 and "2 events" in out
    _tamper(cli.data)
    status, out = cli("history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
    assert status == 3
    assert "#2" in out


def test_people_lists_roles(cli) -> None:  # type: ignore[no-untyped-def]
    _create(cli)
    status, out = cli("people", NAME, "--add", "Ceri", "--role", "support_worker",
                      CARELEDGER_PASSPHRASE=PASS)
    assert status == 0
    assert "Bryn Jones  (Budget holder)" in out and "Ceri  (Support worker)" in out


def test_logs_name_no_person_or_amount(cli, caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
                                       tmp_path: Path) -> None:
    caplog.set_level(logging.DEBUG)
    _create(cli)
    cli("history", NAME, CARELEDGER_PASSPHRASE="wrong passphrase")
    cli("backup", NAME, "--out", str(tmp_path / "b"), CARELEDGER_PASSPHRASE=PASS)
    cli("restore", str(tmp_path / "b.careledger"), "--replace", CARELEDGER_PASSPHRASE=PASS)
    text = caplog.text
    assert caplog.records  # something was logged, so the check below can fail
    assert "Bryn" not in text and "bryn" not in text and "300" not in text


def _tamper(data: Path) -> None:
    directory = ProfileDirectory(data)
    info = directory.find(NAME)
    assert info is not None
    wrapped = next(k for k in directory.wrapped_keys(info) if k.purpose == "passphrase")
    key = keys.unwrap(wrapped, PASS)
    conn = sqlcipher.connect(str(info.database))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE audit_event SET detail = '{}' WHERE id = 2")
    conn.commit()
    conn.close()


def test_settings_and_remember_on_a_shared_computer(cli) -> None:  # type: ignore[no-untyped-def]
    _create(cli)
    status, out = cli("settings")
    assert status == 0 and "not chosen yet" in out
    status, out = cli("settings", "--computer", "shared", "--idle-minutes", "3")
    assert status == 0 and "3 minutes" in out and "shared" in out
    status, out = cli("remember", NAME, CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "shared" in out
    assert cli("settings", "--keep-backups", "0")[0] == 1
