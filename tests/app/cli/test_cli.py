"""The CLI end to end, in-process (same code path as the installed `careledger` script)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.i18n import parse_money
from ui.main import main

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASS)


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_create_list_and_show_entries(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "profile", "create", "Ann Example", "--weekly", "420",
               "--start", "2025-04-01") == 0
    assert run(data_dir, "profile", "list") == 0
    assert "Ann Example" in capsys.readouterr().out
    assert run(data_dir, "entries", "list", "--profile", "Ann Example", "--csv") == 0
    assert capsys.readouterr().out.splitlines() == ["date,payee,category,amount,balance,memo"]


def test_demo_ledger_balances_add_up(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "demo", "Demo") == 0
    assert "entries" in capsys.readouterr().out
    assert run(data_dir, "entries", "list", "--profile", "Demo", "--csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) > 150
    categories = {r["category"] for r in rows}
    assert {"council_payment", "client_contribution", "pa_wages", "paye_ni", "agency_care",
            "respite"} <= categories
    opening = 50000  # the demo's opening balance, in pence
    total = sum(parse_money(r["amount"]) for r in rows)
    assert parse_money(rows[0]["balance"]) == opening + total


def test_wrong_passphrase_is_a_plain_error(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    run(data_dir, "profile", "create", "Ann Example")
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", "nope nope nope")
    assert run(data_dir, "entries", "list", "--profile", "Ann Example") == 1
    assert "passphrase is not right" in capsys.readouterr().err


def test_short_passphrase_refused(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", "short")
    assert run(data_dir, "profile", "create", "Ann Example") == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert run(data_dir, "profile", "list") == 0
    assert "No profiles yet" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert "CareLedger 0.1.0" in capsys.readouterr().out


def test_no_terminal_and_no_passphrase_is_a_plain_error(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CARELEDGER_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run(data_dir, "demo") == 1
    err = capsys.readouterr().err
    assert "No passphrase was given" in err and "Warning" not in err
