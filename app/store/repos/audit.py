"""The audit trail and the returns issued with the history head they quoted."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.domain.audit import AuditEvent
from app.store.models import audit_event_table
from app.store.models_statements import issued_statement_table

T = audit_event_table
I = issued_statement_table  # noqa: E741
_COLUMNS = (T.c.id, T.c.at, T.c.actor, T.c.action, T.c.entity, T.c.entity_id, T.c.detail,
            T.c.prev_hash, T.c.hash)


class AuditRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def events(self) -> list[AuditEvent]:
        """Oldest first, as the chain runs."""
        return [AuditEvent(*row) for row in self.conn.execute(select(*_COLUMNS).order_by(T.c.id))]

    def page(self, before_id: int | None, limit: int) -> list[AuditEvent]:
        """Newest first: up to `limit` events older than `before_id`."""
        query = select(*_COLUMNS).order_by(T.c.id.desc()).limit(limit)
        if before_id is not None:
            query = query.where(T.c.id < before_id)
        return [AuditEvent(*row) for row in self.conn.execute(query)]

    def head(self, skip_action: str | None = None) -> tuple[int, str] | None:
        """(id, hash) of the newest event (the newest but those of `skip_action`)."""
        query = select(T.c.id, T.c.hash).order_by(T.c.id.desc()).limit(1)
        if skip_action is not None:
            query = query.where(T.c.action != skip_action)
        row = self.conn.execute(query).first()
        return None if row is None else (int(row[0]), str(row[1]))

    def issued_heads(self) -> list[tuple[int, str]]:
        """(event id, hash) quoted by each return produced, oldest first."""
        rows = self.conn.execute(select(I.c.head_event_id, I.c.head_hash).order_by(I.c.id))
        return [(int(i), str(h)) for i, h in rows]
