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
    assert row["value"] == "-2.0"
