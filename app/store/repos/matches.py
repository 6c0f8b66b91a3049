"""Bank lines already in the ledger (added as entries, or matched to one), and the entries a
new statement's lines may match."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from app.domain.matching import LedgerEntry
from app.store.sql import Connection, marks, rows, scalar

CHUNK = 5000  # bound values per query: well under SQLite's limit (32766)


class MatchRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def claimed(self, account_id: int, import_ids: Iterable[str]) -> dict[str, int]:
        """import id -> the entry it is in the ledger as, for the ids already there."""
        wanted = list(dict.fromkeys(import_ids))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            for query in (f"SELECT import_id, id FROM entry WHERE account_id = ? "
                          f"AND import_id IN ({marks(chunk)})",
                          f"SELECT import_id, entry_id FROM bank_match WHERE account_id = ? "
                          f"AND import_id IN ({marks(chunk)})"):
                found.update((i, e) for i, e in rows(self.conn, query, (account_id, *chunk)))
        return found

    def candidates(self, account_id: int, start: date, end: date, amounts: set[int]
                   ) -> list[LedgerEntry]:
        """Entries of the account dated start..end with one of `amounts`, each with the
        dates banks gave it (its own date when it was imported; matched lines' dates)."""
        span = (start.isoformat(), end.isoformat(), account_id)
        found_rows = [r for r in rows(
            self.conn, 'SELECT id, "on", amount, payee, memo, import_id, category_code '
                       'FROM entry WHERE "on" BETWEEN ? AND ? AND account_id = ?', span)
            if r[2] in amounts]
        seen: dict[int, list[date]] = defaultdict(list)
        for entry_id, on in rows(
                self.conn, 'SELECT m.entry_id, m."on" FROM bank_match m JOIN entry e '
                           'ON e.id = m.entry_id WHERE e."on" BETWEEN ? AND ? '
                           "AND e.account_id = ?", span):
            seen[entry_id].append(date.fromisoformat(on))
        found = []
        for entry_id, on, pence, payee, memo, import_id, code in found_rows:
            day = date.fromisoformat(on)
            dates = ([day] if import_id else []) + seen.get(entry_id, [])
            found.append(LedgerEntry(entry_id, day, int(pence), payee, memo or "",
                                     tuple(dates), code))
        return found

    def count_for(self, entry_id: int) -> int:
        return int(scalar(self.conn, "SELECT count(*) FROM bank_match WHERE entry_id = ?",
                          (entry_id,)))

    def bank_text_of(self, entry_id: int) -> str:
        """What the bank said about an entry: the latest matched line's text."""
        text = scalar(self.conn, "SELECT bank_text FROM bank_match WHERE entry_id = ? "
                                 "ORDER BY id DESC LIMIT 1", (entry_id,))
        return "" if text is None else str(text)
