"""`careledger providers add|list|end|value` against a real profile and register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import EXIT_ERROR, EXIT_OK
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from tests.app.cli.conftest import Cli
from tests.conftest import FIXTURES, PASSPHRASE


@pytest.fixture
def ann(cli: Cli) -> Cli:
    """A profile “Ann” from 1 April 2024, and the register from a CQC extract."""
    assert cli("profile", "create", "Ann", "--weekly", "420", "--start", "2024-04-01")[0] == \
        EXIT_OK
    cli("register", "import", str(FIXTURES / "register" / "cqc_api_extract.csv"))
    return cli


def test_add_from_register_and_value_for_money(ann: Cli, data_dir: Path) -> None:
    assert ann("providers", "--profile", "Ann", "add", "--register-id", "1-1000587219",
               "--rate", "24.00", "--start", "2024-04-01")[0] == EXIT_OK
    with open_context(data_dir, "Ann", PASSPHRASE) as ctx:
        ctx.ledger.add_entry(EntryDraft(
            date(2024, 4, 30), Money(-99000), "Highlands Borders Care Home", "agency_care",
            "", ""), today=date(2024, 4, 30))
    status, out = ann("providers", "--profile", "Ann", "value", "--from", "2024-04-01",
                      "--to", "2024-06-30", "--hours", "1=40")
    assert status == EXIT_OK
    assert ("paid £990.00 in 1 payment; 40.00 hours delivered; £24.75 an hour "
            "(agreed £24.00); CQC rating Good") in out


def test_add_a_pa_by_hand_list_and_end(ann: Cli) -> None:
    assert ann("providers", "--profile", "Ann", "add", "Jo Bloggs", "--kind", "pa", "--rate",
               "14", "--start", "2024-04-01")[0] == EXIT_OK
    assert ann("providers", "--profile", "Ann", "end", "1", "--on", "2024-09-30")[0] == EXIT_OK
    status, out = ann("providers", "--profile", "Ann", "list")
    assert "Jo Bloggs" in out
    status, out = ann("providers", "--profile", "Ann", "end", "1", "--on", "2023-01-01")
    assert status == EXIT_ERROR and "before the start" in out
