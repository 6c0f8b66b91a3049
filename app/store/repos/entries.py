"""Entries: the ledger's queries, read into domain objects (sums come back as Money).

Plain SQL over the driver's connection (app/store/sql.py), as every repository reads: on a
100,000-entry ledger SQLAlchemy's statement compiling and per-cell type processing cost several
times the query itself. The SQL must agree with app.store.models.entry_table (a test checks).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from app.domain.chosen_providers import payee_key
from app.domain.entries import Entry
from app.domain.funding import Period
from app.domain.money import Money
from app.store import balance, sql
from app.store.sql import Connection

_COLUMNS = ('id, "on", amount, payee, category_code, memo, approval_reason, account_id, '
            "created_by, created_at, plan_line_id, cleared, reconciled, import_id")
_NEWEST = f'SELECT {_COLUMNS} FROM entry ORDER BY "on" DESC, id DESC LIMIT ?'
_BELOW = (f'SELECT {_COLUMNS} FROM entry WHERE ("on", id) < (?, ?) '
          'ORDER BY "on" DESC, id DESC LIMIT ?')
_BETWEEN = f'SELECT {_COLUMNS} FROM entry WHERE "on" BETWEEN ? AND ? ORDER BY "on", id'
_UNCLEARED = (f'SELECT {_COLUMNS} FROM entry WHERE "on" <= ? AND NOT cleared AND NOT reconciled '
              'ORDER BY "on", id')
_ONE = f"SELECT {_COLUMNS} FROM entry WHERE id = ?"
_OPENING = "SELECT coalesce(sum(opening_balance), 0) FROM account"
_AFTER_DAY = 'SELECT coalesce(sum(amount), 0) FROM entry WHERE "on" > ?'
_LATER = 'SELECT coalesce(sum(amount), 0) FROM entry WHERE ("on", id) > (?, ?)'
_TOTALS = ('SELECT coalesce(sum(CASE WHEN amount > 0 THEN amount END), 0), '
           'coalesce(sum(CASE WHEN amount < 0 THEN -amount END), 0) '
           'FROM entry WHERE "on" BETWEEN ? AND ?')
CHUNK = 5000  # bound values per query: well under SQLite's limit (32766)


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(row[0], date.fromisoformat(row[1]), Money(row[2]), row[3], row[4], row[5],
                 row[6], row[7], row[8], datetime.fromisoformat(row[9]), row[10],
                 bool(row[11]), bool(row[12]), row[13])


class EntryRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _scalar(self, query: str, params: tuple[Any, ...] = ()) -> int:
        return int(sql.scalar(self.conn, query, params))

    def get(self, entry_id: int) -> Entry | None:
        rows = sql.rows(self.conn, _ONE, (entry_id,))
        return _entry(rows[0]) if rows else None

    def by_ids(self, ids: Iterable[int]) -> dict[int, Entry]:
        wanted = list(dict.fromkeys(ids))
        found: dict[int, Entry] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            query = f"SELECT {_COLUMNS} FROM entry WHERE id IN ({sql.marks(chunk)})"
            found.update((e.id, e) for e in map(_entry, sql.rows(self.conn, query, tuple(chunk))))
        return found

    def count(self) -> int:
        return self._scalar("SELECT count(*) FROM entry")

    def below(self, after: tuple[date, int] | None, limit: int) -> list[Entry]:
        """Up to `limit` entries just below the (date, id) key `after`, or from the newest."""
        if after is None:
            return [_entry(r) for r in sql.rows(self.conn, _NEWEST, (limit,))]
        return [_entry(r) for r in sql.rows(self.conn, _BELOW,
                                            (after[0].isoformat(), after[1], limit))]

    def between(self, start: date, end: date) -> list[Entry]:
        return [_entry(r) for r in sql.rows(self.conn, _BETWEEN,
                                            (start.isoformat(), end.isoformat()))]

    def uncleared(self, up_to: date) -> list[Entry]:
        """Every entry up to `up_to` that no bank statement has shown yet, oldest first."""
        return [_entry(r) for r in sql.rows(self.conn, _UNCLEARED, (up_to.isoformat(),))]

    def _moved(self) -> int:
        """Every entry's pence: the writer's checkpoint, not a sum of the whole ledger."""
        cursor = self.conn.cursor()
        try:
            return balance.moved(cursor)
        finally:
            cursor.close()

    def balance(self, up_to: date | None = None) -> Money:
        """Opening balances plus every entry (dated up to `up_to`): the few dated later are
        taken off the checkpoint's total."""
        later = 0 if up_to is None else self._scalar(_AFTER_DAY, (up_to.isoformat(),))
        return Money(self._scalar(_OPENING) + self._moved() - later)

    def balance_after(self, entry: Entry) -> Money:
        """Pence in the accounts just after `entry` in ledger order (date, id)."""
        later = self._scalar(_LATER, (entry.on.isoformat(), entry.id))
        return Money(self._scalar(_OPENING) + self._moved() - later)

    def totals(self, start: date, end: date) -> tuple[Money, Money]:
        """(money in, money out as a positive figure) dated start..end."""
        money_in, money_out = sql.rows(self.conn, _TOTALS, (start.isoformat(), end.isoformat()))[0]
        return Money(int(money_in)), Money(int(money_out))

    def spending(self, since: date, until: date) -> list[tuple[date, Money, str]]:
        rows = sql.rows(self.conn, 'SELECT "on", amount, category_code FROM entry '
                                   'WHERE "on" BETWEEN ? AND ?',
                        (since.isoformat(), until.isoformat()))
        return [(date.fromisoformat(on), Money(amount), code) for on, amount, code in rows]

    def existing_import_ids(self, account_id: int, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found.update(i for (i,) in sql.rows(self.conn,
                f"SELECT import_id FROM entry WHERE account_id = ? "
                f"AND import_id IN ({sql.marks(chunk)})", (account_id, *chunk)))
        return found

    def paid_by_payee(self, period: Period) -> dict[str, tuple[Money, int]]:
        """Money out per payee (compared as payee_key) in the period: (paid, payments)."""
        rows = sql.rows(self.conn, "SELECT payee, -sum(amount), count(*) FROM entry "
                                   'WHERE amount < 0 AND "on" BETWEEN ? AND ? GROUP BY payee',
                        (period.start.isoformat(), period.end.isoformat()))
        totals: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
        for payee, paid, count in rows:
            before = totals[payee_key(payee)]
            totals[payee_key(payee)] = (before[0] + int(paid), before[1] + int(count))
        return {key: (Money(p), n) for key, (p, n) in totals.items()}

    def spent_by_plan_line(self, period: Period) -> dict[int | None, Money]:
        rows = sql.rows(self.conn, "SELECT plan_line_id, -sum(amount) FROM entry WHERE "
                                   'amount < 0 AND "on" BETWEEN ? AND ? GROUP BY plan_line_id',
                        (period.start.isoformat(), period.end.isoformat()))
        return {line: Money(int(spent)) for line, spent in rows}

    def without_evidence(self, start: date | None, end: date | None,
                         money_out_only: bool = True) -> list[Entry]:
        query = (f"SELECT {_COLUMNS} FROM entry WHERE NOT EXISTS "
                 "(SELECT 1 FROM evidence_link l WHERE l.entry_id = entry.id)")
        params: list[Any] = []
        if money_out_only:
            query += " AND amount < 0"
        if start is not None:
            query += ' AND "on" >= ?'
            params.append(start.isoformat())
        if end is not None:
            query += ' AND "on" <= ?'
            params.append(end.isoformat())
        return [_entry(r) for r in sql.rows(self.conn, query + ' ORDER BY "on", id', tuple(params))]

    def on_plan_line(self, line_id: int) -> int:
        return self._scalar("SELECT count(*) FROM entry WHERE plan_line_id = ?", (line_id,))

    def first_date(self) -> date | None:
        return sql.maybe_day(sql.scalar(self.conn, 'SELECT min("on") FROM entry'))
