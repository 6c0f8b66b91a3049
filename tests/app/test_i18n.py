from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import i18n
from app.i18n import ParseError, format_money, parse_date, parse_money, pence_to_plain


@pytest.mark.parametrize(
    ("text", "pence"),
    [("12", 1200), ("12.5", 1250), ("£1,234.50", 123450), ("-3.20", -320), ("(12.00)", -1200),
     (" 0.07 ", 7), ("£ 40", 4000)],
)
def test_parse_money_reads_what_people_type(text: str, pence: int) -> None:
    assert parse_money(text) == pence


@pytest.mark.parametrize("text", ["", "abc", "12.345", "1.2.3", "£", "12,50p"])
def test_parse_money_rejects_nonsense_plainly(text: str) -> None:
    with pytest.raises(ParseError, match="not an amount"):
        parse_money(text)


@given(st.integers(min_value=-10**11, max_value=10**11))
def test_formatted_money_parses_back_to_the_same_pence(pence: int) -> None:
    assert parse_money(format_money(pence)) == pence
    assert parse_money(pence_to_plain(pence)) == pence


def test_money_and_dates_in_welsh() -> None:
    i18n.set_locale("cy")
    assert i18n.active_locale() == "cy_GB"
    assert format_money(123450) == "£1,234.50"
    assert i18n.format_date(date(2024, 3, 5), "long") == "5 Mawrth 2024"


def test_welsh_catalog_translates_interface_text() -> None:
    i18n.set_locale("cy")
    assert i18n._("Balance") == "Balans"
    i18n.set_locale("en")
    assert i18n._("Balance") == "Balance"


@pytest.mark.parametrize("text", ["2025-03-31", "31/03/2025", "31/03/25", "31.03.2025"])
def test_parse_date_uk_forms(text: str) -> None:
    assert parse_date(text) == date(2025, 3, 31)


def test_parse_date_rejects_american_order_that_cannot_be_a_uk_date() -> None:
    with pytest.raises(ParseError, match="day first"):
        parse_date("03/31/2025")


@pytest.mark.parametrize("text", ["29/11/2026", "29 Nov 2026", "29 November 2026",
                                  "29 nov 2026", "29th November 2026", "2026-11-29",
                                  "29-11-26", "29.11.2026", "29 Nov, 2026"])
def test_whole_dates_are_read_as_typed(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 29)


def test_welsh_month_names_and_english_ones_alike_in_welsh() -> None:
    i18n.set_locale("cy")
    for text in ("29 Tach 2026", "29 Tachwedd 2026", "29 Nov 2026", "29/11/2026"):
        assert parse_date(text) == date(2026, 11, 29)
    assert i18n.format_day(date(2026, 11, 29)) == "29 Tach 2026"


def test_part_of_a_date_keeps_the_rest_of_the_one_shown() -> None:
    shown = date(2026, 12, 2)
    assert parse_date("29", around=shown) == date(2026, 12, 29)
    assert parse_date("29/11", around=shown) == date(2026, 11, 29)
    assert parse_date("29 Nov", around=shown) == date(2026, 11, 29)
    with pytest.raises(ParseError):
        parse_date("29")  # with no date to go by, a day alone is not a date


@pytest.mark.parametrize("text", ["31/11/2026", "30 Feb 2026", "hello", "12/13/2026", "",
                                  "1/1/26000"])
def test_parse_date_says_plainly_what_is_wrong(text: str) -> None:
    with pytest.raises(ParseError, match="date"):
        parse_date(text)


def test_one_date_format_per_locale() -> None:
    assert i18n.format_day(date(2026, 12, 2)) == "2 Dec 2026"
    assert i18n.format_day(date(2026, 12, 2)) == i18n.format_date(date(2026, 12, 2))


@given(st.integers(min_value=-10**13, max_value=10**13), st.sampled_from(["en_GB", "cy_GB"]))
def test_fast_money_format_is_babels(pence: int, locale: str) -> None:
    from decimal import Decimal

    from babel.numbers import format_currency

    assert format_money(pence, locale) == format_currency(Decimal(pence) / 100, "GBP",
                                                          locale=locale)
