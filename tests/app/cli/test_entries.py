"""`careledger entries list|add|change|delete`: the ledger and its running balance."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from app.domain.money import Money
from app.i18n import parse_money
from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME, PASSPHRASE

HEADER = "id,date,payee,category,amount,balance,memo"


def rows(cli: Cli, name: str = NAME) -> list[dict[str, str]]:
    status, out = cli("entries", "list", "--profile", name, "--csv")
    assert status == 0, out
    return list(csv.DictReader(io.StringIO(out)))


def test_a_new_profile_lists_no_entries(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("entries", "list", "--profile", NAME, "--csv")
    assert status == 0 and out.splitlines() == [HEADER]


def test_demo_ledger_balances_add_up(cli: Cli) -> None:
    assert cli("demo", "Demo")[0] == 0
    listed = rows(cli, "Demo")
    assert len(listed) > 150
    categories = {r["category"] for r in listed}
    assert {"council_payment", "client_contribution", "pa_wages", "paye_ni", "agency_care",
            "respite"} <= categories
    opening = 100000  # the demo's opening balance, in pence
    total = sum(parse_money(r["amount"]) for r in listed)
    assert parse_money(listed[0]["balance"]) == opening + total


def test_wrong_passphrase_is_a_plain_error(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("entries", "list", "--profile", NAME,
                      CARELEDGER_PASSPHRASE="nope nope nope")
    assert status == 1 and "passphrase is not right" in out


def test_add_change_and_delete(cli: Cli, created: CreatedProfile, data_dir: Path) -> None:
    status, out = cli("entries", "add", "--profile", NAME, "--date", "2025-05-02", "--payee",
                      "Jo Evans", "--amount", "-120.50", "--category", "pa_wages",
                      "--plan-line", "Personal care", "--memo", "Week 1")
    assert status == 0 and "Added entry 1: -£120.50 Jo Evans" in out
    (row,) = rows(cli)
    assert (row["id"], row["date"], row["amount"], row["balance"], row["memo"]) == (
        "1", "2025-05-02", "-120.50", "-120.50", "Week 1")
    status, out = cli("entries", "change", "1", "--profile", NAME, "--amount", "-125")
    assert status == 0 and "Changed entry 1: -£125.00 Jo Evans" in out
    (row,) = rows(cli)
    assert (row["amount"], row["payee"], row["memo"]) == ("-125.00", "Jo Evans", "Week 1")
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        entry = ctx.ledger.get_entry(1)
        (line,) = ctx.ledger.plan_lines()
        assert entry.plan_line_id == line.id and line.name == "Personal care"
    status, out = cli("entries", "delete", "1", "--profile", NAME)
    assert status == 0 and "Deleted entry 1." in out
    assert rows(cli) == []
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert [e.action for e in ctx.history.events()][-3:] == ["add", "change", "delete"]
        assert ctx.history.verify().is_whole


def test_spending_the_council_must_agree_asks_for_the_reason(cli: Cli,
                                                              created: CreatedProfile) -> None:
    args = ("entries", "add", "--profile", NAME, "--date", "2025-05-02", "--payee", "Shop",
            "--amount", "-45", "--category", "equipment")
    status, out = cli(*args)
    assert status == 1 and "council must agree" in out and "--reason" in out
    assert rows(cli) == []
    status, _out = cli(*args, "--reason", "Email from the council, 28 April")
    assert status == 0
    assert [r["category"] for r in rows(cli)] == ["equipment"]


def test_an_entry_before_the_records_start_is_refused(cli: Cli,
                                                      created: CreatedProfile) -> None:
    status, out = cli("entries", "add", "--profile", NAME, "--date", "2025-03-31", "--payee",
                      "Jo", "--amount", "-1", "--category", "pa_wages")
    assert status == 1 and out.strip()
    assert rows(cli) == []


def test_a_reconciled_entry_changes_only_with_confirm(cli: Cli, created: CreatedProfile,
                                                      data_dir: Path) -> None:
    assert cli("entries", "add", "--profile", NAME, "--date", "2025-05-02", "--payee", "Jo",
               "--amount", "-10", "--category", "pa_wages")[0] == 0
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        account = ctx.imports.account_id(None)
        rec = ctx.reconcile.start(account, date(2025, 5, 31), Money(-1000))
        ctx.reconcile.set_cleared(rec.id, 1, True)
        ctx.reconcile.lock(rec.id)
    status, out = cli("entries", "delete", "1", "--profile", NAME)
    assert status == 1 and "--confirm" in out
    assert len(rows(cli)) == 1
    status, _out = cli("entries", "delete", "1", "--profile", NAME, "--confirm")
    assert status == 0 and rows(cli) == []
