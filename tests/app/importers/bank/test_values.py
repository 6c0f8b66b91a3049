from __future__ import annotations

from datetime import date

import pytest

from app.importers.bank.values import BadValue, parse_amount, parse_bank_date


@pytest.mark.parametrize(("text", "pence"), [
    ("1,234.50", 123450), ("(12.00)", -1200), ("£12", 1200), ("-£3.00", -300), ("£-3.00", -300),
    ("+£5.00", 500), ("12.00 CR", 1200), ("12.00DR", -1200), (".5", 50), ("'-12.34", -1234),
    ("2,000", 200000), ("\u00a0£1,000,000.01 ", 100000001),
])
def test_amounts(text: str, pence: int) -> None:
    assert parse_amount(text) == pence


@pytest.mark.parametrize("text", ["", "-", "1,2.3", "1.234", "1,23", "abc", "١٢", "1e3", "--1"])
def test_bad_amounts_say_why(text: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_amount(text)
    assert str(caught.value)


@pytest.mark.parametrize(("text", "on"), [
    ("13 Jun 2025", date(2025, 6, 13)), ("2025-06-13", date(2025, 6, 13)),
    ("13/06/2025", date(2025, 6, 13)), ("10 Feb 18", date(2018, 2, 10)),
    ("2018-02-25 12:34:56 +0000", date(2018, 2, 25)), ("'01/09/2026", date(2026, 9, 1)),
])
def test_dates(text: str, on: date) -> None:
    assert parse_bank_date(text) == on


def test_month_first_is_never_guessed() -> None:
    with pytest.raises(BadValue):
        parse_bank_date("06/13/2025")
