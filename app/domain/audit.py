"""The audit trail: each event carries the hash of the one before, so tampering shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: str  # ISO 8601 UTC, to the microsecond
    actor: str
    action: str  # "create", "update", "delete", ...
    entity: str  # "entry", "person", ...
    entity_id: str
    detail: str  # canonical JSON of what changed
    prev_hash: str
    hash: str


def canonical_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(
    prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str, detail: str
) -> str:
    payload = canonical_json(
        {"prev": prev_hash, "at": at, "actor": actor, "action": action,
         "entity": entity, "entity_id": entity_id, "detail": detail}
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def first_broken_link(events: Iterable[AuditEvent]) -> AuditEvent | None:
    """The first event whose hash or link does not hold, or None when the chain is whole."""
    expected_prev = GENESIS_HASH
    for event in events:
        recomputed = event_hash(
            event.prev_hash, event.at, event.actor, event.action,
            event.entity, event.entity_id, event.detail,
        )
        if event.prev_hash != expected_prev or event.hash != recomputed:
            return event
        expected_prev = event.hash
    return None
