"""No cell text wider than its column, whatever the payee or category name."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from app.domain.money import Money
from app.statements import Statement
from app.statements.model import StatementEntry, StatementInputs
from app.statements.pdf import TRANSACTION_COLS, render_pdf
from app.statements.pdf_cells import CELL_PAD, fit
from app.statements.pdf_page import TABLE_SIZE, fonts

MakeStatement = Callable[..., Statement]

WORDS = st.text("abcdefghijklmnopqrstuvwxyzŵŷ ()-&<", min_size=1, max_size=250)


@given(WORDS, st.sampled_from(TRANSACTION_COLS[1:5]))
@settings(max_examples=300, deadline=None)
def test_fitted_text_stays_inside_its_cell(value: str, width_mm: int) -> None:
    width = width_mm * mm
    cell = fit(value, width)
    if isinstance(cell, Paragraph):
        used, _height = cell.wrap(width - 2 * CELL_PAD, 10_000)
        # reportlab may run a split long word a fraction of a point into the padding,
        # never past the cell's edge.
        assert max(cell.getActualLineWidths0() or [0]) <= width - CELL_PAD
        assert used <= width
    else:
        for line in cell.split("\n"):
            assert stringWidth(line, fonts().regular, TABLE_SIZE) <= width - 2 * CELL_PAD


def test_every_page_numbered_and_hash_in_footer(tmp_path: Path,
                                                make_statement: MakeStatement) -> None:
    entries = [StatementEntry(i, date(2025, 4, 1 + i % 30), Money(-1000 - i),
                              "A payee with a long name " * (1 + i % 4), "pa_wages")
               for i in range(1, 301)]
    pdf = tmp_path / "r.pdf"
    render_pdf(make_statement(entries, inputs=StatementInputs(audit_hash="f" * 64)), pdf)
    pages = PdfReader(str(pdf)).pages
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        # The reference, and what it is for, in words.
        assert "History reference " + "f" * 16 + ": the record of changes" in text
        assert "Date" in text or number == 1  # the table header repeats on its pages


@pytest.mark.parametrize("count", [56, 109])  # counts where reportlab alone orphans the totals
def test_totals_never_alone_on_a_page(count: int, tmp_path: Path,
                                      make_statement: MakeStatement) -> None:
    entries = [StatementEntry(i, date(2025, 4, 1 + i % 30), Money(-1000 - i), "Payee",
                              "pa_wages") for i in range(1, count + 1)]
    pdf = tmp_path / "r.pdf"
    render_pdf(make_statement(entries), pdf)
    page = next(p.extract_text() for p in PdfReader(str(pdf)).pages
                if "Totals" in p.extract_text())
    assert re.search(r"\d+ Apr 2025", page.split("Totals")[0])
