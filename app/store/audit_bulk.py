"""Appending many audit events at once (a bank import), keeping the hash chain exact.

append_event reads the last hash for every event; for thousands of imported entries this
computes the chain in memory from one read and writes all events in one executemany.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit import GENESIS_HASH, canonical_json, event_hash
from app.store.models import AuditEventRow


def append_events(session: Session, actor: str,
                  events: Sequence[tuple[str, str, object, dict[str, Any]]]) -> None:
    """Append (action, entity, entity_id, detail) events in order, inside the caller's transaction."""
    last = session.scalars(
        select(AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    ).first()
    prev = last or GENESIS_HASH
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    rows = []
    for action, entity, entity_id, detail in events:
        detail_text = canonical_json(detail)
        digest = event_hash(prev, at, actor, action, entity, str(entity_id), detail_text)
        rows.append((at, actor, action, entity, str(entity_id), detail_text, prev, digest))
        prev = digest
    if rows:
        session.connection().exec_driver_sql(
            "INSERT INTO audit_event (at, actor, action, entity, entity_id, detail, prev_hash, "
            "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
