"""`careledger accounts`: list, add, change kind and matching days."""

from __future__ import annotations

from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME


def test_list_add_and_change(cli: Cli, early: CreatedProfile) -> None:
    status, out = cli("accounts", "list", "--profile", NAME)
    assert status == 0 and "Care account (Current account)" in out and "4 days" in out
    status, out = cli("accounts", "add", "DP card", "--kind", "prepaid", "--opening-balance",
                      "250", "--profile", NAME)
    assert status == 0 and "DP card (Prepaid card)" in out and "£250.00" in out
    status, out = cli("accounts", "change", "DP card", "--match-days", "2", "--name",
                      "Council card", "--profile", NAME)
    assert status == 0 and "Council card (Prepaid card)" in out and "2 days" in out
    status, out = cli("accounts", "change", "2", "--match-days", "40", "--profile", NAME)
    assert status == 1 and "0 to 14 days" in out
    status, out = cli("accounts", "add", "council card", "--profile", NAME)
    assert status == 1 and "already an account" in out
