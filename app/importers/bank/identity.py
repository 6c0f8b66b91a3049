"""Import ids: the same bank transaction gets the same id however often its file is imported.

A bank's own transaction id (Monzo, OFX FITID) is used when there is one. Otherwise the id is
a fingerprint of date, amount and the bank's text, plus a counter, so that two identical bus
fares on one day stay two entries, yet a second import of either file finds both.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from app.importers.bank.model import StatementRow

MAX_ID = 200  # the entry.import_id column's width


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def import_ids(rows: Iterable[StatementRow]) -> list[str]:
    seen: Counter[str] = Counter()
    ids: list[str] = []
    for row in rows:
        if row.bank_id:
            bank_id = f"id:{row.bank_id}"
            bank_id = bank_id if len(bank_id) <= MAX_ID - 8 else f"id#{_digest(row.bank_id)}"
            seen[bank_id] += 1  # a bank that repeats an id in one file still gets two entries
            ids.append(bank_id if seen[bank_id] == 1 else f"{bank_id}#{seen[bank_id]}")
            continue
        key = _digest(f"{row.on.isoformat()}|{row.amount.pence}|{_norm(row.description)}"
                      f"|{_norm(row.reference)}")
        seen[key] += 1
        ids.append(f"fp:{key}#{seen[key]}")
    return ids
