"""Property tests over random ledgers: the sums hold, and the PDF says what the CSV says."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.domain.funding import Period
from app.domain.money import Money
from app.i18n import format_money
from app.statements import Statement
from app.statements.csv import render_csv_text
from app.statements.model import StatementEntry, StatementInputs
from app.statements.pdf import render_pdf

MakeStatement = Callable[..., Statement]

IN_CODES = ["council_payment", "client_contribution", "refund_in"]
OUT_CODES = ["pa_wages", "paye_ni", "agency_care", "respite", "equipment", "other_out"]
QUARTER = Period(date(2025, 4, 1), date(2025, 6, 30))
MONEY_LINE = re.compile(r"^-?£[\d,]+\.\d\d$")


@st.composite
def ledgers(draw: st.DrawFn, max_size: int = 60) -> tuple[Money, list[StatementEntry]]:
    count = draw(st.integers(0, max_size))
    entries = []
    for i in range(1, count + 1):
        incoming = draw(st.booleans())
        pence = draw(st.integers(1, 5_000_000))
        entries.append(StatementEntry(
            id=i, on=QUARTER.start + timedelta(days=draw(st.integers(0, 90))),
            amount=Money(pence if incoming else -pence),
            payee=draw(st.text("abcdefghij KLMNOP", min_size=1, max_size=90)).strip() or "x",
            category_code=draw(st.sampled_from(IN_CODES if incoming else OUT_CODES)),
            cleared=draw(st.booleans()),
        ))
    return Money(draw(st.integers(-1_000_000, 10_000_000))), entries


@given(ledger=ledgers(max_size=200))
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_opening_plus_in_minus_out_is_closing(ledger: tuple[Money, list[StatementEntry]],
                                              make_statement: MakeStatement) -> None:
    opening, entries = ledger
    r = make_statement(entries, opening=opening).reconciliation
    assert r.closing == opening + r.total_in - r.total_out
    assert r.closing.pence == opening.pence + sum(e.amount.pence for e in entries)
    assert sum(m.pence for _c, m in r.money_out) == r.total_out.pence
    assert sum(m.pence for _c, m in r.money_in) == r.total_in.pence
    assert r.total_out.pence == -sum(e.amount.pence for e in entries if e.amount.pence < 0)


def _pdf_lines(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]


def _figure_after(lines: list[str], label: str) -> str:
    return lines[lines.index(label) + 1]


def _transaction_money(lines: list[str]) -> list[str]:
    start = lines.index("Every transaction")
    end = lines.index("Totals", start)
    return [line for line in lines[start:end] if MONEY_LINE.match(line)]


@given(ledger=ledgers(max_size=120))
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_csv_and_pdf_agree(ledger: tuple[Money, list[StatementEntry]],
                           make_statement: MakeStatement) -> None:
    opening, entries = ledger
    statement = make_statement(entries, opening=opening,
                               inputs=StatementInputs(bank_balance=Money(12345)))
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "r.pdf"
        render_pdf(statement, pdf)
        lines = _pdf_lines(pdf)
    table = list(csv.DictReader(io.StringIO(render_csv_text(statement))))
    for row in table:
        if row["section"] in ("reconciliation", "liabilities", "weeks_held") and row["amount"]:
            pence = int(Decimal(row["amount"]) * 100)
            assert _figure_after(lines, row["label"]) == format_money(pence), row["key"]
    csv_amounts = [format_money(abs(int(Decimal(r["amount"]) * 100)))
                   for r in table if r["section"] == "transaction"]
    if entries:
        assert _transaction_money(lines) == csv_amounts
