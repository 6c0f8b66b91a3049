"""The return picks up the services log and attached evidence from the profile."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.funding import Frequency, Period
from app.domain.money import Money
from app.services.evidence import EvidenceService
from app.services.ledger import LedgerService
from app.services.profiles import NewProfile, create_profile, open_profile
from app.services.reconcile import ReconciliationService
from app.services.services_log import ServicesLogService, VisitDraft
from app.services.statements import StatementRequest, StatementService

MONTH = Period(date(2025, 5, 1), date(2025, 5, 31))
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_services_and_evidence_come_from_the_profile(tmp_path: Path) -> None:
    request = NewProfile("Bea Example", Money(30000), Frequency.FOUR_WEEKLY, date(2025, 4, 1))
    create_profile(tmp_path, request, "a long passphrase")
    with open_profile(tmp_path, "Bea Example", "a long passphrase") as profile:
        paid = LedgerService(profile).add_entry(
            EntryDraft(date(2025, 5, 28), Money(-9500), "Sunrise Home Care", "agency_care"),
            today=date(2025, 6, 1))
        log = ServicesLogService(profile)
        # 2 h planned, 1 h 50 min delivered at £25/h, and 3 h at £25/h: £45.83 + £75.00.
        visits = [log.add(VisitDraft(date(2025, 5, 5), "Sunrise Home Care", 120, 110, 2500)),
                  log.add(VisitDraft(date(2025, 5, 12), "Sunrise Home Care", 180, 180, 2500))]
        log.link_payment(paid.id, [v.id for v in visits])
        EvidenceService(profile).attach(paid.id, "invoice-may.pdf", PDF)
        statement = StatementService(profile).build(StatementRequest(MONTH))
    (summary,) = statement.services or ()
    assert summary.provider == "Sunrise Home Care"
    assert (summary.planned_hours, summary.delivered_hours) == (Decimal("5.00"),
                                                                 Decimal("4.83"))
    assert summary.value_delivered == Money(4583 + 7500)
    assert summary.paid == Money(9500)
    assert summary.difference == Money(9500 - 12083)
    (entry,) = statement.transactions
    assert entry.evidence_ref == "invoice-may.pdf"


def test_nothing_logged_means_none_recorded(tmp_path: Path) -> None:
    request = NewProfile("Cy Example", Money(30000), Frequency.FOUR_WEEKLY, date(2025, 4, 1))
    create_profile(tmp_path, request, "a long passphrase")
    with open_profile(tmp_path, "Cy Example", "a long passphrase") as profile:
        statement = StatementService(profile).build(StatementRequest(MONTH))
    assert statement.services is None


def test_bank_balance_comes_from_a_reconciliation_on_the_last_day(tmp_path: Path) -> None:
    request = NewProfile("Di Example", Money(30000), Frequency.FOUR_WEEKLY, date(2025, 4, 1),
                         opening_balance=Money(10000))
    create_profile(tmp_path, request, "a long passphrase")
    with open_profile(tmp_path, "Di Example", "a long passphrase") as profile:
        LedgerService(profile).add_entry(
            EntryDraft(date(2025, 5, 30), Money(-2500), "Jo (PA)", "pa_wages"),
            today=date(2025, 6, 1))
        service = StatementService(profile)
        assert service.build(StatementRequest(MONTH)).reconciliation.bank_balance is None
        account_id = LedgerService(profile).get_entry(1).account_id
        ReconciliationService(profile).start(account_id, MONTH.end, Money(10000))
        recon = service.build(StatementRequest(MONTH)).reconciliation
    # The bank has not paid the £25 yet: it is listed, and the figures agree.
    assert recon.bank_balance == Money(10000)
    assert recon.bank_difference == Money(0)
