"""app/store/sql.py: the repositories read SQLite's stored forms straight from the driver; here
every typed column of every table in a year of demo records is read both ways, through
SQLAlchemy's column types and through the plain converters, and must agree value for value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, select

from app.services.context import ProfileContext
from app.store import sql
from app.store.models import metadata
from app.store.types import MoneyType


def _converter(column_type: Any) -> tuple[str, Callable[[Any], Any]] | None:
    if isinstance(column_type, DateTime):
        return "moment", sql.moment
    if isinstance(column_type, Date):
        return "day", sql.day
    if isinstance(column_type, Boolean):
        return "flag", bool
    if isinstance(column_type, MoneyType):
        return "money", sql.money
    return None


def test_plain_reads_agree_with_sqlalchemys_types(demo_ctx: ProfileContext) -> None:
    compared: Counter[str] = Counter()
    with demo_ctx.store.engine.connect() as conn, demo_ctx.store.read() as repos:
        for table in metadata.sorted_tables:
            typed = [(c.name, found) for c in table.columns
                     if (found := _converter(c.type)) is not None]
            if not typed:
                continue
            key = [c.name for c in table.primary_key.columns]
            names = [name for name, _found in typed]
            through_types = {tuple(r[:len(key)]): r[len(key):] for r in conn.execute(
                select(*(table.c[k] for k in key), *(table.c[n] for n in names)))}
            quoted = ", ".join(f'"{n}"' for n in [*key, *names])
            for row in repos.conn.execute(f'SELECT {quoted} FROM "{table.name}"'):
                expected = through_types[tuple(row[:len(key)])]
                for (name, (kind, convert)), value, want in zip(
                        typed, row[len(key):], expected, strict=True):
                    got = None if value is None else convert(value)
                    assert got == want and type(got) is type(want), (table.name, name, value)
                    compared[kind] += value is not None
    # The demo fills every kind of typed column many times over.
    assert all(compared[kind] >= 20 for kind in ("moment", "day", "flag", "money")), compared
