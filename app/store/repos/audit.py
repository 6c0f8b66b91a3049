"""The audit trail and the returns issued with the history head they quoted."""

from __future__ import annotations

from app.domain.audit import AuditEvent
from app.store.sql import Connection, first, rows

_COLUMNS = "id, at, actor, action, entity, entity_id, detail, prev_hash, hash"


class AuditRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def events(self) -> list[AuditEvent]:
        """Oldest first, as the chain runs."""
        return [AuditEvent(*row)
                for row in rows(self.conn, f"SELECT {_COLUMNS} FROM audit_event ORDER BY id")]

    def page(self, before_id: int | None, limit: int) -> list[AuditEvent]:
        """Newest first: up to `limit` events older than `before_id`."""
        if before_id is None:
            found = rows(self.conn, f"SELECT {_COLUMNS} FROM audit_event ORDER BY id DESC "
                                    "LIMIT ?", (limit,))
        else:
            found = rows(self.conn, f"SELECT {_COLUMNS} FROM audit_event WHERE id < ? "
                                    "ORDER BY id DESC LIMIT ?", (before_id, limit))
        return [AuditEvent(*row) for row in found]

    def head(self, skip_action: str | None = None) -> tuple[int, str] | None:
        """(id, hash) of the newest event (the newest but those of `skip_action`)."""
        if skip_action is None:
            row = first(self.conn, "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        else:
            row = first(self.conn, "SELECT id, hash FROM audit_event WHERE action != ? "
                                   "ORDER BY id DESC LIMIT 1", (skip_action,))
        return None if row is None else (int(row[0]), str(row[1]))

    def issued_heads(self) -> list[tuple[int, str]]:
        """(event id, hash) quoted by each return produced, oldest first."""
        return [(int(i), str(h)) for i, h in rows(
            self.conn, "SELECT head_event_id, head_hash FROM issued_statement ORDER BY id")]
