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
    with pytest.raises(ParseError):
        parse_date("03/31/2025")


@given(st.integers(min_value=-10**13, max_value=10**13), st.sampled_from(["en_GB", "cy_GB"]))
def test_fast_money_format_is_babels(pence: int, locale: str) -> None:
    from decimal import Decimal

    from babel.numbers import format_currency

    assert format_money(pence, locale) == format_currency(Decimal(pence) / 100, "GBP",
                                                          locale=locale)
