"""Kinds of evidence a council asks for, and what a document can belong to.

A receipt or invoice belongs to an entry; a bank statement to an account; a DBS certificate or
contract to a PA; an insurance certificate or HMRC letter to the profile. Councils' published
lists of evidence (resources/councils/*.json, `required_evidence`) use these kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.i18n import N_


class DocumentKind(StrEnum):
    RECEIPT = "receipt"
    INVOICE = "invoice"
    BANK_STATEMENT = "bank_statement"
    PAYSLIP = "payslip"
    TIMESHEET = "timesheet"
    INSURANCE_CERTIFICATE = "insurance_certificate"
    DBS_CERTIFICATE = "dbs_certificate"
    CONTRACT = "contract"
    HMRC = "hmrc"
    MONITORING_FORM = "monitoring_form"
    OTHER = "other"


class Subject(StrEnum):
    """What a document belongs to."""

    ENTRY = "entry"
    PROFILE = "profile"
    ACCOUNT = "account"
    PA = "pa"
    PROVIDER = "provider"


KIND_NAMES = {
    DocumentKind.RECEIPT: N_("Receipt"),
    DocumentKind.INVOICE: N_("Invoice"),
    DocumentKind.BANK_STATEMENT: N_("Bank statement"),
    DocumentKind.PAYSLIP: N_("Payslip"),
    DocumentKind.TIMESHEET: N_("Timesheet"),
    DocumentKind.INSURANCE_CERTIFICATE: N_("Employer's liability insurance certificate"),
    DocumentKind.DBS_CERTIFICATE: N_("DBS certificate"),
    DocumentKind.CONTRACT: N_("Contract of employment or agreement"),
    DocumentKind.HMRC: N_("HMRC letter or return"),
    DocumentKind.MONITORING_FORM: N_("The council's monitoring form"),
    DocumentKind.OTHER: N_("Other document"),
}

# Kinds a person attaches to a payment (the rest belong to the profile, an account, a PA or a
# provider, usually for a stretch of time).
ENTRY_KINDS = (DocumentKind.RECEIPT, DocumentKind.INVOICE, DocumentKind.PAYSLIP,
               DocumentKind.TIMESHEET, DocumentKind.OTHER)
# Where each kind of document usually belongs, for the attach forms' first choice.
USUAL_SUBJECT = {
    DocumentKind.BANK_STATEMENT: Subject.ACCOUNT,
    DocumentKind.PAYSLIP: Subject.PA,
    DocumentKind.TIMESHEET: Subject.PA,
    DocumentKind.DBS_CERTIFICATE: Subject.PA,
    DocumentKind.CONTRACT: Subject.PA,
    DocumentKind.INSURANCE_CERTIFICATE: Subject.PROFILE,
    DocumentKind.HMRC: Subject.PROFILE,
    DocumentKind.MONITORING_FORM: Subject.PROFILE,
}


@dataclass(frozen=True)
class Dates:
    """The days a document covers (a statement's period, a certificate's validity); either end
    may be open."""

    start: date | None = None
    end: date | None = None

    def overlaps(self, start: date, end: date) -> bool:
        return (self.start is None or self.start <= end) and (self.end is None or
                                                              self.end >= start)

    def covers(self, day: date) -> bool:
        return self.overlaps(day, day)


def uncovered(start: date, end: date, spans: list[Dates]) -> list[tuple[date, date]]:
    """The runs of days from start to end that no span covers (open ends reach forever)."""
    from datetime import timedelta

    gaps: list[tuple[date, date]] = []
    day = start
    for span in sorted(spans, key=lambda s: s.start or date.min):
        first = span.start or date.min
        last = span.end or date.max
        if last < day:
            continue
        if first > end:
            break
        if first > day:
            gaps.append((day, first - timedelta(days=1)))
        if last >= end:
            return gaps
        day = max(day, last + timedelta(days=1))
    if day <= end:
        gaps.append((day, end))
    return gaps


@dataclass(frozen=True)
class FiledDocument:
    """A document kept in the profile and what it belongs to: an entry (a payment or money
    in), or the profile, an account, a PA or a provider for the days in `dates`."""

    evidence_id: int
    name: str
    media_type: str
    sha256: str
    size: int
    kind: DocumentKind
    subject: Subject
    subject_name: str  # the payee of an entry, or the account's, PA's or provider's name
    link_id: int | None = None  # the evidence_subject row (None for an entry's document)
    subject_id: int | None = None  # entry id, account id or chosen provider id
    dates: Dates = Dates()
    on: date | None = None  # an entry's date
    amount_pence: int | None = None  # an entry's amount (negative for money out)

    @property
    def entry_id(self) -> int | None:
        return self.subject_id if self.subject is Subject.ENTRY else None

    def belongs_in(self, start: date, end: date) -> bool:
        """Part of a return for start to end: an entry's document when the entry is dated in
        it; another document when its dates overlap it (or it has none, like a contract)."""
        if self.subject is Subject.ENTRY:
            return self.on is not None and start <= self.on <= end
        return self.dates.overlaps(start, end)
