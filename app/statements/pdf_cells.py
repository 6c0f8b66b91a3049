"""Text for a table cell: plain lines where the words fit (cheap to lay out and draw, which
matters in tables of thousands of rows), a Paragraph only where one word is wider than the
cell."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from app.i18n import format_date, format_money
from app.statements.pdf_page import TABLE_SIZE, fonts, styles

CELL_PAD = 2.5  # left and right padding of the statement's own tables
REPORTLAB_PAD = 6  # reportlab's default padding, for tables that keep it


def fit(value: str, width_pt: float, bold: bool = False,
        pad: float = CELL_PAD) -> str | Paragraph:
    """Text wrapped to the cell: plain lines when words fit (fast for long tables), a
    Paragraph (which also breaks over-long words) when one word is wider than the cell."""
    wrapped = _wrapped(value, width_pt - 2 * pad, bold)
    if wrapped is not None:
        return wrapped
    return Paragraph(escape(value), styles()["cell_bold" if bold else "cell"])


def head(value: str, width_pt: float) -> str | Paragraph:
    """A column heading: wrapped between words, and set smaller when one word (Welsh
    "Tystiolaeth", "Dyddiau") is wider than the column, so no word is ever broken."""
    room = width_pt - 2 * CELL_PAD
    widest = max(stringWidth(word, fonts().bold, TABLE_SIZE) for word in value.split() or [""])
    if widest <= room:
        return fit(value, width_pt, bold=True)
    return Paragraph(escape(value), _head_style(max(5.5, TABLE_SIZE * room / widest)))


@lru_cache(maxsize=64)
def _head_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"head{size:.2f}", parent=styles()["cell_bold"], fontSize=size,
                          leading=size * 1.2)


@lru_cache(maxsize=4096)
def _wrapped(value: str, width: float, bold: bool) -> str | None:
    # Payees and categories repeat down a year of entries: measure each text once.
    f = fonts()
    font = f.bold if bold else f.regular
    if stringWidth(value, font, TABLE_SIZE) <= width:
        return value
    lines = simpleSplit(value, font, TABLE_SIZE, width)
    if any(stringWidth(line, font, TABLE_SIZE) > width for line in lines):
        return None
    return "\n".join(lines)


@lru_cache(maxsize=8192)
def money_text(pence: int, locale: str) -> str:
    # babel formatting costs about 0.25 ms a call; a year repeats the same wages and dates.
    return format_money(pence, locale)


@lru_cache(maxsize=1024)
def date_text(day: date, locale: str) -> str:
    return format_date(day, locale=locale)
