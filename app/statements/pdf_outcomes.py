"""The statement's outcomes section as PDF flowables: each outcome, its area in law, its
ratings in the period, what was spent on it and who delivered it."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable

from app.i18n import _, format_money
from app.statements.model import Statement
from app.statements.outcomes_text import OutcomeBlock, blocks
from app.statements.pdf_page import GRID, PAGE_MARGIN, STRONG_FILL, TABLE_SIZE, fonts, styles

LABEL_WIDTH = 45 * mm


def outcomes_section(s: Statement) -> list[Flowable]:
    st = styles()
    title = Paragraph(escape(_("Outcomes")), st["h2"])
    summary = s.outcome_summary
    parts: list[Flowable] = []
    if summary is None or not summary.reports:
        parts.append(Paragraph(escape(_("No outcomes recorded in the support plan yet.")),
                               st["body"]))
    else:
        for block in blocks(summary):
            parts.append(_block(block))
            parts.append(Spacer(1, 4))
        parts.append(Paragraph(escape(_(
            "Spent on outcomes in the period: {linked}. Not linked to any outcome: {rest}. "
            "A payment counts for the outcome it is linked to, or else for the outcomes its "
            "support-plan line pays for, shared equally.").format(
            linked=format_money(summary.linked.pence),
            rest=format_money(summary.not_linked.pence))), st["small"]))
    if s.outcomes:
        parts += [Spacer(1, 4), Paragraph(escape(_("Notes on outcomes")), st["cell_bold"]),
                  Paragraph(escape(s.outcomes).replace("\n", "<br/>"), st["body"])]
    return [KeepTogether([title, *parts[:1]]), *parts[1:]]


def _block(block: OutcomeBlock) -> Flowable:
    st = styles()
    width = 210 * mm - 2 * PAGE_MARGIN - LABEL_WIDTH

    def cell(text: str) -> Paragraph:
        return Paragraph(escape(text), st["cell"])

    rows: list[list[Any]] = [
        [Paragraph(escape(_("Outcome {n}").format(n=block.id)), st["cell_bold"]),
         Paragraph(escape(block.text), st["cell_bold"])],
        [_("Area"), cell(block.area)],
        [_("Paid for by"), cell(block.plan_lines)],
        [_("Ratings (1 to 4)"), Paragraph("<br/>".join(escape(r) for r in block.ratings),
                                         st["cell"])],
        [_("Trend"), cell(block.trend)],
        [_("Spent in the period"), format_money(block.spent.pence)],
        [_("Delivered by"), Paragraph("<br/>".join(escape(d) for d in block.delivered_by),
                                      st["cell"])],
    ]
    table = Table(rows, colWidths=(LABEL_WIDTH, width), hAlign="LEFT")
    table.setStyle([("FONT", (0, 0), (-1, -1), fonts().regular, TABLE_SIZE),
                    ("FONT", (0, 0), (0, -1), fonts().bold, TABLE_SIZE),
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), STRONG_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return KeepTogether([table])
