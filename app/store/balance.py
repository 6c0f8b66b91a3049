"""The balance checkpoint: the sum and the count of every entry, kept in step by the one
writer (app/store/writer.py) in the transaction of each change, so that a ledger opens
without summing every entry.

It names the audit event it was last brought up to. A checkpoint behind the newest event
(something changed the entries without the writer, or an older CareLedger wrote the file) is
not used: the sum is taken from the entries instead. History verify compares it with the
entries (`checkpoint_matches`), so a checkpoint changed behind the app is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain.audit import RecordChange

TABLE = "balance_checkpoint"
_CURRENT = (f"SELECT total FROM {TABLE} WHERE id = 1 AND event_id = "
            "(SELECT coalesce(max(id), 0) FROM audit_event)")
_SUMMED = "SELECT coalesce(sum(amount), 0), count(*) FROM entry"


def moved(cursor: Any) -> int:
    """Pence moved by every entry: from the checkpoint when it is current, else summed."""
    row = cursor.execute(_CURRENT).fetchone()
    if row is not None:
        return int(row[0])
    return int(cursor.execute(_SUMMED).fetchone()[0])


def entry_delta(changes: Iterable[RecordChange]) -> tuple[int, int]:
    """(pence, entries) that these changes add to the ledger."""
    pence = count = 0
    for change in changes:
        if change.table != "entry":
            continue
        if change.before is not None:
            pence -= int(change.before["amount"])
            count -= 1
        if change.after is not None:
            pence += int(change.after["amount"])
            count += 1
    return pence, count


def advance(conn: Any, changes: Iterable[RecordChange], event_id: int) -> None:
    """Move the checkpoint by what `changes` did and up to `event_id` (the writer's last
    step). A checkpoint that was not current is counted again from the entries; a schema
    from before the checkpoint (a migration in progress) has none to keep."""
    if not exists(conn):
        return
    pence, count = entry_delta(changes)
    updated = conn.exec_driver_sql(
        f"UPDATE {TABLE} SET total = total + ?, entries = entries + ?, event_id = ? "
        "WHERE id = 1 AND event_id = (SELECT coalesce(max(id), 0) FROM audit_event "
        "WHERE id < ?)", (pence, count, event_id, event_id)).rowcount
    if updated == 0:
        recount(conn, event_id)


def exists(conn: Any) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).first() is not None


def recount_if_kept(conn: Any, event_id: int) -> None:
    if exists(conn):
        recount(conn, event_id)


def recount(conn: Any, event_id: int) -> None:
    conn.exec_driver_sql(
        f"INSERT OR REPLACE INTO {TABLE} (id, total, entries, event_id) "
        f"SELECT 1, coalesce(sum(amount), 0), count(*), ? FROM entry", (event_id,))


def checkpoint_matches(conn: Any) -> bool:
    """True when the stored checkpoint is the entries' own sum and count (or there is none
    yet: a file not opened by this version). `conn`: the driver's connection."""
    stored = conn.execute(f"SELECT total, entries FROM {TABLE} WHERE id = 1").fetchone()
    if stored is None:
        return True
    summed = conn.execute(_SUMMED).fetchone()
    return bool(tuple(stored) == tuple(summed))
