"""`careledger services add|list|link`: the care received, week by week."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME, PASSPHRASE


def test_add_then_list_week(cli: Cli, early: CreatedProfile) -> None:
    assert cli("services", "add", "--profile", NAME, "--date", "2026-11-23", "--provider",
               "Jo Evans", "--planned", "2", "--delivered", "1:45", "--rate", "13.50",
               "--late")[0] == 0
    assert cli("services", "add", "--profile", NAME, "--date", "2026-12-01", "--provider",
               "Jo Evans", "--planned", "1", "--rate", "13.50")[0] == 0
    status, out = cli("services", "list", "--profile", NAME, "--week", "2026-11-27")
    lines = out.splitlines()
    assert status == 0 and lines[0] == "Week from 23 Nov 2026 to 29 Nov 2026"
    assert lines[1].startswith("23 Nov 2026  Jo Evans: 2h00 planned, 1h45 delivered")
    assert lines[1].endswith("= £23.63 (late)")
    assert lines[-1] == "Total: 2h00 planned, 1h45 delivered, £23.63"


def test_bad_hours_exit_1_with_reason(cli: Cli, early: CreatedProfile) -> None:
    status, out = cli("services", "add", "--profile", NAME, "--provider", "PA", "--planned",
                      "lots", "--rate", "10")
    assert status == 1 and "lots" in out


def test_link_payment_shows_paid_against_delivered(cli: Cli, early: CreatedProfile,
                                                   data_dir: Path) -> None:
    for day in ("2026-11-23", "2026-11-24"):
        assert cli("services", "add", "--profile", NAME, "--date", day, "--provider", "Agency",
                   "--planned", "2", "--delivered", "1:30", "--rate", "20")[0] == 0
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        entry = ctx.ledger.add_entry(
            EntryDraft(date(2026, 11, 28), Money(-8000), "Agency", "agency_care"),
            today=date(2026, 11, 29))
    status, out = cli("services", "link", "--profile", NAME, str(entry.id), "1", "2")
    assert status == 0 and out.splitlines() == [
        "Paid £80.00 for 4h00 invoiced; 3h00 delivered, worth £60.00.",
        "£20.00 more was paid than the care delivered is worth.",
    ]
