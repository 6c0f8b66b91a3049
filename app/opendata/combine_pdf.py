"""Combined open data as a PDF a council officer can read: one table per way of grouping."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.flowables import Flowable

from app.i18n import _, format_number
from app.opendata.combine import Combined, Group
from app.opendata.schema import form_label
from app.outcomes.areas import find_area
from app.statements.pdf_page import GRID, HEAD_FILL, PAGE_MARGIN, TABLE_SIZE, fonts, styles


def _n(value: Decimal | int | None, places: int = 1) -> str:
    return "" if value is None else format_number(Decimal(value), places)


def _money(value: Decimal | None) -> str:
    return "" if value is None else "£" + format_number(value, 2)


def render_pdf(result: Combined, path: Path) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=PAGE_MARGIN,
                            rightMargin=PAGE_MARGIN, topMargin=PAGE_MARGIN,
                            bottomMargin=PAGE_MARGIN, title=_("Open data combined"),
                            creator="CareLedger", invariant=True)
    st = styles()
    parts: list[Flowable] = [
        Paragraph(escape(_("Personal budgets compared: open data combined")), st["title"]),
        Paragraph(escape(_("{n} people's packages. Groups of fewer than {k} people are "
                           "suppressed (shown without figures).").format(
            n=result.packages, k=result.threshold)), st["subtitle"])]
    heads = [_("Group"), _("People"), _("Providers"), _("Visits"), _("Hours planned"),
             _("Hours delivered"), _("Delivered %"), _("Missed %"), _("Late %"),
             _("Cost per hour"), _("Outcome change")]
    for grouping, title in (("org_form", _("By kind of provider")),
                            ("provider", _("By registered provider (CQC location)"))):
        groups = [g for g in result.groups if g.grouping == grouping]
        body = [[_label(g), *_provider_cells(g)] for g in groups]
        parts += [Paragraph(escape(title), st["h2"]), _table(heads, body)]
    area_heads = [_("Outcome area"), _("People"), _("Outcomes"), _("First rating"),
                  _("Latest rating"), _("Change")]
    areas = [g for g in result.groups if g.grouping == "area"]
    body = [[_label(g), *(["—"] * 5 if g.suppressed else [
        str(g.people), str(g.outcomes), _n(g.first_rating, 2), _n(g.latest_rating, 2),
        _n(g.outcome_change, 2)])] for g in areas]
    parts += [Paragraph(escape(_("By outcome area (ratings 1 to 4)")), st["h2"]),
              _table(area_heads, body, first=120)]
    doc.build(parts)


def _label(group: Group) -> str:
    if group.grouping == "org_form":
        return form_label(group.key)
    if group.grouping == "area":
        found = find_area(group.key)
        return f"{group.key} {found.label('en')}" if found else group.key
    return f"{group.key} ({form_label(group.org_form)})"


def _provider_cells(g: Group) -> list[str]:
    if g.suppressed:
        return [_("fewer than 5")] + ["—"] * 9
    return [str(g.people), str(g.providers), str(g.visits), _n(g.hours_planned),
            _n(g.hours_delivered), _n(g.delivered_pct), _n(g.missed_pct), _n(g.late_pct),
            _money(g.cost_per_hour), _n(g.outcome_change, 2)]


def _table(heads: list[str], body: list[list[str]], first: float = 60) -> Flowable:
    if not body:
        return Paragraph(escape(_("None.")), styles()["body"])
    st = styles()
    width = landscape(A4)[0] - 2 * PAGE_MARGIN
    rest = (width - first * mm) / (len(heads) - 1)
    widths = [first * mm] + [rest] * (len(heads) - 1)
    rows: list[list[Any]] = [[Paragraph(escape(h), st["cell_bold"]) for h in heads]]
    rows += [[Paragraph(escape(row[0]), st["cell"]), *row[1:]] for row in body]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle([("FONT", (0, 0), (-1, -1), fonts().regular, TABLE_SIZE),
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table
