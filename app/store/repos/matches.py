"""Bank lines already in the ledger (added as entries, or matched to one), and the entries a
new statement's lines may match."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from app.domain.matching import LedgerEntry
from app.store import sql
from app.store.sql import Connection

CHUNK = 5000  # bound values per query: well under SQLite's limit (32766)


class MatchRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _rows(self, query: str, params: Sequence[Any]) -> list[Any]:
        return sql.rows(self.conn, query, tuple(params))

    def claimed(self, account_id: int, import_ids: Iterable[str]) -> dict[str, int]:
        """import id -> the entry it is in the ledger as, for the ids already there."""
        wanted = list(dict.fromkeys(import_ids))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            marks = ", ".join("?" for _i in chunk)
            for query in (f"SELECT import_id, id FROM entry WHERE account_id = ? "
                        f"AND import_id IN ({marks})",
                        f"SELECT import_id, entry_id FROM bank_match WHERE account_id = ? "
                        f"AND import_id IN ({marks})"):
                found.update((i, e) for i, e in self._rows(query, [account_id, *chunk]))
        return found

    def candidates(self, account_id: int, start: date, end: date, amounts: set[int]
                   ) -> list[LedgerEntry]:
        """Entries of the account dated start..end with one of `amounts`, each with the
        dates banks gave it (its own date when it was imported; matched lines' dates)."""
        rows = [r for r in self._rows(
            'SELECT id, "on", amount, payee, memo, import_id, category_code FROM entry '
            'WHERE "on" BETWEEN ? AND ? AND account_id = ?',
            (start.isoformat(), end.isoformat(), account_id)) if r[2] in amounts]
        seen: dict[int, list[date]] = defaultdict(list)
        for entry_id, on in self._rows(
                'SELECT m.entry_id, m."on" FROM bank_match m JOIN entry e ON e.id = m.entry_id '
                'WHERE e."on" BETWEEN ? AND ? AND e.account_id = ?',
                (start.isoformat(), end.isoformat(), account_id)):
            seen[entry_id].append(date.fromisoformat(on))
        found = []
        for entry_id, on, pence, payee, memo, import_id, code in rows:
            day = date.fromisoformat(on)
            dates = ([day] if import_id else []) + seen.get(entry_id, [])
            found.append(LedgerEntry(entry_id, day, int(pence), payee, memo or "",
                                     tuple(dates), code))
        return found

    def count_for(self, entry_id: int) -> int:
        rows = self._rows("SELECT count(*) FROM bank_match WHERE entry_id = ?", (entry_id,))
        return int(rows[0][0])

    def bank_text_of(self, entry_id: int) -> str:
        """What the bank said about an entry: the latest matched line's text."""
        rows = self._rows("SELECT bank_text FROM bank_match WHERE entry_id = ? "
                          "ORDER BY id DESC LIMIT 1", (entry_id,))
        return str(rows[0][0]) if rows else ""
