"""Which documents a return lists, which payments have none, and the checklist of what the
council asks for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.money import Money
from app.statements import Statement
from app.statements.model import EvidenceInputs, StatementEntry

MakeStatement = Callable[..., Statement]
START, END = date(2025, 4, 1), date(2025, 6, 30)


def receipt_for(e: StatementEntry, evidence_id: int, kind: DocumentKind = DocumentKind.RECEIPT
                ) -> FiledDocument:
    return FiledDocument(evidence_id, f"receipt-{evidence_id}.png", "image/png",
                         f"{evidence_id:064d}", 100, kind, Subject.ENTRY, e.payee, None, e.id,
                         Dates(), e.on, e.amount.pence)


def filed(evidence_id: int, kind: DocumentKind, subject: Subject, start: date | None,
          end: date | None, subject_id: int | None = None, name: str = "") -> FiledDocument:
    return FiledDocument(evidence_id, f"doc-{evidence_id}.pdf", "application/pdf",
                         f"{evidence_id:064d}", 100, kind, subject, name, evidence_id,
                         subject_id, Dates(start, end))


@st.composite
def ledgers_with_receipts(draw: st.DrawFn
                          ) -> tuple[list[StatementEntry], list[FiledDocument]]:
    entries, documents = [], []
    for i in range(1, draw(st.integers(0, 40)) + 1):
        on = START + timedelta(days=draw(st.integers(-30, 120)))  # some outside the period
        pence = draw(st.integers(1, 100_000)) * (1 if draw(st.booleans()) else -1)
        e = StatementEntry(i, on, Money(pence), f"Payee {i % 5}",
                           "refund_in" if pence > 0 else "pa_wages")
        entries.append(e)
        for _n in range(draw(st.integers(0, 2))):
            # Some files are the receipt for several payments (the same evidence id).
            evidence_id = draw(st.integers(1, 25))
            documents.append(receipt_for(e, evidence_id))
    return entries, documents


@given(ledger=ledgers_with_receipts())
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_entry_with_evidence_is_listed_and_the_missing_are_exactly_those_without(
        ledger: tuple[list[StatementEntry], list[FiledDocument]],
        make_statement: MakeStatement) -> None:
    entries, documents = ledger
    s = make_statement(entries, evidence=EvidenceInputs(tuple(documents)))
    assert s.evidence is not None
    in_period = [e for e in entries if START <= e.on <= END]
    with_docs = {d.entry_id for d in documents}
    listed = {link.entry_id for d in s.evidence.documents for link in d.links}
    assert listed == {e.id for e in in_period if e.id in with_docs}
    assert [e.id for e in s.evidence.missing] == [
        e.id for e in s.transactions if e.amount.pence < 0 and e.id not in with_docs]
    # Each file once, numbered in order; every entry's refs lead back to it.
    assert [d.ref for d in s.evidence.documents] == [
        f"A{n}" for n in range(1, len(s.evidence.documents) + 1)]
    assert len({d.doc.evidence_id for d in s.evidence.documents}) == len(s.evidence.documents)
    for e in in_period:
        assert bool(s.evidence.refs_of(e.id)) == (e.id in with_docs)
    (receipts, *_rest) = s.evidence.checklist
    assert receipts.count == len(s.evidence.missing)


def test_harrows_list_is_checked_item_by_item(make_statement: MakeStatement) -> None:
    pay = StatementEntry(1, date(2025, 4, 10), Money(-25000), "Jo (PA)", "pa_wages")
    documents = (
        receipt_for(pay, 1, DocumentKind.PAYSLIP),
        filed(2, DocumentKind.BANK_STATEMENT, Subject.ACCOUNT, date(2025, 4, 1),
              date(2025, 4, 30), 1, "DP account"),
        filed(3, DocumentKind.BANK_STATEMENT, Subject.ACCOUNT, date(2025, 6, 1),
              date(2025, 6, 30), 1, "DP account"),
        filed(4, DocumentKind.INSURANCE_CERTIFICATE, Subject.PROFILE, date(2024, 7, 1),
              date(2025, 6, 30)),
        filed(5, DocumentKind.DBS_CERTIFICATE, Subject.PA, date(2024, 1, 5), None, 7, "Jo"),
        filed(6, DocumentKind.CONTRACT, Subject.PA, None, None, 8, "Sam"),
        filed(7, DocumentKind.BANK_STATEMENT, Subject.ACCOUNT, date(2024, 1, 1),
              date(2024, 1, 31), 1, "DP account"),  # another year: not this return's
    )
    s = make_statement([pay], rule_code="harrow", evidence=EvidenceInputs(
        documents, pas=((7, "Jo (PA)", 13), (8, "Sam (PA)", 6))))
    assert s.evidence is not None
    items = {(i.kind, i.whose): i for i in s.evidence.checklist}
    assert items[(DocumentKind.RECEIPT, "")].state == "ok"  # the payslip is its evidence
    bank = items[(DocumentKind.BANK_STATEMENT, "")]
    assert bank.state == "missing" and bank.gaps == ((date(2025, 5, 1), date(2025, 5, 31)),)
    assert items[(DocumentKind.INSURANCE_CERTIFICATE, "")].state == "ok"
    assert items[(DocumentKind.PAYSLIP, "Jo (PA)")].state == "ok"
    payslips = items[(DocumentKind.PAYSLIP, "Sam (PA)")]
    assert (payslips.state, payslips.recorded) == ("missing", 6)
    assert items[(DocumentKind.DBS_CERTIFICATE, "Jo (PA)")].state == "ok"
    assert items[(DocumentKind.DBS_CERTIFICATE, "Sam (PA)")].state == "missing"
    assert items[(DocumentKind.CONTRACT, "Sam (PA)")].state == "ok"
    assert items[(DocumentKind.HMRC, "")].state == "missing"
    assert items[(DocumentKind.MONITORING_FORM, "")].state == "note"
    assert all(d.doc.evidence_id != 7 for d in s.evidence.documents)


def test_an_insurance_certificate_must_cover_the_periods_last_day(
        make_statement: MakeStatement) -> None:
    lapsed = filed(1, DocumentKind.INSURANCE_CERTIFICATE, Subject.PROFILE, date(2024, 6, 1),
                   date(2025, 5, 31))
    s = make_statement([], rule_code="sefton", evidence=EvidenceInputs((lapsed,)))
    assert s.evidence is not None
    item = next(i for i in s.evidence.checklist
                if i.kind is DocumentKind.INSURANCE_CERTIFICATE)
    assert (item.state, item.on) == ("missing", END)


def test_a_council_with_no_published_list_is_still_told_about_receipts(
        make_statement: MakeStatement) -> None:
    s = make_statement([StatementEntry(1, date(2025, 4, 3), Money(-100), "X", "pa_wages")])
    assert s.evidence is not None and not s.evidence.asked
    assert [(i.kind, i.state, i.count) for i in s.evidence.checklist] == [
        (DocumentKind.RECEIPT, "missing", 1)]
