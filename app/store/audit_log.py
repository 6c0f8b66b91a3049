"""Appending to and reading the hash-chained audit trail, inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit import GENESIS_HASH, AuditEvent, canonical_json, event_hash
from app.store.models import AuditEventRow


def append_event(session: Session, actor: str, action: str, entity: str, entity_id: object,
                 detail: dict[str, Any]) -> AuditEventRow:
    return append_events(session, actor, [(action, entity, entity_id, detail)])[0]


def append_events(session: Session, actor: str,
                  changes: list[tuple[str, str, object, dict[str, Any]]]) -> list[AuditEventRow]:
    """Chain one event per (action, entity, entity_id, detail), reading the last hash once."""
    last = session.scalars(
        select(AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    ).first()
    prev = last or GENESIS_HASH
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    rows = []
    for action, entity, entity_id, detail in changes:
        detail_text = canonical_json(detail)
        digest = event_hash(prev, at, actor, action, entity, str(entity_id), detail_text)
        rows.append(AuditEventRow(at=at, actor=actor, action=action, entity=entity,
                                  entity_id=str(entity_id), detail=detail_text, prev_hash=prev,
                                  hash=digest))
        prev = digest
    session.add_all(rows)
    return rows


def to_event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(row.id, row.at, row.actor, row.action, row.entity, row.entity_id,
                      row.detail, row.prev_hash, row.hash)


def load_events(session: Session) -> list[AuditEvent]:
    rows = session.scalars(select(AuditEventRow).order_by(AuditEventRow.id))
    return [to_event(r) for r in rows]
