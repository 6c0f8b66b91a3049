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
from app.services.bank_import import SNAPSHOT_FIELDS
from app.services.ledger import entry_snapshot  # what the ledger writes into events
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


# What the history check compares: the fields every kind of entry event records.
CHECKED_FIELDS = ("on", "amount_pence", "payee", "category", "memo")


def _checked(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: snapshot.get(k) for k in CHECKED_FIELDS}


def replay_entries(events: list[AuditEvent]) -> dict[int, dict[str, Any]]:
    """Each entry's checked fields as the audit trail says they should be now.

    Entry events come in these shapes (see ledger.py, bank_import.py, entry_snapshots.py):
    one snapshot (create); {"before", "after"} (update); {"before": {...}} (delete);
    {"entries": [[id, on, amount, payee, category, memo, import_id], ...]} (a bank import);
    {"entry_ids", "before": [...]} (entries removed, e.g. an undo); {"entry_ids"} alone
    (removed entries put back exactly as they were). Other events change no checked field.
    """
    state: dict[int, dict[str, Any]] = {}
    removed: dict[int, dict[str, Any]] = {}
    for event in events:
        if event.entity != "entry":
            continue
        detail = json.loads(event.detail)
        if "entries" in detail:
            for row in detail["entries"]:
                state[int(row[0])] = _checked(dict(zip(SNAPSHOT_FIELDS, row, strict=False)))
        elif isinstance(detail.get("before"), list):
            for entry_id in detail["entry_ids"]:
                if entry_id in state:
                    removed[entry_id] = state.pop(entry_id)
        elif "entry_ids" in detail:
            for entry_id in detail["entry_ids"]:
                if entry_id in removed:
                    state[entry_id] = removed.pop(entry_id)
        elif event.action == "create":
            state[int(event.entity_id)] = _checked(detail)
        elif event.action == "update":
            state[int(event.entity_id)] = _checked(detail["after"])
        elif event.action == "delete":
            state.pop(int(event.entity_id), None)
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
            actual = {row.id: _checked(json.loads(json.dumps(entry_snapshot(row))))
                      for row in s.scalars(select(EntryRow))}
        expected = replay_entries(events)
        differing = sorted(i for i in expected.keys() | actual.keys()
                           if expected.get(i) != actual.get(i))
        return HistoryCheck(len(events), first_broken_link(events), differing)
