"""Generated statements: any encoding, BOM, blank lines, amount and date form; never a crash.

Each generated file is written the way a bank might (the `statement_files` strategy in
tests/conftest.py), and the test knows what each line should read as, so the reader must get
the amounts and line numbers exactly right too.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers.bank import UnreadableStatement, read_statement

HEADERS = ["Date,Description,Amount,Balance",
           "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,"
           "Debit Amount,Credit Amount,Balance,",
           "Number,Date,Account,Amount,Subcategory,Memo"]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_generated_statements_read_exactly(statement_files: st.SearchStrategy[Any],
                                           data: st.DataObject) -> None:
    raw, placed, _split, encoding = data.draw(statement_files)
    parsed = read_statement(raw)
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
@given(data=st.binary(max_size=600))
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
@given(data=st.data(), header=st.sampled_from(HEADERS))
def test_ragged_rows_under_a_known_header_are_rejected_not_crashed(
        statement_text: st.SearchStrategy[str], data: st.DataObject, header: str) -> None:
    rows = data.draw(st.lists(st.lists(statement_text, max_size=6), max_size=8))
    out = io.StringIO(newline="")
    out.write(header + "\n")
    csv.writer(out).writerows(rows)
    parsed = read_statement(out.getvalue().encode("utf-8"))
    assert all(r.reason for r in parsed.rejected)
