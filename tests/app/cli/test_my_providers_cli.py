"""`careledger providers add|list|end|value` against a real profile and register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import EXIT_ERROR, EXIT_OK, run
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import open_profile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
PASS = "pass phrase here"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASS)
    assert run(["--data-dir", str(tmp_path), "profile", "create", "Ann", "--weekly", "420",
                "--start", "2024-04-01"]) == EXIT_OK
    run(["--data-dir", str(tmp_path), "register", "import",
         str(FIXTURES / "cqc_api_extract.csv")])
    return tmp_path


def providers(data: Path, *argv: str) -> int:
    return run(["--data-dir", str(data), "providers", "--profile", "Ann", *argv])


def test_add_from_register_and_value_for_money(data: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert providers(data, "add", "--register-id", "1-1000587219", "--rate", "24.00",
                     "--start", "2024-04-01") == EXIT_OK
    profile = open_profile(data, "Ann", PASS)
    try:
        LedgerService(profile).add_entry(EntryDraft(
            date(2024, 4, 30), Money(-99000), "Highlands Borders Care Home", "agency_care",
            "", ""), today=date(2024, 4, 30))
    finally:
        profile.close()
    capsys.readouterr()
    assert providers(data, "value", "--from", "2024-04-01", "--to", "2024-06-30",
                     "--hours", "1=40") == EXIT_OK
    out = capsys.readouterr().out
    assert ("paid £990.00 in 1 payment; 40.00 hours delivered; £24.75 an hour "
            "(agreed £24.00); CQC rating Good") in out


def test_add_a_pa_by_hand_list_and_end(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert providers(data, "add", "Jo Bloggs", "--kind", "pa", "--rate", "14",
                     "--start", "2024-04-01") == EXIT_OK
    assert providers(data, "end", "1", "--on", "2024-09-30") == EXIT_OK
    capsys.readouterr()
    providers(data, "list")
    assert "Jo Bloggs" in capsys.readouterr().out
    assert providers(data, "end", "1", "--on", "2023-01-01") == EXIT_ERROR
    assert "before the start" in capsys.readouterr().err
