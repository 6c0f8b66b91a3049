from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.money import Money, total

pence = st.integers(min_value=-10**12, max_value=10**12)


@given(st.lists(pence, max_size=200))
def test_total_is_exact_sum_of_pence(values: list[int]) -> None:
    assert total(Money(v) for v in values).pence == sum(values)


@given(pence, pence)
def test_add_and_subtract_are_inverse(a: int, b: int) -> None:
    assert (Money(a) + Money(b)) - Money(b) == Money(a)


@given(pence)
def test_decimal_round_trip(value: int) -> None:
    assert Money.from_decimal(Money(value).to_decimal()) == Money(value)


def test_half_pennies_round_to_even() -> None:
    assert Money.from_decimal(Decimal("0.125")).pence == 12
    assert Money.from_decimal(Decimal("0.135")).pence == 14


@pytest.mark.parametrize("bad", [1.5, "12", True, None])
def test_money_refuses_anything_but_whole_pence(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]
