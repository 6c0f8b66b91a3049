"""Where the command line gets a passphrase: the environment, else the terminal."""

from __future__ import annotations

import io

import pytest

from tests.app.cli.conftest import Cli


def test_no_terminal_and_no_passphrase_is_a_plain_error(cli: Cli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status, out = cli("demo", CARELEDGER_PASSPHRASE=None)
    assert status == 1
    assert "No passphrase was given" in out and "Warning" not in out
