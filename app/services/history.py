"""The audit trail as people read it, and the check that nobody changed it behind the app.

Two checks: the hash chain holds (no event edited, removed or inserted), and every entry in
the ledger is exactly as its last audit event left it (no entry edited, added or removed
without an event).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.domain.audit import AuditEvent, first_broken_link
from app.services.ledger import _snapshot  # the same snapshot the ledger writes into events
from app.services.profiles import OpenProfile
from app.store.audit_log import load_events, to_event
from app.store.models import AuditEventRow, EntryRow


@dataclass(frozen=True)
class HistoryCheck:
    events_checked: int
    first_broken: AuditEvent | None
    entries_not_matching: list[int] = field(default_factory=list)  # entry ids, ascending

    @property
    def is_whole(self) -> bool:
        return self.first_broken is None and not self.entries_not_matching


def replay_entries(events: list[AuditEvent]) -> dict[int, dict[str, Any]]:
    """Each entry's state as the audit trail says it should be now."""
    state: dict[int, dict[str, Any]] = {}
    for event in events:
        if event.entity != "entry":
            continue
        detail = json.loads(event.detail)
        entry_id = int(event.entity_id)
        if event.action == "create":
            state[entry_id] = detail
        elif event.action == "update":
            state[entry_id] = detail["after"]
        elif event.action == "delete":
            state.pop(entry_id, None)
    return state


class HistoryService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    def events(self) -> list[AuditEvent]:
        """Oldest first, as the chain runs."""
        with self.profile.session() as s:
            return load_events(s)

    def page(self, before_id: int | None = None, limit: int = 200) -> list[AuditEvent]:
        """Newest first: up to `limit` events older than `before_id` (a long trail is paged)."""
        with self.profile.session() as s:
            query = select(AuditEventRow).order_by(AuditEventRow.id.desc()).limit(limit)
            if before_id is not None:
                query = query.where(AuditEventRow.id < before_id)
            return [to_event(row) for row in s.scalars(query)]

    def verify(self) -> HistoryCheck:
        with self.profile.session() as s:
            events = load_events(s)
            actual = {row.id: json.loads(json.dumps(_snapshot(row)))
                      for row in s.scalars(select(EntryRow))}
        expected = replay_entries(events)
        differing = sorted(i for i in expected.keys() | actual.keys()
                           if expected.get(i) != actual.get(i))
        return HistoryCheck(len(events), first_broken_link(events), differing)
