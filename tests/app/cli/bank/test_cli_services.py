from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run
from tests.app.services.bank.bank_profiles import NAME


def test_add_then_list_week(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(data_dir), "services"]
    assert run([*base, "add", "--profile", NAME, "--date", "2026-11-23", "--provider",
                "Jo Evans", "--planned", "2", "--delivered", "1:45", "--rate", "13.50",
                "--late"]) == 0
    assert run([*base, "add", "--profile", NAME, "--date", "2026-12-01", "--provider",
                "Jo Evans", "--planned", "1", "--rate", "13.50"]) == 0
    capsys.readouterr()
    assert run([*base, "list", "--profile", NAME, "--week", "2026-11-27"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Week from 23 Nov 2026 to 29 Nov 2026"
    assert out[1].startswith("23 Nov 2026  Jo Evans: 2h00 planned, 1h45 delivered")
    assert out[1].endswith("= £23.63 (late)")
    assert out[-1] == "Total: 2h00 planned, 1h45 delivered, £23.63"


def test_bad_hours_exit_1_with_reason(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(data_dir), "services", "add", "--profile", NAME,
                "--provider", "PA", "--planned", "lots", "--rate", "10"]) == 1
    assert "lots" in capsys.readouterr().err


def test_link_payment_shows_paid_against_delivered(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from app.domain.entries import EntryDraft
    from app.domain.money import Money
    from app.services.ledger import LedgerService
    from app.services.profiles import open_profile
    from tests.app.services.bank.bank_profiles import PASSPHRASE

    base = ["--data-dir", str(data_dir), "services"]
    for day in ("2026-11-23", "2026-11-24"):
        assert run([*base, "add", "--profile", NAME, "--date", day, "--provider", "Agency",
                    "--planned", "2", "--delivered", "1:30", "--rate", "20"]) == 0
    profile = open_profile(data_dir, NAME, PASSPHRASE)
    entry = LedgerService(profile).add_entry(
        EntryDraft(date(2026, 11, 28), Money(-8000), "Agency", "agency_care"),
        today=date(2026, 11, 29))
    profile.close()
    capsys.readouterr()
    assert run([*base, "link", "--profile", NAME, str(entry.id), "1", "2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Paid £80.00 for 4h00 invoiced; 3h00 delivered, worth £60.00.",
        "£20.00 more was paid than the care delivered is worth.",
    ]
