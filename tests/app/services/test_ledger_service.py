from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.audit import first_broken_link
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import EntryNotFound, LedgerService

TODAY = date(2025, 6, 30)


def out(pence: int, on: date = date(2025, 4, 10), payee: str = "Jo (PA)") -> EntryDraft:
    return EntryDraft(on, Money(-pence), payee, "pa_wages")


def paid_in(pence: int, on: date = date(2025, 4, 2)) -> EntryDraft:
    return EntryDraft(on, Money(pence), "Testshire CC", "council_payment")


def test_balance_runs_newest_first(ledger: LedgerService) -> None:
    ledger.add_entries([paid_in(168000), out(25000, date(2025, 4, 5)), out(1000)], TODAY)
    rows = ledger.page()
    assert [r.entry.amount.pence for r in rows] == [-1000, -25000, 168000]
    assert [r.balance.pence for r in rows] == [142000, 143000, 168000]


def test_same_day_entries_keep_the_order_they_were_made(ledger: LedgerService) -> None:
    ledger.add_entries([paid_in(500, date(2025, 4, 1)), out(100, date(2025, 4, 1)),
                        out(200, date(2025, 4, 1))], TODAY)
    assert [r.balance.pence for r in ledger.page()] == [200, 400, 500]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(-500_000, 500_000).filter(bool), min_size=1, max_size=40),
       page_size=st.integers(1, 9))
def test_paging_gives_every_entry_once_with_exact_balances(
        ledger: LedgerService, amounts: list[int], page_size: int) -> None:
    start = ledger.balance().pence
    existing = ledger.count()
    drafts = [paid_in(a, date(2025, 4, 1) + timedelta(days=i % 30)) if a > 0
              else out(-a, date(2025, 4, 1) + timedelta(days=i % 30))
              for i, a in enumerate(amounts)]
    ledger.add_entries(drafts, TODAY)
    rows, after = [], None
    while batch := ledger.page(after, page_size):
        rows.extend(batch)
        after = (batch[-1].entry.on, batch[-1].entry.id)
    assert len(rows) == existing + len(amounts)
    assert len({r.entry.id for r in rows}) == len(rows)
    assert rows[0].balance.pence == start + sum(amounts)
    # Walking down the list, each balance is the one above less that row's amount.
    for above, below in zip(rows, rows[1:], strict=False):
        assert below.balance == above.balance - above.entry.amount


def test_summary_for_the_quarter_and_weeks_held(ledger: LedgerService) -> None:
    ledger.add_entries([paid_in(168000), out(25000), out(500, date(2025, 3, 1)),
                        paid_in(100, date(2025, 7, 2))], TODAY)
    summary = ledger.summary(date(2025, 5, 15))
    assert (summary.period.start, summary.period.end) == (date(2025, 4, 1), date(2025, 6, 30))
    assert summary.money_in == Money(168000)
    assert summary.money_out == Money(25000)
    assert summary.balance == Money(168000 - 25000 - 500)  # the July entry is after today
    assert str(summary.weeks_held) == "3.4"
    assert not summary.over_limit


def test_over_the_limit_is_flagged(ledger: LedgerService) -> None:
    ledger.add_entry(paid_in(42000 * 9), TODAY)
    assert ledger.summary(TODAY).over_limit


def test_edit_and_delete_leave_a_whole_audit_chain(ledger: LedgerService) -> None:
    entry = ledger.add_entry(out(2500), TODAY)
    ledger.update_entry(entry.id, out(2600), TODAY)
    assert ledger.get_entry(entry.id).amount == Money(-2600)
    ledger.delete_entry(entry.id)
    with pytest.raises(EntryNotFound):
        ledger.get_entry(entry.id)
    events = ledger.audit_events()
    assert [e.action for e in events] == ["create", "create", "update", "delete"]
    assert all(e.actor == "Ann Example" for e in events)
    assert '"amount_pence":-2500' in events[2].detail
    assert first_broken_link(events) is None


def test_invalid_edit_changes_nothing(ledger: LedgerService) -> None:
    entry = ledger.add_entry(out(2500), TODAY)
    with pytest.raises(Exception, match="not zero"):
        ledger.update_entry(entry.id, out(0), TODAY)
    assert ledger.get_entry(entry.id).amount == Money(-2500)
    assert len(ledger.audit_events()) == 2


def test_details_name_the_person_and_council(ledger: LedgerService) -> None:
    details = ledger.details()
    assert (details.display_name, details.council_name, details.council_reference) == (
        "Ann Example", "Testshire County Council", "TC-123")
