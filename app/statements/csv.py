"""The monitoring return as one CSV file a council's spreadsheet can read.

Columns: section, key (stable, English), label (translated), value (text), date (ISO),
payee, category, support_plan_line, evidence, amount (plain "-12.50", money in positive).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from app.csv_cells import neutralise
from app.i18n import _, active_locale, pence_to_plain
from app.statements import text
from app.statements.model import Statement
from app.statements.outcomes_text import blocks

COLUMNS = ["section", "key", "label", "value", "date", "payee", "category",
           "support_plan_line", "evidence", "amount"]


def rows(s: Statement) -> Iterator[list[str]]:
    yield COLUMNS
    for line in text.header_lines(s):
        yield _line("header", line)
    yield ["header", "period_start", _("Period start"), s.period.start.isoformat()] + [""] * 6
    yield ["header", "period_end", _("Period end"), s.period.end.isoformat()] + [""] * 6
    yield ["header", "audit_hash", _("Audit trail latest hash"), s.audit_hash] + [""] * 6
    if s.generated_on is not None:
        yield ["header", "produced_on", _("Produced"), s.generated_on.isoformat()] + [""] * 6
    for fl in s.funding.lines:
        label = text.stream_label(fl.stream.funder, fl.stream.kind)
        yield ["funding_stream", f"gross:{fl.stream.funder}", label, str(fl.days_in_period),
               "", "", "", "", "", pence_to_plain(fl.gross_period.pence)]
    for section, lines in text.SECTIONS.items():
        for line in lines(s):
            yield _line(section, line)
    yield from _transactions(s)
    yield from _flagged(s)
    yield from _services(s)
    yield from _employer_checks(s)
    yield from outcome_rows(s)
    yield ["declaration", "declaration", _("Declaration"),
           s.rule.declaration(active_locale())] + [""] * 6


def _line(section: str, line: text.Line) -> list[str]:
    amount = pence_to_plain(line.money.pence) if line.money is not None else ""
    return [section, line.key, line.label, line.text, "", "", "", "", "", amount]


def _transactions(s: Statement) -> Iterator[list[str]]:
    for e in s.transactions:
        yield ["transaction", str(e.id), text.category_name(s, e.category_code),
               "" if e.cleared else _("Not yet on the bank statement"), e.on.isoformat(),
               e.payee, e.category_code, e.support_plan_line, e.evidence_ref,
               pence_to_plain(e.amount.pence)]


def _flagged(s: Statement) -> Iterator[list[str]]:
    for flag in s.flagged:
        e = flag.entry
        rule = (_("Not sorted yet") if flag.unsorted
                else _(text.PERMISSIONS[flag.permission.value]))
        yield ["needs_agreement", str(e.id), rule,
               e.approval_reason, e.on.isoformat(), e.payee, e.category_code,
               e.support_plan_line, e.evidence_ref, pence_to_plain(e.amount.pence)]


def _services(s: Statement) -> Iterator[list[str]]:
    if not s.services:
        yield ["services", "none", _("Services delivered and paid for"),
               _("None recorded")] + [""] * 6
        return
    for p in s.services:
        value = _("{planned} hours planned, {delivered} delivered, value {value}").format(
            planned=p.planned_hours, delivered=p.delivered_hours,
            value=pence_to_plain(p.value_delivered.pence))
        yield ["services", "paid", _("Paid"), value, "", p.provider, "", "", "",
               pence_to_plain(p.paid.pence)]


def outcome_rows(s: Statement) -> Iterator[list[str]]:
    """Each outcome (amount: spent on it in the period), its ratings (date, score) and who
    delivered it (payee, amount paid for it); then the totals and any notes."""
    summary = s.outcome_summary
    for block in blocks(summary) if summary is not None else []:
        report = block.report
        key = str(block.id)
        yield ["outcome", key, block.text, block.area_code, "", "", "",
               "; ".join(report.plan_lines), "", pence_to_plain(-block.spent.pence)]
        for rating in report.ratings:
            yield ["outcome_rating", key, _("Rating"), str(rating.score), rating.on.isoformat(),
                   "", "", "", "", ""]
        for d in report.deliverers:
            yield ["outcome_delivered_by", key, _("Delivered by"),
                   f"{d.delivered_minutes / 60:.2f}", "", d.name, "", "", "",
                   pence_to_plain(-d.paid.pence)]
    if summary is not None:
        yield ["outcome_total", "linked", _("Spent on outcomes"), "", "", "", "", "", "",
               pence_to_plain(-summary.linked.pence)]
        yield ["outcome_total", "not_linked", _("Not linked to any outcome"), "", "", "", "",
               "", "", pence_to_plain(-summary.not_linked.pence)]
    yield ["outcomes", "outcomes", _("Notes on outcomes"), s.outcomes or _("None recorded")] + [
        ""] * 6


def _employer_checks(s: Statement) -> Iterator[list[str]]:
    for whose, key, topic, state, said, (title, url) in text.check_rows(s):
        source = f"{title} ({url})" if url else title
        yield ["employer_check", key, topic, f"{state}: {said}", "", whose, "", "", source, ""]


AMOUNT_COLUMN = COLUMNS.index("amount")


def safe(row: list[str]) -> list[str]:
    """Text a spreadsheet would run as a formula (a payee named "=HYPERLINK(...)" from a bank
    file) gets a leading apostrophe; the amount column is plain numbers and stays as it is."""
    return [cell if i == AMOUNT_COLUMN else neutralise(cell) for i, cell in enumerate(row)]


def render_csv_text(statement: Statement) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(safe(row) for row in rows(statement))
    return buffer.getvalue()


def render_csv(statement: Statement, path: Path) -> None:
    # utf-8-sig so Excel on Windows shows Welsh letters (ŵ, ŷ) and the £ sign correctly.
    path.write_text(render_csv_text(statement), encoding="utf-8-sig", newline="")
