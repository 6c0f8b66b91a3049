"""Generated statements: any encoding, BOM, blank lines, amount and date form; never a crash.

Each generated file is written the way a bank might, and the test knows what each line
should read as, so the importer must get the amounts and line numbers exactly right too.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers.bank import UnreadableStatement, read_statement
from tests.app.importers.bank.statement_strategies import TEXT, Line, statements


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
