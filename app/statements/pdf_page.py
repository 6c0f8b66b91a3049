"""Page furniture for the statement PDF: fonts that have Welsh letters, styles, and a canvas
that writes "Page X of Y" and, in words, the history reference on every page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.i18n import _
from app.paths import RESOURCES

# ŵ and ŷ are not in the PDF standard fonts: a TrueType font with them is needed for Welsh.
FONT_CANDIDATES = (
    (RESOURCES / "fonts" / "DejaVuSans.ttf", RESOURCES / "fonts" / "DejaVuSans-Bold.ttf"),
    (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
     Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
    (Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
     Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")),
    (Path("C:/Windows/Fonts/arial.ttf"), Path("C:/Windows/Fonts/arialbd.ttf")),
    (Path("/Library/Fonts/Arial.ttf"), Path("/Library/Fonts/Arial Bold.ttf")),
)

PAGE_MARGIN = 15 * mm
BODY_SIZE = 9
TABLE_SIZE = 8
GRID = colors.HexColor("#9a9a9a")
HEAD_FILL = colors.HexColor("#e4e8ee")
STRONG_FILL = colors.HexColor("#f3f5f8")
UNCLEARED_FILL = colors.HexColor("#fff6d9")  # lines not yet on a bank statement
WARN = colors.HexColor("#9c2a00")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


@cache
def fonts() -> Fonts:
    """Register the first font pair found; Helvetica (no ŵ/ŷ) only when none is installed."""
    for regular, bold in FONT_CANDIDATES:
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("CL-Regular", str(regular)))
            pdfmetrics.registerFont(TTFont("CL-Bold", str(bold)))
            return Fonts("CL-Regular", "CL-Bold")
    return Fonts("Helvetica", "Helvetica-Bold")


@cache
def styles() -> dict[str, ParagraphStyle]:
    f = fonts()
    body = ParagraphStyle("body", fontName=f.regular, fontSize=BODY_SIZE, leading=12)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=f.bold, fontSize=16, leading=20,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13,
                                   spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=body, fontName=f.bold, fontSize=11.5, leading=15,
                             spaceBefore=10, spaceAfter=4),
        "body": body,
        "warn": ParagraphStyle("warn", parent=body, fontName=f.bold, textColor=WARN),
        "cell": ParagraphStyle("cell", parent=body, fontSize=TABLE_SIZE, leading=9.6),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=f.bold,
                                    fontSize=TABLE_SIZE, leading=9.6),
        "small": ParagraphStyle("small", parent=body, fontSize=7, leading=9,
                                textColor=colors.HexColor("#444444")),
    }


def numbered_canvas(left_text: str, hash_text: str) -> Callable[..., Canvas]:
    """A canvas class that keeps each page until the end, so it can print "Page X of Y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, count)
                super().showPage()
            super().save()

        def _footer(self, number: int, count: int) -> None:
            f = fonts()
            width, _height = self._pagesize
            y = PAGE_MARGIN - 7 * mm
            self.setFont(f.regular, 7.5)
            self.setFillColor(colors.black)
            self.drawString(PAGE_MARGIN, y, left_text)
            self.drawRightString(width - PAGE_MARGIN, y,
                                 _("Page {number} of {count}").format(number=number,
                                                                      count=count))
            self.setFont(f.regular, 6.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(PAGE_MARGIN, y - 9, hash_text)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.4)
            self.line(PAGE_MARGIN, y + 9, width - PAGE_MARGIN, y + 9)

    return NumberedCanvas
