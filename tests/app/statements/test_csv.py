import csv
import io
from collections.abc import Callable
from datetime import date

from app.domain.money import Money
from app.statements import Statement
from app.statements.csv import COLUMNS, render_csv_text
from app.statements.model import StatementEntry

MakeStatement = Callable[..., Statement]


def test_formula_like_text_is_made_harmless_but_amounts_stay_numbers(
        make_statement: MakeStatement) -> None:
    entries = [StatementEntry(1, date(2025, 4, 2), Money(-1250), '=HYPERLINK("x")',
                              "pa_wages", support_plan_line="@line")]
    text = render_csv_text(make_statement(entries))
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["section"] == "transaction")
    assert row["payee"] == "'=HYPERLINK(\"x\")"
    assert row["support_plan_line"] == "'@line"
    assert row["amount"] == "-12.50"
    assert list(rows[0].keys()) == COLUMNS


def test_negative_weeks_held_stays_a_number(make_statement: MakeStatement) -> None:
    text = render_csv_text(make_statement([], opening=Money(-88000)))
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["key"] == "weeks_held")
    assert row["weeks"] == "-2.0" and row["amount"] == row["text"] == ""


def test_one_column_for_each_kind_of_value(make_statement: MakeStatement) -> None:
    entries = [StatementEntry(7, date(2025, 4, 2), Money(-1250), "Jo", "pa_wages",
                              cleared=False, memo="April"),
               StatementEntry(8, date(2025, 4, 3), Money(176000), "Council", "council_payment")]
    rows = list(csv.DictReader(io.StringIO(render_csv_text(make_statement(entries)))))
    by_key = {(r["section"], r["key"]): r for r in rows}
    paid = by_key[("transaction", "7")]
    assert (paid["entry_id"], paid["on_bank_statement"], paid["amount"], paid["text"]) == (
        "7", "no", "-12.50", "April")
    assert by_key[("transaction", "8")]["on_bank_statement"] == "yes"
    stream = by_key[("funding_stream", "gross:council")]
    assert (stream["days"], stream["state"], stream["text"]) == ("91", "four_weekly", "")
    limit = by_key[("weeks_held", "weeks_limit")]
    assert (limit["weeks"], limit["amount"], limit["text"]) == ("8", "", "")
    uncleared = by_key[("reconciliation", "uncleared_total")]
    assert (uncleared["count"], uncleared["amount"]) == ("1", "-12.50")
    assert "(1)" in uncleared["label"]  # as before, for readers of the label
    assert by_key[("header", "period_start")]["date"] == "2025-04-01"
    assert all(r["text"] for r in rows if r["section"] == "explanation")
    missing = by_key[("evidence_missing", "7")]
    assert (missing["entry_id"], missing["amount"]) == ("7", "-12.50")
    # Keys the other checks read stay one of a kind.
    assert [r["key"] for r in rows].count("surplus") == 1


def test_the_nhs_number_is_on_nhs_returns_only(make_statement: MakeStatement) -> None:
    council = render_csv_text(make_statement([]))
    nhs = render_csv_text(make_statement([], rule_code="nhs_phb_direct_payment"))
    assert ",nhs_number," not in council and ",nhs_number," in nhs
