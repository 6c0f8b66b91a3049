from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject, uncovered

START, END = date(2026, 4, 1), date(2026, 6, 30)
days = st.dates(date(2026, 1, 1), date(2026, 9, 30))
spans = st.builds(Dates, st.none() | days, st.none() | days).filter(
    lambda d: d.start is None or d.end is None or d.start <= d.end)


@given(st.lists(spans, max_size=6))
def test_the_gaps_are_exactly_the_days_no_span_covers(found: list[Dates]) -> None:
    gaps = uncovered(START, END, found)
    day = START
    while day <= END:
        in_gap = any(a <= day <= b for a, b in gaps)
        assert in_gap != any(d.covers(day) for d in found), day
        day += timedelta(days=1)
    # Gaps are in order, apart, and inside the period.
    assert all(START <= a <= b <= END for a, b in gaps)
    assert all(b1 < a2 - timedelta(days=1) for (_a1, b1), (a2, _b2)
               in zip(gaps, gaps[1:], strict=False))


def test_statements_for_each_month_leave_no_gap_but_a_missing_month_does() -> None:
    months = [Dates(date(2026, m, 1), date(2026, m + 1, 1) - timedelta(days=1))
              for m in (4, 5, 6)]
    assert uncovered(START, END, months) == []
    assert uncovered(START, END, [months[0], months[2]]) == [(date(2026, 5, 1),
                                                              date(2026, 5, 31))]
    assert uncovered(START, END, []) == [(START, END)]
    assert uncovered(START, END, [Dates()]) == []  # no dates: covers all time


def test_a_payments_document_belongs_to_the_period_of_the_payment() -> None:
    receipt = FiledDocument(1, "r.png", "image/png", "0" * 64, 10, DocumentKind.RECEIPT,
                            Subject.ENTRY, "Jo", None, 7, Dates(), date(2026, 5, 2), -1000)
    assert receipt.entry_id == 7 and receipt.belongs_in(START, END)
    assert not receipt.belongs_in(date(2026, 7, 1), date(2026, 9, 30))
    contract = FiledDocument(2, "c.pdf", "application/pdf", "1" * 64, 10,
                             DocumentKind.CONTRACT, Subject.PA, "Jo", 3, 5)
    assert contract.entry_id is None and contract.belongs_in(START, END)
