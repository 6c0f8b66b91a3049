"""The monitoring return as one CSV file a council's spreadsheet can read.

One row per figure or fact, one column per kind of value (docs/return-csv.md): section, key
(stable, English), label (translated), entry_id, date (ISO), payee, category, support_plan_line,
amount (plain "-12.50", money in positive), on_bank_statement (yes/no), evidence (appendix
numbers), days, hours, weeks, count, state (a stable word), text (words), source.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from app.csv_cells import neutralise
from app.domain.money import Money
from app.i18n import _, active_locale, pence_to_plain
from app.statements import explain_text, text
from app.statements.model import Statement
from app.statements.outcomes_text import blocks

COLUMNS = ["section", "key", "label", "entry_id", "date", "payee", "category",
           "support_plan_line", "amount", "on_bank_statement", "evidence", "days", "hours",
           "weeks", "count", "state", "area", "score", "text", "source"]
# Columns that hold numbers only; everything else is neutralised for spreadsheets.
NUMBER_COLUMNS = frozenset({"entry_id", "amount", "days", "hours", "weeks", "count", "score"})
Row = dict[str, str]


def row(section: str, key: str, label: str, **values: object) -> Row:
    """A row with the named columns filled: Money as plain pounds, Decimal and int as they
    are, dates as YYYY-MM-DD, True/False as yes/no."""
    found = {"section": section, "key": key, "label": label}
    for name, value in values.items():
        if name not in COLUMNS:
            raise KeyError(name)
        found[name] = _plain(value)
    return found


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return pence_to_plain(value.pence)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def rows(s: Statement) -> Iterator[Row]:
    yield from _header(s)
    for fl in s.funding.lines:
        yield row("funding_stream", f"gross:{fl.stream.funder}",
                  text.stream_label(fl.stream.funder, fl.stream.kind),
                  amount=fl.gross_period, days=fl.days_in_period,
                  state=fl.stream.frequency.value)
    for section, lines in text.SECTIONS.items():
        for line in lines(s):
            yield _line(s, section, line)
    yield from _weeks(s)
    yield from _explanations(s)
    yield from _evidence(s)
    yield from _transactions(s)
    yield from _flagged(s)
    yield from _services(s)
    yield from _employer_checks(s)
    yield from outcome_rows(s)
    yield row("declaration", "declaration", _("Declaration"),
              text=s.rule.declaration(active_locale()))


def _header(s: Statement) -> Iterator[Row]:
    dated = {"period": None, "produced_on": s.generated_on, "due": s.due_on}
    for line in text.header_lines(s):
        yield row("header", line.key, line.label, text=line.text, date=dated.get(line.key))
    yield row("header", "period_start", _("Period start"), date=s.period.start)
    yield row("header", "period_end", _("Period end"), date=s.period.end)
    yield row("header", "frequency_code", _("Returns"), state=s.rule.return_frequency.value)
    for n, source in enumerate(s.rule.sources, start=1):
        yield row("rule_source", str(n), source.title, text=source.says, source=source.url)


def _line(s: Statement, section: str, line: text.Line) -> Row:
    """A labelled figure: weeks and counts in their own columns, as plain numbers."""
    p = s.position
    weeks = {"weeks_held": p.weeks_held, "weeks_limit": p.weeks_limit,
             "weeks_contingency": p.contingency_weeks}
    if line.key in weeks:
        return row(section, line.key, line.label, weeks=weeks[line.key],
                   text="" if weeks[line.key] is not None else line.text)
    if line.key == "employer_checks" and s.employer is not None:
        return row(section, line.key, line.label, count=s.employer.problems)
    if line.key == "uncleared_total":
        return row(section, line.key, line.label, amount=line.money,
                   count=len(s.reconciliation.uncleared))
    if line.key == "bank_difference" and line.money is not None:
        return row(section, line.key, line.label, amount=line.money,
                   state="agrees" if line.money.pence == 0 else "differs", text=line.text)
    if line.key == "insurance_renewal":
        return row(section, line.key, line.label, text=line.text)
    return row(section, line.key, line.label, amount=line.money, text=line.text)


def _weeks(s: Statement) -> Iterator[Row]:
    """The rule's words as codes: which weekly amount the limit counts, the minimum."""
    p, rule = s.position, s.rule
    yield row("rule", "code", s.rule.name(active_locale()), state=rule.code,
              text="published" if rule.published else "model")
    yield row("rule", "limit_basis", _("Limit counted on"), state=p.basis.value)
    yield row("rule", "minimum_weeks", _("Minimum balance (weeks)"), weeks=p.minimum_weeks,
              state="below" if p.below_minimum else "ok")
    yield row("rule", "records_years", _("Years to keep records"), count=rule.records_years)


def _explanations(s: Statement) -> Iterator[Row]:
    for e in s.explanations:
        yield row("explanation", e.key, _("Figures explained"),
                  state="warning" if e.warn else "note", text=explain_text.explanation_text(e))


def _evidence(s: Statement) -> Iterator[Row]:
    ev = s.evidence
    if ev is None:
        return
    for item in ev.checklist:
        key = item.kind.value + (f":{item.whose}" if item.whose else "")
        yield row("evidence_check", key, explain_text.check_text(item), payee=item.whose,
                  count=item.count, state=item.state)
    for listed in ev.documents:
        for link in listed.links:
            yield row("evidence_document", listed.ref, listed.doc.name, entry_id=link.entry_id,
                      date=link.on or link.dates.start, payee=link.subject_name,
                      amount=None if link.amount_pence is None else Money(link.amount_pence),
                      state=link.kind.value, text=explain_text.document_text(link),
                      source=link.subject.value)
    for e in ev.missing:
        yield row("evidence_missing", str(e.id), text.category_name(s, e.category_code),
                  entry_id=e.id, date=e.on, payee=e.payee, category=e.category_code,
                  amount=e.amount)


def _transactions(s: Statement) -> Iterator[Row]:
    for e in s.transactions:
        refs = s.evidence.refs_of(e.id) if s.evidence is not None else ()
        yield row("transaction", str(e.id), text.category_name(s, e.category_code),
                  entry_id=e.id, date=e.on, payee=e.payee, category=e.category_code,
                  support_plan_line=e.support_plan_line, amount=e.amount,
                  on_bank_statement=e.cleared, evidence=" ".join(refs) or e.evidence_ref,
                  count=len(refs), text=e.memo)


def _flagged(s: Statement) -> Iterator[Row]:
    for flag in s.flagged:
        e = flag.entry
        rule = (_("Not sorted yet") if flag.unsorted
                else _(text.PERMISSIONS[flag.permission.value]))
        yield row("needs_agreement", str(e.id), rule, entry_id=e.id, date=e.on, payee=e.payee,
                  category=e.category_code, support_plan_line=e.support_plan_line,
                  amount=e.amount, state="unsorted" if flag.unsorted else flag.permission.value,
                  text=e.approval_reason)


def _services(s: Statement) -> Iterator[Row]:
    if not s.services:
        yield row("services", "none", _("Services delivered and paid for"),
                  text=_("None recorded"))
        return
    for p in s.services:
        yield row("services", "hours_planned", _("Hours planned"), payee=p.provider,
                  hours=p.planned_hours)
        yield row("services", "hours_delivered", _("Hours delivered"), payee=p.provider,
                  hours=p.delivered_hours)
        yield row("services", "value_delivered", _("Value delivered"), payee=p.provider,
                  amount=p.value_delivered)
        yield row("services", "paid", _("Paid"), payee=p.provider, amount=p.paid)
        yield row("services", "paid_minus_delivered", _("Paid minus delivered"),
                  payee=p.provider, amount=p.difference,
                  state="more" if p.difference.pence > 0 else
                  "less" if p.difference.pence < 0 else "same")


def outcome_rows(s: Statement) -> Iterator[Row]:
    """Each outcome (amount: spent on it in the period; area: its code in law), its ratings
    (date, score) and who delivered it (payee, hours, amount paid for it); then the totals and
    any notes."""
    summary = s.outcome_summary
    for block in blocks(summary) if summary is not None else []:
        report = block.report
        key = str(block.id)
        yield row("outcome", key, block.text, area=block.area_code,
                  support_plan_line="; ".join(report.plan_lines), amount=-block.spent)
        for rating in report.ratings:
            yield row("outcome_rating", key, _("Rating"), date=rating.on, score=rating.score)
        for d in report.deliverers:
            yield row("outcome_delivered_by", key, _("Delivered by"), payee=d.name,
                      hours=(Decimal(d.delivered_minutes) / 60).quantize(Decimal("0.01")),
                      amount=-d.paid)
    if summary is not None:
        yield row("outcome_total", "linked", _("Spent on outcomes"), amount=-summary.linked)
        yield row("outcome_total", "not_linked", _("Not linked to any outcome"),
                  amount=-summary.not_linked)
    yield row("outcomes", "outcomes", _("Notes on outcomes"),
              text=s.outcomes or _("None recorded"))


def _employer_checks(s: Statement) -> Iterator[Row]:
    checks = s.employer.checks if s.employer is not None else ()
    for check, (whose, key, topic, _state, said, (title, url)) in zip(
            checks, text.check_rows(s), strict=True):
        yield row("employer_check", key, topic, payee=whose, state=check.state, text=said,
                  source=f"{title} ({url})" if url else title)


def safe(values: Row) -> list[str]:
    """Text a spreadsheet would run as a formula (a payee named "=HYPERLINK(...)" from a bank
    file) gets a leading apostrophe; the number columns stay as they are."""
    return [values.get(c, "") if c in NUMBER_COLUMNS else neutralise(values.get(c, ""))
            for c in COLUMNS]


def render_csv_text(statement: Statement) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(safe(r) for r in rows(statement))
    return buffer.getvalue()


def render_csv(statement: Statement, path: Path) -> None:
    # utf-8-sig so Excel on Windows shows Welsh letters (ŵ, ŷ) and the £ sign correctly.
    path.write_text(render_csv_text(statement), encoding="utf-8-sig", newline="")
