"""Spend per outcome: every linked penny counted once and only once."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.outcomes.money import Spend, linked_total, shares, spent_by_outcome

OUTCOMES = st.integers(1, 6)
LINES = st.integers(1, 4)


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[list[Spend], dict[int, list[int]]]:
    of_line = {line: draw(st.lists(OUTCOMES, max_size=4)) for line in range(1, 5)}
    spends = [Spend(n, date(2025, 5, 1), draw(st.integers(-500, 10**7)), f"P{n}", "pa_wages",
                    draw(st.none() | LINES), draw(st.none() | OUTCOMES))
              for n in range(draw(st.integers(0, 30)))]
    return spends, of_line


@given(ledgers())
def test_spend_per_outcome_sums_to_the_spend_linked(ledger: tuple[list[Spend],
                                                                  dict[int, list[int]]]) -> None:
    spends, of_line = ledger
    found = shares(spends, of_line)
    assert sum(spent_by_outcome(found).values()) == linked_total(spends, of_line)
    per_entry: dict[int, int] = defaultdict(int)
    for share in found:
        assert share.pence >= 0
        per_entry[share.entry_id] += share.pence
    for spend in spends:  # each payment is shared out whole, or not at all
        assert per_entry.get(spend.entry_id, 0) in (0, spend.pence)


def test_a_direct_link_wins_and_a_line_shares_equally_to_the_penny() -> None:
    of_line = {1: [3, 2]}
    spends = [Spend(1, date(2025, 5, 1), 1001, "Jo", "pa_wages", 1, None),
              Spend(2, date(2025, 5, 2), 500, "Jo", "pa_wages", 1, 7),
              Spend(3, date(2025, 5, 3), 900, "Gas", "other", None, None)]
    assert spent_by_outcome(shares(spends, of_line)) == {2: 501, 3: 500, 7: 500}
    assert linked_total(spends, of_line) == 1501
