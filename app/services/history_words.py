"""The history in words: when (this computer's time), who, and what changed from what to what.

Each version 2 event holds the full before and after image of every record it touched
(app/domain/audit.py decode()); this turns them into sentences people read:
"Changed the entry “Jo Evans (PA), 2 Dec 2026”", with one line for each change:
"Amount: from £12.00 to £25.50". Money, dates and yes/no are formatted for the locale, a
category code becomes its name, and bookkeeping columns (ids, import ids, who and when a
row was made) are left out: the event itself says who and when.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime

from app.domain.audit import AuditEvent, RecordChange, decode
from app.i18n import N_, _, format_day, format_money, format_when, ngettext
from app.store.types import MoneyType
from app.store.writer import TABLES

# What each table's records are called.
RECORDS = {
    "entry": N_("entry"), "person": N_("profile"), "person_role": N_("person who may act"),
    "funding_stream": N_("funding stream"), "funding_rate": N_("weekly amount"),
    "council_rule": N_("council's rules"), "account": N_("account"),
    "category": N_("category"), "plan_line": N_("support plan line"),
    "money_owed": N_("money owed"), "reconciliation": N_("check against a statement"),
    "bank_balance": N_("bank balance"), "reconciled_entry": N_("ticked entry"),
    "evidence": N_("receipt or document"), "evidence_link": N_("receipt on an entry"),
    "service_log": N_("care visit"), "service_payment": N_("payment for care"),
    "bank_match": N_("bank line"), "payee_rule": N_("payee rule"),
    "personal_assistant": N_("PA"), "pa_rate": N_("PA's rate"), "payslip": N_("payslip"),
    "payslip_payment": N_("payment against a payslip"), "employer": N_("employer details"),
    "chosen_provider": N_("provider"), "issued_statement": N_("monitoring return"),
    "evidence_subject": N_("document kept for the council"), "outcome": N_("outcome"),
    "outcome_rating": N_("outcome rating"), "outcome_plan_line": N_("plan line for an outcome"),
    "outcome_entry": N_("payment for an outcome"), "outcome_visit": N_("visit for an outcome"),
}

# What each column is called (the same name means the same thing in every table).
COLUMNS = {
    "on": N_("Date"), "amount": N_("Amount"), "payee": N_("Paid to or from"),
    "category_code": N_("Category"), "memo": N_("Note"), "note": N_("Note"),
    "notes": N_("Notes"), "approval_reason": N_("Reason agreed"),
    "plan_line_id": N_("Support plan line"), "cleared": N_("Ticked on the statement"),
    "reconciled": N_("Checked against a statement"), "name": N_("Name"),
    "display_name": N_("Name"), "weekly_budget": N_("Weekly budget"),
    "start_date": N_("Start"), "end_date": N_("End"), "gross_weekly": N_("Weekly amount"),
    "contribution_weekly": N_("Weekly contribution"), "opening_balance": N_("Opening balance"),
    "opening_date": N_("Opening date"), "kind": N_("Kind"), "role": N_("Role"),
    "active": N_("Active"), "agreed_hourly_rate": N_("Agreed rate an hour"),
    "planned_minutes": N_("Planned hours"), "delivered_minutes": N_("Hours delivered"),
    "rate_pence": N_("Rate an hour"), "missed": N_("Missed"), "late": N_("Late"),
    "provider_name": N_("Care from"), "words": N_("Bank words"), "hourly": N_("Rate an hour"),
    "gross": N_("Gross pay"), "tax": N_("Tax"), "employee_ni": N_("National Insurance"),
    "employer_ni": N_("Employer's National Insurance"), "employee_pension": N_("Pension"),
    "employer_pension": N_("Employer's pension"), "period_end": N_("Period ends"),
    "period_start": N_("Period starts"), "statement_date": N_("Statement date"),
    "closing_balance": N_("Closing balance"), "locked": N_("Locked"),
    "insurer": N_("Insurer"), "insurance_renewal": N_("Insurance renewal"),
    "dbs_checked": N_("DBS check"), "dbs_renewal": N_("DBS renewal"),
    "council_name": N_("Council"), "council_reference": N_("Council reference"),
    "rule_json": N_("Rules"), "template_code": N_("Council rule"), "balance": N_("Balance"),
    "wages_owed": N_("Wages owed"), "hmrc_due": N_("Owed to HMRC"),
    "pension_due": N_("Owed to the pension"), "unpaid_invoices": N_("Unpaid invoices"),
    "dbs_renew_months": N_("Renew DBS checks every (months)"), "part": N_("Part"),
    "match_days": N_("Days apart a bank line may match"), "bank_text": N_("Bank line"),
    "code": N_("Code"), "payee_name": N_("Name on payments"), "postcode": N_("Postcode"),
    "own_rating": N_("My rating"), "policy_number": N_("Policy number"),
    "duties_start": N_("Employer duties start"), "last_re_enrolment": N_("Last re-enrolment"),
    "paye_reference": N_("PAYE reference"), "media_type": N_("File type"), "size": N_("Size"),
    "subject": N_("Kept for"), "subject_id": N_("Kept for (record)"),
    "subject_name": N_("Kept for (name)"), "valid_from": N_("Covers from"),
    "valid_to": N_("Covers to"), "funder": N_("Funder"), "frequency": N_("How often paid"),
    "produced_on": N_("Produced"), "file_kind": N_("File kind"), "as_of": N_("As on"),
    "text": N_("Outcome"), "area_code": N_("Area in law"), "measure": N_("Measure"),
    "created_on": N_("Added on"), "outcome_id": N_("Outcome"), "score": N_("Rating"),
    "rated_by": N_("Rated by"), "learned": N_("Learned from a correction"),
    "hours_minutes": N_("Hours"), "holiday_minutes": N_("Holiday hours"),
    "date_of_birth": N_("Date of birth"), "nhs_number": N_("NHS number"),
    "managed_by": N_("Who manages the budget"), "is_demo": N_("Demo profile"),
    "hours_week_minutes": N_("Hours a week"), "born": N_("Year of birth"),
    "apprentice": N_("Apprentice"), "right_to_work_checked": N_("Right to work checked"),
    "right_to_work_expires": N_("Right to work ends"), "payroll_ref": N_("Payroll reference"),
    "pay_frequency": N_("How often paid"), "pension_status": N_("Pension"),
    "leave_year_start": N_("Leave year starts"),
}
# Bookkeeping, said by the event itself or meaningless to people.
HIDDEN = {"id", "created_at", "created_by", "added_at", "added_by", "import_id", "sha256",
          "data", "head_hash", "head_event_id", "name_cy", "name_en", "grp", "direction",
          "permission", "account_id", "funding_stream_id", "chosen_provider_id", "pa_id",
          "provider_id", "stream_id", "reconciliation_id", "entry_id", "evidence_id",
          "service_log_id", "payslip_id", "source", "source_id", "preferred_language"}
# The columns that name a record, first found wins; then a date beside it.
LABELS = ("payee", "name", "display_name", "provider_name", "words", "insurer", "payee_name")
LABEL_DATES = ("on", "period_end", "start_date", "statement_date", "as_of", "opening_date")
CAUSES = {"undo": N_("Undone: {what}"), "redo": N_("Done again: {what}")}
SHOWN_RECORDS = 5  # an import of 300 lines names the first few and counts the rest


@dataclass(frozen=True)
class EventWords:
    number: int
    when: str  # this computer's time, as the locale writes it
    who: str
    what: str  # one sentence
    details: tuple[str, ...]  # one line for each change, "Amount: from £12.00 to £25.50"


Names = Callable[[str, Any], str | None]  # (column, raw value) -> a name, e.g. a category's


def describe(event: AuditEvent, names: Names | None = None) -> EventWords:
    body = decode(event)
    when = format_when(_moment(event.at))
    if body.version != 2 or not body.changes:
        what = _(body.cause.label) if body.cause.label else _(event.action.replace("_", " "))
        return EventWords(event.id, when, event.actor, what.capitalize(), ())
    name = names or (lambda _c, _v: None)
    shown = [c for c in body.changes if c.table in RECORDS]
    main = [c for c in shown if c.table == shown[0].table] if shown else list(body.changes)
    what = _summary(main, name)
    if body.cause.kind in CAUSES:
        what = _(CAUSES[body.cause.kind]).format(what=body.cause.label or what)
    elif body.cause.kind == "import" and body.cause.about.get("file"):
        what = _("{what}, from {file}").format(what=what, file=body.cause.about["file"])
    details: list[str] = []
    for number, change in enumerate(main[:SHOWN_RECORDS], start=1):
        details.extend(_changes(change, name, number if len(main) > 1 else 0))
    if len(main) > SHOWN_RECORDS:
        details.append(ngettext("…and {n} more.", "…and {n} more.",
                                len(main) - SHOWN_RECORDS).format(n=len(main) - SHOWN_RECORDS))
    return EventWords(event.id, when, event.actor, what, tuple(details))


def _moment(at: str) -> datetime:
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # stored as UTC


def _summary(changes: list[RecordChange], name: Names) -> str:
    first = changes[0]
    record = _(RECORDS.get(first.table, first.table.replace("_", " ")))
    if len(changes) > 1:
        verb = {"insert": N_("Added {n} records: {record}"),
                "delete": N_("Removed {n} records: {record}")}.get(
            first.op, N_("Changed {n} records: {record}"))
        return _(verb).format(n=len(changes), record=record)
    label = _label(first, name)
    verb = {"insert": N_("Added the {record} {label}"),
            "delete": N_("Removed the {record} {label}"),
            "update": N_("Changed the {record} {label}")}[first.op]
    return " ".join(_(verb).format(record=record, label=f"“{label}”" if label else "").split())


def _label(change: RecordChange, name: Names) -> str:
    image = change.after or change.before or {}
    parts = []
    for column in LABELS:
        if image.get(column):
            parts.append(str(image[column]))
            break
    for column in LABEL_DATES:
        if image.get(column):
            parts.append(value_text(change.table, column, image[column], name))
            break
    return ", ".join(parts)


def _changes(change: RecordChange, name: Names, number: int) -> list[str]:
    """One line for each column changed; with several records, each line says which."""
    prefix = f"{_label(change, name) or number}: " if number else ""
    lines = []
    before, after = change.before or {}, change.after or {}
    for column in _columns(change.table, before, after):
        old, new = before.get(column), after.get(column)
        title = column_title(column)
        if change.op == "update":
            if old == new:
                continue
            lines.append(prefix + _("{what}: from {old} to {new}").format(
                what=title, old=value_text(change.table, column, old, name),
                new=value_text(change.table, column, new, name)))
        elif (new if change.op == "insert" else old) not in (None, "", 0, False):
            lines.append(prefix + _("{what}: {value}").format(
                what=title, value=value_text(change.table, column,
                                             new if change.op == "insert" else old, name)))
    return lines


def _columns(table: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    known = [c.name for c in TABLES[table].columns] if table in TABLES else []
    found = known + [c for c in (*before, *after) if c not in known]
    return [c for c in dict.fromkeys(found) if c not in HIDDEN]


def column_title(column: str) -> str:
    return _(COLUMNS[column]) if column in COLUMNS else column.replace("_", " ").capitalize()


def value_text(table: str, column: str, value: Any, name: Names | None = None) -> str:
    """A stored value as people read it: £12.50, 2 Dec 2026, yes, a category's name."""
    if value is None or value == "":
        return _("nothing")
    named = name(column, value) if name else None
    if named:
        return named
    kind = TABLES[table].columns[column].type if table in TABLES and \
        column in TABLES[table].columns else None
    if isinstance(kind, MoneyType) or column == "rate_pence":
        return format_money(int(value))
    if isinstance(kind, Boolean) or isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(kind, DateTime):
        return format_when(_moment(str(value)))
    if isinstance(kind, Date):
        return format_day(value if isinstance(value, date) else date.fromisoformat(str(value)))
    if column.endswith("_minutes"):
        minutes = int(value)
        return _("{h}h {m:02d}m").format(h=minutes // 60, m=minutes % 60)
    if column == "rule_json":
        return _("(the rules as chosen)")
    return str(value)
