"""Running `careledger` in-process (the same parser and code path as the installed script)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.cli import run
from app.services.profiles import CreatedProfile
from tests.conftest import PASSPHRASE

Cli = Callable[..., tuple[int, str]]


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    """cli(*argv, ENV_VAR=value...) -> (exit status, what it printed, out then err), with
    --data-dir set to data_dir. The passphrase is PASSPHRASE unless given in the call
    (CARELEDGER_PASSPHRASE=None: none at all)."""

    def call(*argv: str, **env: str | None) -> tuple[int, str]:
        for var in ("CARELEDGER_PASSPHRASE", "CARELEDGER_NEW_PASSPHRASE", "CARELEDGER_RECOVERY"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASSPHRASE)
        for var, value in env.items():
            if value is None:
                monkeypatch.delenv(var, raising=False)
            else:
                monkeypatch.setenv(var, value)
        capsys.readouterr()
        status = run(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return status, captured.out + captured.err

    return call


@pytest.fixture
def early(make_profile: Callable[..., CreatedProfile]) -> CreatedProfile:
    """A profile (NAME, PASSPHRASE) whose records start on 1 January 2020, so the sample bank
    statements and any day in 2026 fall inside it."""
    return make_profile(start=date(2020, 1, 1))
