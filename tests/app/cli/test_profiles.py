"""`careledger profile create|list` and `careledger demo`."""

from __future__ import annotations

import re

from tests.app.cli.conftest import Cli


def test_create_prints_the_recovery_sheet_and_lists_the_profile(cli: Cli) -> None:
    status, out = cli("profile", "create", "Bryn Jones", "--weekly", "300")
    assert status == 0
    match = re.search(r"(([0-9A-Z]{5}  ){5}[0-9A-Z]{5})", out)
    assert match, out
    assert len(match.group(1).replace(" ", "")) == 30
    status, out = cli("profile", "list")
    assert status == 0 and "Bryn Jones" in out


def test_short_passphrase_refused(cli: Cli) -> None:
    status, out = cli("profile", "create", "Ann Example", CARELEDGER_PASSPHRASE="short")
    assert status == 1 and "at least 8 characters" in out
    status, out = cli("profile", "list")
    assert status == 0 and "No profiles yet" in out


def test_demo_is_made_with_a_year_of_entries(cli: Cli) -> None:
    status, out = cli("demo", "Demo")
    assert status == 0 and "entries" in out
    status, out = cli("profile", "list")
    assert "Demo" in out
