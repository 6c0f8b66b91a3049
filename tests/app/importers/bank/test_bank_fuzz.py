"""Generated statements: any encoding, BOM, blank lines, amount and date form; never a crash.

Each generated file is written the way a bank might, and the test knows what each line
should read as, so the importer must get the amounts and line numbers exactly right too.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers.bank import UnreadableStatement, read_statement

DATE_FORMS = ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
# Printable Latin-1 (so every encoding above can write it) and the odd line break inside quotes.
TEXT = st.text(alphabet=st.one_of(st.characters(min_codepoint=32, max_codepoint=255,
                                                blacklist_categories=("Cc",)), st.just("\n")),
               max_size=30)


def amount_forms(pence: int) -> st.SearchStrategy[str]:
    whole, part = divmod(abs(pence), 100)
    plain = f"{whole}.{part:02d}"
    grouped = f"{whole:,}.{part:02d}"
    if pence < 0:
        return st.sampled_from([f"-{plain}", f"-{grouped}", f"({grouped})", f"-£{plain}",
                                f"£-{grouped}"])
    return st.sampled_from([plain, grouped, f"£{grouped}", f"+{plain}", f"£{plain}"])


@dataclass
class Line:
    on: date
    pence: int
    description: str
    date_text: str
    amount_text: str
    good: bool


@st.composite
def lines(draw: st.DrawFn) -> Line:
    on = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    pence = draw(st.integers(-10**8, 10**8).filter(bool))
    broken = draw(st.booleans()) and draw(st.booleans())  # about one line in four
    date_text = on.strftime(draw(st.sampled_from(DATE_FORMS)))
    amount_text = draw(amount_forms(pence))
    if broken:
        if draw(st.booleans()):
            date_text = draw(st.sampled_from(["", "31/02/2024", "yesterday", "2024-13-01"]))
        else:
            amount_text = draw(st.sampled_from(["", "1.234", "12,34", "ten", "£", "--1"]))
    return Line(on, pence, draw(TEXT), date_text, amount_text, not broken)


@st.composite
def statements(draw: st.DrawFn) -> tuple[bytes, list[tuple[int, Line]], bool, str]:
    items = draw(st.lists(lines(), min_size=1, max_size=12))
    split = draw(st.booleans())  # debit/credit columns instead of one signed amount
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    header = ["Date", "Details", "Paid out", "Paid in", "Balance"] if split \
        else ["Date", "Description", "Amount", "Balance"]
    writer.writerow(header)
    placed: list[tuple[int, Line]] = []
    line_no = 1
    for item in items:
        for _blank in range(draw(st.integers(0, 2))):
            out.write("\n")
            line_no += 1
        if split:
            magnitude = item.amount_text.lstrip("-+£(").rstrip(")").replace("£-", "")
            cells = [magnitude, ""] if item.pence < 0 else ["", magnitude]
            if not item.good:
                cells = [item.amount_text, ""]
            writer.writerow([item.date_text, item.description, *cells, "0.00"])
        else:
            writer.writerow([item.date_text, item.description, item.amount_text, "0.00"])
        line_no += 1
        placed.append((line_no, item))
        line_no += item.description.count("\n")
    encoding = draw(st.sampled_from(ENCODINGS))
    return out.getvalue().encode(encoding), placed, split, encoding


@settings(max_examples=150, deadline=None)
@given(statements())
def test_generated_statements_read_exactly(case: tuple[bytes, list[tuple[int, Line]], bool, str]
                                           ) -> None:
    data, placed, _split, encoding = case
    parsed = read_statement(data)
    by_line = {r.line: r for r in parsed.rows}
    rejected = {r.line for r in parsed.rejected}
    assert len(parsed.rows) + len(parsed.rejected) == len(placed)
    for line_no, item in placed:
        if item.good:
            row = by_line[line_no]
            assert (row.on, row.amount.pence) == (item.on, item.pence)
            if encoding.startswith(("utf-8", "utf-16")):
                # A leading apostrophe is how NatWest and Lloyds stop Excel: it is dropped.
                expected = item.description.strip().lstrip("'")
                assert row.description == " ".join(expected.split())
        else:
            assert line_no in rejected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_read_or_refused_plainly(data: bytes) -> None:
    try:
        parsed = read_statement(data)
    except UnreadableStatement as error:
        assert str(error)
        return
    for row in parsed.rows:
        assert isinstance(row.amount.pence, int)
    assert all(r.reason for r in parsed.rejected)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(TEXT, max_size=6), max_size=8),
       st.sampled_from(["Date,Description,Amount,Balance", "Transaction Date,Transaction Type,"
                        "Sort Code,Account Number,Transaction Description,Debit Amount,"
                        "Credit Amount,Balance,", "Number,Date,Account,Amount,Subcategory,Memo"]))
def test_ragged_rows_under_a_known_header_are_rejected_not_crashed(
        rows: list[list[str]], header: str) -> None:
    out = io.StringIO(newline="")
    out.write(header + "\n")
    csv.writer(out).writerows(rows)
    parsed = read_statement(out.getvalue().encode("utf-8"))
    assert all(r.reason for r in parsed.rejected)
