"""The evidence for a return: which documents go in its appendix (in order, each with a
reference), which payments have none, and a checklist of what the council asks for.

Pure: the statement builder calls it with the period's entries and documents; the renderers
only print what it found.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.domain.chosen_providers import payee_key
from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject, uncovered
from app.domain.funding import Period
from app.domain.policy import Policy
from app.statements.model import (
    CheckItem,
    EvidenceInputs,
    EvidenceSection,
    ListedDocument,
    StatementEntry,
)

# Filed documents come after the payments' ones, in this order.
KIND_ORDER = tuple(DocumentKind)
# Kinds counted for each PA, from documents filed against the PA (or a payment to them).
PER_PA = (DocumentKind.PAYSLIP, DocumentKind.TIMESHEET, DocumentKind.DBS_CERTIFICATE,
          DocumentKind.CONTRACT)


def evidence_section(period: Period, policy: Policy, entries: Sequence[StatementEntry],
                     inputs: EvidenceInputs) -> EvidenceSection:
    documents = _listed(period, inputs.documents, {e.id for e in entries})
    with_docs = {link.entry_id for d in documents for link in d.links if link.entry_id}
    missing = tuple(e for e in entries if e.amount.pence < 0 and e.id not in with_docs)
    return EvidenceSection(documents, missing,
                           checklist(period, policy, missing, documents, inputs.pas),
                           bool(policy.required_evidence))


def _listed(period: Period, documents: Sequence[FiledDocument], entry_ids: set[int]
            ) -> tuple[ListedDocument, ...]:
    """The period's documents, each file once: the payments' (by date) first, then the
    filed ones by kind and date. A file linked several times lists every link."""
    wanted = [d for d in documents if d.belongs_in(period.start, period.end)
              and (d.subject is not Subject.ENTRY or d.entry_id in entry_ids)]
    payments = sorted((d for d in wanted if d.subject is Subject.ENTRY),
                      key=lambda d: (d.on or date.min, d.entry_id or 0, d.evidence_id))
    filed = sorted((d for d in wanted if d.subject is not Subject.ENTRY),
                   key=lambda d: (KIND_ORDER.index(d.kind), d.dates.start or date.min,
                                  d.subject_name, d.link_id or 0))
    grouped: dict[int, list[FiledDocument]] = {}
    for doc in [*payments, *filed]:
        grouped.setdefault(doc.evidence_id, []).append(doc)
    return tuple(ListedDocument(f"A{n}", tuple(links))
                 for n, links in enumerate(grouped.values(), start=1))


def checklist(period: Period, policy: Policy, missing: Sequence[StatementEntry],
              documents: Sequence[ListedDocument], pas: Sequence[tuple[int, str, int]]
              ) -> tuple[CheckItem, ...]:
    """Receipts always (every council that lists evidence asks for them, and the return says
    how many payments have none); then each kind the council lists, in its order."""
    links = [link for d in documents for link in d.links]
    items = [CheckItem(DocumentKind.RECEIPT, "missing" if missing else "ok",
                       count=len(missing))]
    for kind in policy.required_evidence:
        items += _item(kind, period, links, pas)
    return tuple(items)


def _item(kind: DocumentKind, period: Period, links: Sequence[FiledDocument],
          pas: Sequence[tuple[int, str, int]]) -> list[CheckItem]:
    if kind in (DocumentKind.RECEIPT, DocumentKind.INVOICE):
        return []  # counted once, as the payments without a receipt or invoice
    if kind is DocumentKind.MONITORING_FORM:
        return [CheckItem(kind, "note")]
    of_kind = [d for d in links if d.kind is kind]
    if kind is DocumentKind.BANK_STATEMENT:
        gaps = tuple(uncovered(period.start, period.end,
                               [d.dates for d in of_kind if d.subject is not Subject.ENTRY]))
        return [CheckItem(kind, "missing" if gaps else "ok", count=len(of_kind), gaps=gaps)]
    if kind is DocumentKind.INSURANCE_CERTIFICATE:
        covering = [d for d in of_kind if (d.dates or Dates()).covers(period.end)]
        return [CheckItem(kind, "ok" if covering else "missing", count=len(covering),
                          on=period.end)]
    if kind in PER_PA:
        return [_per_pa(kind, pa, of_kind) for pa in pas]
    return [CheckItem(kind, "ok" if of_kind else "missing", count=len(of_kind))]


def _per_pa(kind: DocumentKind, pa: tuple[int, str, int], of_kind: Sequence[FiledDocument]
            ) -> CheckItem:
    provider_id, name, payslips = pa
    key = payee_key(name)
    found = [d for d in of_kind
             if (d.subject is Subject.PA and d.subject_id == provider_id)
             or (d.subject is Subject.ENTRY and payee_key(d.subject_name) == key)]
    return CheckItem(kind, "ok" if found else "missing", whose=name, count=len(found),
                     recorded=payslips if kind is DocumentKind.PAYSLIP else 0)
