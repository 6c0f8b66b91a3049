"""Exact money: an amount is a whole number of pence, never a float."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_PENCE = Decimal(100)


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """A sterling amount in pence; positive is money in, negative is money out."""

    pence: int

    def __post_init__(self) -> None:
        if isinstance(self.pence, bool) or not isinstance(self.pence, int):
            raise TypeError(f"Money needs whole pence, got {type(self.pence).__name__}")

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_decimal(cls, pounds: Decimal) -> Money:
        """Pounds as a Decimal to pence, rounding half-pennies to even (banker's rounding)."""
        pence = (pounds * _PENCE).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
        return cls(int(pence))

    def to_decimal(self) -> Decimal:
        return Decimal(self.pence) / _PENCE

    def __add__(self, other: Money) -> Money:
        return Money(self.pence + other.pence)

    def __sub__(self, other: Money) -> Money:
        return Money(self.pence - other.pence)

    def __neg__(self) -> Money:
        return Money(-self.pence)

    def __abs__(self) -> Money:
        return Money(abs(self.pence))

    def times(self, factor: int) -> Money:
        return Money(self.pence * factor)

    @property
    def is_income(self) -> bool:
        return self.pence > 0


def total(amounts: Iterable[Money]) -> Money:
    return Money(sum(m.pence for m in amounts))
