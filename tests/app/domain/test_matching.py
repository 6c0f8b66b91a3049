"""Matching bank lines to entries: exact amounts and ways, dates a few days apart, payees
alike, each line and each entry at most once."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.matching import BankLine, LedgerEntry, likeness, match_lines

DAY = date(2026, 9, 1)


def _line(key: int, pence: int, text: str, days: int = 0, hint: str = "") -> BankLine:
    return BankLine(key, DAY + timedelta(days=days), pence, (text,), hint)


def _entry(entry_id: int, pence: int, payee: str, days: int = 0,
           bank: tuple[int, ...] = ()) -> LedgerEntry:
    return LedgerEntry(entry_id, DAY + timedelta(days=days), pence, payee,
                       bank_dates=tuple(DAY + timedelta(days=d) for d in bank))


def test_bank_style_payees_are_alike() -> None:
    assert likeness(_line(1, -100, "J EVANS PA WAGES"), _entry(1, -100, "Jo Evans (PA)")) == 100
    assert likeness(_line(1, -100, "CARD PAYMENT TO TESCO STORES 3297"),
                    _entry(1, -100, "Tesco")) == 100
    assert likeness(_line(1, -100, "FPO 4412"), _entry(1, -100, "Jo Evans")) == 0
    assert likeness(_line(1, -100, "FPO 4412", hint="Jo Evans"), _entry(1, -100, "jo evans")) \
        == 100


def test_a_typed_payment_is_matched_once_certainly() -> None:
    found = match_lines([_line(7, -12000, "J EVANS PA WAGES", days=2)],
                        [_entry(3, -12000, "Jo Evans (PA)")], days=4)
    assert found[7].entry_id == 3 and found[7].certain and found[7].days == 2


def test_never_across_signs_or_beyond_the_window() -> None:
    lines = [_line(1, 12000, "J EVANS"), _line(2, -12000, "J EVANS", days=5)]
    assert match_lines(lines, [_entry(1, -12000, "Jo Evans")], days=4) == {}


def test_twin_payments_are_matched_one_to_one() -> None:
    lines = [_line(1, -2800, "BUS"), _line(2, -2800, "BUS", days=1)]
    entries = [_entry(10, -2800, "Bus"), _entry(11, -2800, "Bus", days=1)]
    found = match_lines(lines, entries, days=4)
    assert sorted(m.entry_id for m in found.values()) == [10, 11]
    assert all(m.certain for m in found.values())  # twins: either way records the same


def test_an_unlike_payee_or_a_close_rival_is_for_the_person_to_check() -> None:
    (only,) = match_lines([_line(1, -5000, "ATM CASH")], [_entry(1, -5000, "Jo Evans")],
                          days=4).values()
    assert not only.certain
    rivals = match_lines([_line(1, -5000, "SHOP")],
                         [_entry(1, -5000, "Shop"), _entry(2, -5000, "Shop Two", days=1)],
                         days=4)
    assert rivals[1].entry_id == 1 and not rivals[1].certain


def test_an_entry_from_the_bank_is_matched_only_by_a_file_covering_its_date() -> None:
    """Last month's bus fare (imported on the 1st) is not this month's (on the 3rd)."""
    imported = _entry(1, -280, "BUS", bank=(0,))
    assert match_lines([_line(1, -280, "BUS", days=2)], [imported], days=4) == {}
    # The same payment in another format of the account, a file that covers the 1st:
    lines = [_line(1, -280, "BUS"), _line(2, -999, "SHOP", days=2)]
    assert match_lines(lines, [imported], days=4)[1].entry_id == 1


@given(st.lists(st.tuples(st.integers(-3, 3), st.sampled_from([-500, -100, 100, 500])),
                max_size=12),
       st.lists(st.tuples(st.integers(-3, 3), st.sampled_from([-500, -100, 100, 500])),
                max_size=12))
def test_every_match_is_one_to_one_same_amount_within_days(
        lines: list[tuple[int, int]], entries: list[tuple[int, int]]) -> None:
    bank = [_line(i, p, "X", days=d) for i, (d, p) in enumerate(lines)]
    ledger = [_entry(100 + i, p, "X", days=d) for i, (d, p) in enumerate(entries)]
    found = match_lines(bank, ledger, days=2)
    assert len({m.entry_id for m in found.values()}) == len(found)
    by_id = {e.entry_id: e for e in ledger}
    for key, match in found.items():
        line, entry = bank[key], by_id[match.entry_id]
        assert line.pence == entry.pence and abs((line.on - entry.on).days) <= 2
    # As many matched as can be: no unmatched line has a free entry it could have taken.
    free = [e for e in ledger if e.entry_id not in {m.entry_id for m in found.values()}]
    for line in bank:
        if line.key not in found:
            assert not any(e.pence == line.pence and abs((line.on - e.on).days) <= 2
                           for e in free)
