"""Words that say who a bank line is, rules over them, and known payees."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.categories import Direction
from app.domain.errors import ValidationError
from app.domain.payees import (
    KnownPayee,
    PayeeBook,
    PayeeRule,
    check_rule_words,
    names_agree,
    rule_words,
    words_of,
)

WHEN = datetime(2026, 9, 1)


def test_bank_words_numbers_and_codes_are_left_out() -> None:
    assert words_of("CARD PAYMENT TO TESCO STORES 3297,12.34 GBP, RATE 1.00/GBP ON 31-08-2026") \
        == ("tesco", "stores")
    assert words_of("J EVANS PA WAGES") == ("j", "evans", "pa", "wages")
    assert rule_words("FPO J EVANS PA WAGES 207348 10 01DEC23") == "j evans pa"


def test_rule_words_typed_by_a_person_are_checked() -> None:
    assert check_rule_words("  J  Evans ") == "j evans"
    with pytest.raises(ValidationError):
        check_rule_words("CARD PAYMENT 1234")


def test_the_most_particular_rule_wins() -> None:
    book = PayeeBook([PayeeRule(1, "evans", "Evans family", None, False, WHEN),
                      PayeeRule(2, "j evans", "Jo Evans (PA)", "pa_wages", True, WHEN)])
    found = book.rule_for("SO J EVANS PA WAGES OCT")
    assert found is not None and found.id == 2
    other = book.rule_for("M EVANS")
    assert other is not None and other.id == 1
    assert book.rule_for("TESCO") is None


def test_known_payees_by_name_initials_and_way() -> None:
    jo = KnownPayee("Jo Evans (PA)", ("jo", "evans"), "pa_wages", Direction.OUT)
    book = PayeeBook([], [jo])
    assert book.known_for("J EVANS WAGES", Direction.OUT) is jo
    assert book.known_for("J EVANS REFUND", Direction.IN) is None
    assert book.known_for("JO SMITH", Direction.OUT) is None
    assert not names_agree(("jo", "evans"), ("j", "e"))  # initials alone never do
