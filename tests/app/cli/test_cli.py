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


# --- command-line habits: options after the command, examples, pipes -----------------------

def test_global_options_work_after_the_command(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run

    data = tmp_path / "after"
    assert run(["demo", "Demo After", "--data-dir", str(data), "--lang", "cy"]) == 0
    assert (data / "profiles").is_dir()  # not the real data folder
    capsys.readouterr()
    assert run(["profile", "list", "--data-dir", str(data)]) == 0
    assert "Demo After" in capsys.readouterr().out


def test_option_before_the_command_is_not_undone_by_the_command(tmp_path: Path) -> None:
    from app.cli import build_parser

    args = build_parser().parse_args(["--data-dir", str(tmp_path), "register", "search", "x"])
    assert args.data_dir == tmp_path and args.lang is None


def test_every_command_has_an_example_that_parses() -> None:
    import shlex

    from app.cli import EXAMPLES, build_parser, commands

    parser = build_parser()
    words = [w for w, _command in commands(parser)]
    assert sorted(words) == sorted(EXAMPLES), "add an example to app.cli.EXAMPLES"
    for command_words, command in commands(parser):
        assert EXAMPLES[command_words] in command.format_help()
        argv = shlex.split(EXAMPLES[command_words].split(" > ")[0])  # no shell redirection
        assert argv[0] == "careledger"
        parser.parse_args(argv[1:])  # exits (failing the test) if the example is wrong


def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`careledger ... | head -1`: the reader goes away; no traceback, no error status."""
    import os
    import subprocess
    import sys

    reader, writer = os.pipe()
    os.close(reader)
    script = ("import sys; from ui.main import main; "
              "sys.exit(main(['--data-dir', sys.argv[1], 'profile', 'list']))")
    # Buffered output, as in a login shell: the pipe then breaks when Python flushes at exit.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["CARELEDGER_PASSPHRASE"] = "x"
    subprocess.run([sys.executable, "-c", "from app.cli import run; import sys; "
                    "sys.exit(run(['--data-dir', sys.argv[1], 'demo']))", str(tmp_path)],
                   env=env, check=True, capture_output=True)
    for argv in (["-c", script, str(tmp_path)],
                 ["-c", "import sys; from ui.main import main; sys.exit(main(['--help']))"],
                 ["-c", "import sys; from ui.main import main; sys.exit(main(['--version']))"]):
        done = subprocess.run([sys.executable, *argv], stdout=writer, stderr=subprocess.PIPE,
                              text=True, env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    os.close(writer)
