"""Plain SQL over the driver's own connection: how the repositories read.

Reads need no SQLAlchemy: opening a profile to its ledger reads through these alone, and
SQLAlchemy (a fifth of a second to import) is loaded at the first write. Values come back as
SQLite keeps them, in the forms SQLAlchemy's column types write: a day as 'YYYY-MM-DD', a
moment as 'YYYY-MM-DD HH:MM:SS.ffffff', a flag as 0 or 1, money as whole pence. The
converters below turn them into domain values; `iso` turns a day into its stored form for
comparing (the SQL must agree with the tables in app/store/models*.py: tests check both).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from app.domain.money import Money

Params = Sequence[Any] | dict[str, Any]

# The driver's connection (sqlcipher3's, like the standard library's sqlite3): typed loosely,
# as the driver has no type stubs.
Connection = Any


def rows(conn: Connection, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    cursor = conn.cursor()
    try:
        return list(cursor.execute(sql, params).fetchall())
    finally:
        cursor.close()


def first(conn: Connection, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def scalar(conn: Connection, sql: str, params: Params = ()) -> Any:
    row = first(conn, sql, params)
    return None if row is None else row[0]


def marks(values: Sequence[Any]) -> str:
    """'?, ?, ?': one bound value per item, for `IN (...)`."""
    return ", ".join("?" for _value in values)


def iso(on: date | None) -> str | None:
    """A day in its stored form, for binding."""
    return None if on is None else on.isoformat()


def day(value: str) -> date:
    return date.fromisoformat(value)


def maybe_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def money(value: int) -> Money:
    return Money(int(value))


def maybe_money(value: int | None) -> Money | None:
    return None if value is None else Money(int(value))
