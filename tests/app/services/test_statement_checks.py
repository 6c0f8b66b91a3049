"""A return is refused for periods with no records, and pays each provider what was paid."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.domain.funding import Period
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.statements import StatementRequest, StatementService

SPRING = Period(date(2025, 10, 1), date(2025, 12, 31))


def test_period_before_the_records_is_refused(profile: OpenProfile) -> None:
    with pytest.raises(ValidationError, match="before the records start"):
        StatementService(profile).build(StatementRequest(Period(date(2020, 1, 1),
                                                                date(2020, 3, 31))))


def test_period_not_yet_started_is_refused(profile: OpenProfile) -> None:
    request = StatementRequest(Period(date(2026, 7, 1), date(2026, 9, 30)),
                               generated_on=date(2026, 3, 31))
    with pytest.raises(ValidationError, match="not started yet"):
        StatementService(profile).build(request)


def test_services_show_what_was_paid_to_each_provider(profile: OpenProfile) -> None:
    """The demo links no payment to visits: paid comes from payments to the same name."""
    statement = StatementService(profile).build(StatementRequest(SPRING))
    assert statement.services
    paid_in_ledger: dict[str, int] = {}
    after = None
    ledger = LedgerService(profile)
    while rows := ledger.page(after):
        for row in rows:
            e = row.entry
            if SPRING.contains(e.on) and e.amount.pence < 0:
                paid_in_ledger[e.payee] = paid_in_ledger.get(e.payee, 0) - e.amount.pence
        after = (rows[-1].entry.on, rows[-1].entry.id)
    for service in statement.services:
        assert service.paid.pence == paid_in_ledger[service.provider] > 0
