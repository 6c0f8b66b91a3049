"""The monitoring return as a PDF (reportlab platypus): tidy tables a council officer can read.

Only formats what the Statement holds. Long payee and category names wrap inside their cells;
the transactions table repeats its header on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import Flowable

from app.i18n import _, active_locale, format_date, format_money, format_number
from app.statements import pdf_evidence, text
from app.statements.model import Statement, StatementEntry
from app.statements.pdf_cells import CELL_PAD, date_text, fit, head, money_text
from app.statements.pdf_long_table import LongTable
from app.statements.pdf_outcomes import outcomes_section
from app.statements.pdf_page import (
    GRID,
    HEAD_FILL,
    PAGE_MARGIN,
    STRONG_FILL,
    TABLE_SIZE,
    UNCLEARED_FILL,
    fonts,
    numbered_canvas,
    styles,
)

CONTENT_WIDTH = A4[0] - 2 * PAGE_MARGIN
LONG_TABLE_START = 45 * mm  # room for a heading, the table's header and a few rows
# Date, payee, category, plan line, evidence, in, out (mm); sums to the content width (180).
TRANSACTION_COLS = (24, 38, 39, 21, 18, 20, 20)


def render_pdf(statement: Statement, path: Path,
               on_page: Callable[[int], None] | None = None,
               appendix_pages: dict[str, int] | None = None) -> None:
    """Write the return; `on_page(n)` hears of each page as it is laid out (it may raise to
    stop, and then the caller removes the part-written file). With `appendix_pages` (each
    document's first page in the appendix that follows) the documents list gives them."""
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN, bottomMargin=PAGE_MARGIN + 6 * mm,
        title=_("Monitoring return"), author=statement.holder.name, creator="CareLedger",
        # No creation time or random document id: the same statement gives the same bytes.
        invariant=True,
    )
    def page_done(_canvas: object, template: Any) -> None:
        if on_page is not None:
            on_page(int(template.page))

    doc.build(story(statement, appendix_pages), onFirstPage=page_done,
              onLaterPages=page_done,
              canvasmaker=numbered_canvas(_footer_left(statement), text.history_footer(statement)))


def story(s: Statement, appendix_pages: dict[str, int] | None = None) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        Paragraph(escape(_("Monitoring return")), st["title"]),
        Paragraph(escape(text.period_text(s)), st["subtitle"]),
        key_value_table(text.header_lines(s)),
        *section(_("Funding"), [funding_table(s), Spacer(1, 4),
                                lines_table(text.funding_summary_lines(s)),
                                *pdf_evidence.explained(s, "payments", "contribution")]),
        *section(_("Money in and out"), [lines_table(text.reconciliation_lines(s)),
                                         *pdf_evidence.explained(s, "over_funding",
                                                                 "uncleared")]),
        *uncleared_section(s),
        *section(_("What is owed"), [lines_table(text.liability_lines(s)),
                                     Paragraph(escape(_(
                                         "The contingency is kept, not owed.")),
                                         st["small"])]),
        *section(_("Weeks held and surplus"), [
            lines_table(text.weeks_lines(s)), Spacer(1, 3),
            Paragraph(escape(text.surplus_message(s)),
                      st["warn"] if s.position.over_limit else st["body"]),
            *pdf_evidence.explained(s, "limit", "no_limit", "below_minimum")]),
        *section(_("Evidence"), pdf_evidence.checklist(s)),
        *section(_("Spending against the support plan"), [plan_flowable(s)]),
    ]
    parts += long_section(_("Spending that needs the council's agreement"), flagged_flowable(s))
    parts += long_section(_("Every transaction"), transactions_table(s))
    parts.insert(len(parts) - 1, Paragraph(escape(_(
        "Lines marked * (shaded) are not yet on a bank statement. Evidence: the number of the "
        "document in the appendix; “None” when a payment has no receipt or invoice.")),
        st["small"]))
    parts += long_section(_("Payments without a receipt or invoice"),
                          pdf_evidence.missing_table(s))
    parts += long_section(_("Documents for this period"),
                          pdf_evidence.documents_table(s, appendix_pages))
    parts += long_section(_("Services delivered and paid for"), services_flowable(s))
    parts += pdf_evidence.explained(s, "provider")
    parts += employer_section(s)
    parts += outcomes_section(s)
    parts += section(_("Declaration"), declaration(s))
    return parts


def section(title: str, body: list[Flowable]) -> list[Flowable]:
    """A heading kept on the same page as the start of what it heads."""
    return [KeepTogether([Paragraph(escape(title), styles()["h2"]), *body])]


def long_section(title: str, table: Flowable) -> list[Flowable]:
    """A heading over a table that may run for pages: start a new page only when there is
    no room for the heading and a few rows, rather than moving the whole table on."""
    return [CondPageBreak(LONG_TABLE_START), Paragraph(escape(title), styles()["h2"]), table]


def _footer_left(s: Statement) -> str:
    parts = [s.holder.name, text.period_text(s)]
    if s.generated_on is not None:
        parts.append(_("Produced {date}").format(date=format_date(s.generated_on)))
    return " · ".join(parts)


# --- tables ---------------------------------------------------------------------------------


def base_style(header: bool) -> list[tuple[Any, ...]]:
    f = fonts()
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), f.regular, TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands += [("FONT", (0, 0), (-1, 0), f.bold, TABLE_SIZE),
                     ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL)]
    return commands


def key_value_table(lines: list[text.Line]) -> Table:
    widths = (55 * mm, CONTENT_WIDTH - 55 * mm)
    rows = [[fit(line.label, widths[0], True), fit(line.text, widths[1])] for line in lines]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(base_style(header=False) + [
        ("FONT", (0, 0), (0, -1), fonts().bold, TABLE_SIZE),
        ("BACKGROUND", (0, 0), (0, -1), STRONG_FILL)])
    return table


def lines_table(lines: list[text.Line]) -> Table:
    """Label | figure | note, strong lines shaded and bold."""
    widths = (85 * mm, 30 * mm, CONTENT_WIDTH - 115 * mm)
    rows = []
    style = base_style(header=False) + [("ALIGN", (1, 0), (1, -1), "RIGHT")]
    for i, line in enumerate(lines):
        figure = format_money(line.money.pence) if line.money is not None else line.text
        note = line.text if line.money is not None else ""
        rows.append([fit(line.label, widths[0], line.strong), figure,
                     fit(note, widths[2], line.strong)])
        if line.strong:
            style += [("FONT", (0, i), (1, i), fonts().bold, TABLE_SIZE),
                      ("BACKGROUND", (0, i), (-1, i), STRONG_FILL)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(style)
    return table


def funding_table(s: Statement) -> Flowable:
    if not s.funding.lines:
        return Paragraph(escape(_("No funding recorded for this period.")), styles()["body"])
    heads = [_("Funding"), _("How often paid"), _("Weekly"), _("Weekly contribution"), _("Days"),
            _("Gross for period"), _("Contribution due")]
    widths = [w * mm for w in (46, 26, 20, 24, 12, 26, 26)]
    rows: list[list[Any]] = [[head(h, w) for h, w in zip(heads, widths, strict=True)]]
    for line in s.funding.lines:
        st = line.stream
        rows.append([fit(text.stream_label(st.funder, st.kind), widths[0]),
                     fit(_(text.FREQUENCIES.get(st.frequency, st.frequency)), widths[1]),
                     format_money(line.gross_weekly.pence),
                     format_money(line.contribution_weekly.pence),
                     str(line.days_in_period), format_money(line.gross_period.pence),
                     format_money(line.contribution_due.pence)])
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(base_style(header=True) + [("ALIGN", (2, 1), (-1, -1), "RIGHT")])
    return table


def transaction_row(s: Statement, e: StatementEntry, widths: list[float],
                    names: dict[str, str]) -> list[Any]:
    amount = money_text(abs(e.amount.pence), active_locale())
    money_in, money_out = (amount, "") if e.amount.pence > 0 else ("", amount)
    day = date_text(e.on, active_locale())
    return [fit(day if e.cleared else "* " + day, widths[0]), fit(e.payee, widths[1]),
            fit(names.get(e.category_code, e.category_code), widths[2]),
            fit(e.support_plan_line, widths[3]), fit(evidence_cell(s, e), widths[4]),
            money_in, money_out]


def evidence_cell(s: Statement, e: StatementEntry) -> str:
    """The entry's documents by their appendix numbers; "None" for a payment with none."""
    refs = s.evidence.refs_of(e.id) if s.evidence is not None else ()
    if refs:
        return ", ".join(refs)
    if e.evidence_ref:
        return e.evidence_ref
    return _("None") if e.amount.pence < 0 else ""


class TotalsTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A long table whose last row (the totals) never starts a page on its own.

    reportlab's NOSPLIT does this too, but makes each split measure every row: minutes for a
    year of entries. Moving the split point back one row costs nothing.
    """

    def _getFirstPossibleSplitRowPosition(self, availHeight: float,  # noqa: N802
                                          ignoreSpans: int = 0) -> int:  # noqa: N803
        at: int = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        return at - 1 if at == len(self._cellvalues) - 1 and at > 2 else at


def transactions_table(s: Statement) -> Flowable:
    if not s.transactions:
        return Paragraph(escape(_("No transactions in this period.")), styles()["body"])
    widths = [w * mm for w in TRANSACTION_COLS]
    heads = [_("Date"), _("Payee or payer"), _("Category"), _("Support plan line"),
            _("Evidence"), _("In"), _("Out")]
    names = {code: text.category_name(s, code) for code in s.categories}
    header = [head(h, w) for h, w in zip(heads, widths, strict=True)]
    body = [transaction_row(s, e, widths, names) for e in s.transactions]
    r = s.reconciliation
    totals = [format_money(r.total_in.pence), format_money(r.total_out.pence)]
    return LongTable(header, body, widths,
                     base_style(header=True) + [("ALIGN", (5, 0), (6, -1), "RIGHT")],
                     closing=[["", _("Totals"), "", "", "", *totals]],
                     closing_style=[
                         ("FONT", (0, -1), (-1, -1), fonts().bold,
                          _total_size(totals, widths[5])),
                         ("BACKGROUND", (0, -1), (-1, -1), STRONG_FILL)],
                     make=TotalsTable,
                     fills={i: UNCLEARED_FILL for i, e in enumerate(s.transactions)
                            if not e.cleared})


def _total_size(figures: list[str], width: float) -> float:
    """A smaller type size for totals too wide for their column (six-figure years)."""
    widest = max(stringWidth(f, fonts().bold, TABLE_SIZE) for f in figures)
    room = width - 2 * CELL_PAD
    return TABLE_SIZE if widest <= room else TABLE_SIZE * room / widest


def flagged_flowable(s: Statement) -> Flowable:
    if not s.flagged:
        return Paragraph(escape(_("None in this period.")), styles()["body"])
    widths = [w * mm for w in (24, 38, 36, 24, 20, 38)]
    heads = [_("Date"), _("Payee or payer"), _("Category"), _("Rule"), _("Amount"),
             _("Reason given")]
    rows: list[list[Any]] = []
    for flag in s.flagged:
        e = flag.entry
        rule = (_("Not sorted yet") if flag.unsorted
                else _(text.PERMISSIONS[flag.permission.value]))
        rows.append([fit(date_text(e.on, active_locale()), widths[0]), fit(e.payee, widths[1]),
                     fit(text.category_name(s, e.category_code), widths[2]),
                     fit(rule, widths[3]),
                     money_text(abs(e.amount.pence), active_locale()),
                     fit(e.approval_reason or _("None given"), widths[5])])
    return LongTable([head(h, w) for h, w in zip(heads, widths, strict=True)], rows, widths,
                     base_style(header=True) + [("ALIGN", (4, 0), (4, -1), "RIGHT")])


def plan_flowable(s: Statement) -> Flowable:
    if not s.plan:
        return Paragraph(escape(_("No support-plan lines recorded.")), styles()["body"])
    return lines_table(text.plan_lines(s))


def uncleared_section(s: Statement) -> list[Flowable]:
    """When checking against a bank statement, list what the bank has not shown yet."""
    r = s.reconciliation
    if r.bank_balance is None or not r.uncleared:
        return []
    widths = [w * mm for w in (24, 100, 28)]
    heads = [_("Date"), _("Payee or payer"), _("Amount")]
    rows = [[fit(date_text(e.on, active_locale()), widths[0]), fit(e.payee, widths[1]),
             money_text(e.amount.pence, active_locale())] for e in r.uncleared]
    table = LongTable([head(h, w) for h, w in zip(heads, widths, strict=True)], rows, widths,
                      base_style(header=True) + [("ALIGN", (2, 0), (2, -1), "RIGHT")])
    return long_section(_("Items not yet on the bank statement"), table)


def services_flowable(s: Statement) -> Flowable:
    if not s.services:
        return Paragraph(escape(_("None recorded")), styles()["body"])
    heads = [_("Provider or PA"), _("Hours planned"), _("Hours delivered"),
            _("Value delivered"), _("Paid"), _("Paid minus delivered")]
    widths = [w * mm for w in (60, 22, 22, 26, 25, 25)]
    rows: list[list[Any]] = [[head(h, w) for h, w in zip(heads, widths, strict=True)]]
    style = base_style(header=True) + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    for i, p in enumerate(s.services, start=1):
        rows.append([fit(p.provider, widths[0]), format_number(p.planned_hours, 2),
                     format_number(p.delivered_hours, 2),
                     format_money(p.value_delivered.pence), format_money(p.paid.pence),
                     format_money(p.difference.pence)])
        if p.difference.pence:
            style += [("FONT", (5, i), (5, i), fonts().bold, TABLE_SIZE),
                      ("BACKGROUND", (5, i), (5, i), STRONG_FILL)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return KeepTogether([table, Spacer(1, 2), Paragraph(escape(_(
        "Paid minus delivered: a positive figure means more was paid than the care delivered "
        "was worth; a negative figure means less was paid.")), styles()["small"])])


def employer_section(s: Statement) -> list[Flowable]:
    """You as an employer: each PA's hours and pay, insurance, what is owed, the checks."""
    if s.employer is None:
        return []
    widths = [w * mm for w in (52, 22, 28, 28, 28, 22)]
    heads = [_("Personal assistant"), _("Hours worked"), _("Gross pay"),
             _("Tax and National Insurance"), _("Pension contributions"), _("Payslips")]
    rows: list[list[Any]] = [[head(h, w) for h, w in zip(heads, widths, strict=True)]]
    for pa in (*s.employer.pas, s.employer.total):
        rows.append([fit(pa.name or _("All PAs"), widths[0], not pa.name),
                     format_number(pa.hours, 2), format_money(pa.gross.pence),
                     format_money(pa.tax_ni.pence), format_money(pa.pension.pence),
                     str(pa.payslips)])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(base_style(header=True) + [
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONT", (0, -1), (-1, -1), fonts().bold, TABLE_SIZE),
        ("BACKGROUND", (0, -1), (-1, -1), STRONG_FILL)])
    st = styles()
    parts = long_section(_("You as an employer: your personal assistants"), table)
    lines = text.employer_lines(s)
    parts += [Spacer(1, 4), key_value_table([x for x in lines if x.money is None]),
              Spacer(1, 4), lines_table([x for x in lines if x.money is not None]),
              Spacer(1, 3),
              Paragraph(escape(_("Hours come from the care received (timesheets); pay, tax, "
                                 "National Insurance and pension from the payslips.")),
                        st["small"])]
    parts += long_section(_("Employer checks"), checks_table(s))
    sources = text.check_sources(s)
    if sources:
        parts.append(Spacer(1, 3))
        parts += [Paragraph(escape(f"[{n}] {title}" + (f": {url}" if url else "")), st["small"])
                  for n, (title, url) in enumerate(sources, start=1)]
    return parts


def checks_table(s: Statement) -> Flowable:
    rows_in = text.check_rows(s)
    if not rows_in:
        return Paragraph(escape(_("None recorded")), styles()["body"])
    widths = [w * mm for w in (30, 28, 20, 88, 14)]
    numbers = {source: n for n, source in enumerate(text.check_sources(s), start=1)}
    heads = [_("Whose"), _("Check"), _("State"), _("What was found and what to do"),
             _("Source")]
    rows: list[list[Any]] = [[head(h, w) for h, w in zip(heads, widths, strict=True)]]
    style = base_style(header=True)
    for i, (whose, _key, topic, state, said, source) in enumerate(rows_in, start=1):
        rows.append([fit(whose, widths[0]), fit(topic, widths[1]),
                     fit(state, widths[2], bold=state != _("OK")), fit(said, widths[3]),
                     f"[{numbers[source]}]"])
        if state != _("OK"):
            style.append(("BACKGROUND", (2, i), (2, i), STRONG_FILL))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return table


def declaration(s: Statement) -> list[Flowable]:
    st = styles()
    blank = "_" * 38
    rows = [[_("Signed"), blank], [_("Name"), blank], [_("Date"), blank]]
    table = Table(rows, colWidths=(30 * mm, 90 * mm), rowHeights=10 * mm, hAlign="LEFT")
    table.setStyle([("FONT", (0, 0), (-1, -1), fonts().regular, 10),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return [Paragraph(escape(s.rule.declaration(active_locale())), st["body"]),
            Spacer(1, 6), table]
