"""The return's figures explained and its evidence, as PDF flowables: a sentence under each
figure an officer might query, the evidence checklist, the payments with no receipt, and the
documents in the appendix."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable

from app.domain.documents import KIND_NAMES
from app.i18n import _, active_locale
from app.statements import explain_text, text
from app.statements.model import Statement
from app.statements.pdf_cells import REPORTLAB_PAD, date_text, fit, money_text
from app.statements.pdf_long_table import LongTable
from app.statements.pdf_page import GRID, HEAD_FILL, STRONG_FILL, TABLE_SIZE, fonts, styles


def explained(s: Statement, *prefixes: str) -> list[Flowable]:
    """The sentences for the figures above, warnings in bold."""
    st = styles()
    found: list[Flowable] = []
    for prefix in prefixes:
        for e in s.explained(prefix):
            found += [Spacer(1, 3), Paragraph(escape(explain_text.explanation_text(e)),
                                              st["warn"] if e.warn else st["body"])]
    return found


def _cell(value: str, bold: bool = False) -> Paragraph:
    return Paragraph(escape(value), styles()["cell_bold" if bold else "cell"])


def _style(header: bool) -> list[tuple[Any, ...]]:
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts().regular, TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    return style


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(_style(header))
    return table


def checklist(s: Statement) -> list[Flowable]:
    """What the council asks for and what is missing, with how long to keep the records."""
    st = styles()
    ev = s.evidence
    if ev is None:
        return []
    council = s.holder.council_name or _("The council")
    if ev.asked:
        asked = ", ".join(_(KIND_NAMES[k]).lower() for k in s.rule.required_evidence)
        intro = _("{council}'s rules ask for: {kinds}.").format(council=council, kinds=asked)
    else:
        intro = _("The rules used publish no list of evidence; CareLedger checks that each "
                  "payment has a receipt or invoice.")
    widths = [w * mm for w in (40, 22, 118)]
    rows: list[list[Any]] = [[_cell(_("Evidence"), True), _cell(_("State"), True),
                              _cell(_("What was found"), True)]]
    for item in ev.checklist:
        missing = item.state == "missing"
        rows.append([_cell(_(KIND_NAMES[item.kind])),
                     _cell(_(explain_text.CHECK_STATES[item.state]), missing),
                     _cell(explain_text.check_text(item), missing)])
    table = _table(rows, widths)
    table.setStyle([("BACKGROUND", (1, i), (1, i), STRONG_FILL)
                    for i, item in enumerate(ev.checklist, start=1) if item.state == "missing"])
    return [Paragraph(escape(intro), st["body"]), Spacer(1, 3), table, Spacer(1, 3),
            Paragraph(escape(explain_text.records_text(s)), st["small"])]


def missing_table(s: Statement) -> Flowable:
    """Every payment in the period with no receipt or invoice attached."""
    ev = s.evidence
    if ev is None or not ev.missing:
        return Paragraph(escape(_("Every payment in the period has a receipt or invoice.")),
                         styles()["body"])
    widths = [w * mm for w in (24, 70, 56, 30)]
    rows: list[list[Any]] = [[_cell(h, True) for h in (
        _("Date"), _("Paid to"), _("Category"), _("Amount"))]]
    locale = active_locale()
    for e in ev.missing:
        # Plain lines where the words fit: a Paragraph in every cell took most of the time.
        rows.append([date_text(e.on, locale), fit(e.payee, widths[1], pad=REPORTLAB_PAD),
                     fit(text.category_name(s, e.category_code), widths[2], pad=REPORTLAB_PAD),
                     money_text(abs(e.amount.pence), locale)])
    # A year's payments may have thousands without a receipt: laid out in linear time.
    return LongTable(rows[0], rows[1:], widths,
                     _style(header=True) + [("ALIGN", (3, 1), (3, -1), "RIGHT")])


def documents_table(s: Statement, pages: dict[str, int] | None = None) -> Flowable:
    """The documents for the period, each with its number in the appendix (and its first
    appendix page, once the appendix is laid out)."""
    ev = s.evidence
    if ev is None or not ev.documents:
        return Paragraph(escape(_("No documents kept for this period.")), styles()["body"])
    heads = [_("Ref"), _("Document"), _("What it is for")]
    widths = [w * mm for w in (14, 50, 116)]
    if pages:
        heads.append(_("Appendix page"))
        widths = [w * mm for w in (14, 46, 100, 20)]
    rows: list[list[Any]] = [[_cell(h, True) for h in heads]]
    for listed in ev.documents:
        what = "\n".join(explain_text.document_text(link) for link in listed.links)
        row: list[Any] = [listed.ref, _cell(listed.doc.name),
                          Paragraph(escape(what).replace("\n", "<br/>"), styles()["cell"])]
        if pages:
            row.append(str(pages.get(listed.ref, "")))
        rows.append(row)
    return _table(rows, widths)
