"""Column types that keep domain values exact in SQLite."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from app.domain.money import Money


class MoneyType(TypeDecorator[Money]):
    """A Money value stored as an INTEGER number of pence."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, Money):
            return value.pence
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise TypeError(f"MoneyType takes Money or int pence, not {type(value).__name__}")

    def process_result_value(self, value: Any, dialect: Dialect) -> Money | None:
        return None if value is None else Money(int(value))
