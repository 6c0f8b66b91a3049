"""`careledger payee-rules`: listed, added, changed and removed; learned from imports."""

from __future__ import annotations

from pathlib import Path

from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import FIXTURES, NAME


def test_add_list_change_remove(cli: Cli, early: CreatedProfile) -> None:
    status, out = cli("payee-rules", "list", "--profile", NAME)
    assert status == 0 and "No payee rules yet" in out
    status, out = cli("payee-rules", "add", "--words", "J EVANS PA WAGES", "--payee",
                      "Jo Evans (PA)", "--category", "pa_wages", "--profile", NAME)
    assert status == 0 and "“j evans pa wages” → Jo Evans (PA)  [pa_wages]" in out
    status, out = cli("payee-rules", "change", "1", "--words", "J EVANS", "--category", "none",
                      "--profile", NAME)
    assert status == 0 and "“j evans” → Jo Evans (PA)  [-]" in out
    status, out = cli("payee-rules", "remove", "1", "--profile", NAME)
    assert status == 0 and out.startswith("Removed:")
    assert "No payee rules yet" in cli("payee-rules", "list", "--profile", NAME)[1]


def test_a_rule_names_the_next_import(cli: Cli, early: CreatedProfile, tmp_path: Path) -> None:
    cli("payee-rules", "add", "--words", "british gas", "--payee", "British Gas",
        "--category", "household", "--profile", NAME)  # refused: needs the council's say
    status, out = cli("payee-rules", "list", "--profile", NAME)
    assert "No payee rules yet" in out
    cli("payee-rules", "add", "--words", "acme", "--payee", "Acme Ltd (refunds)",
        "--category", "refund_in", "--profile", NAME)
    status, out = cli("import", "bank", str(FIXTURES / "bank" / "barclays.csv"), "--profile",
                      NAME)
    status, out = cli("entries", "list", "--profile", NAME, "--csv")
    assert "Acme Ltd (refunds),refund_in,2000.00" in out


def test_unknown_rule_says_so(cli: Cli, early: CreatedProfile) -> None:
    status, out = cli("payee-rules", "remove", "9", "--profile", NAME)
    assert status == 1 and "no longer exists" in out
