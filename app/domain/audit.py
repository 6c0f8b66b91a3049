"""The audit trail: each event carries the hash of the one before, so tampering shows.

Version 2 events (every change since the one writer) are typed: the cause of the change and,
for each record it touched, the full image of every audited column before and after. Replay
is then "state = after". Version 1 events (the shapes written before) are still read: see
app/domain/audit_v1.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

GENESIS_HASH = "0" * 64
VERSION = 2

Image = Mapping[str, Any]  # column -> raw stored value (text, integer, real or None)


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: str  # ISO 8601 UTC, to the microsecond
    actor: str
    action: str  # the cause's kind: "add", "change", "delete", "import", "undo", ...
    entity: str  # the first table the event changed ("entry", "person", ...)
    entity_id: str
    detail: str  # canonical JSON: version 2 is {"v": 2, "cause": ..., "changes": [...]}
    prev_hash: str
    hash: str

    @property
    def version(self) -> int:
        # Canonical JSON sorts keys, so a version 2 detail always ends with its "v".
        return VERSION if self.detail.endswith(',"v":2}') else 1


@dataclass(frozen=True)
class Cause:
    """Why a change happened, in a form both people and replay can read."""

    kind: str  # add, change, delete, import, undo, redo, baseline, create_profile, ...
    label: str = ""  # plain words, e.g. the undo step's name
    about: Mapping[str, Any] = field(default_factory=dict)  # e.g. {"file": "bank.csv"}


@dataclass(frozen=True)
class RecordChange:
    """One record before and after: None before means inserted, None after means deleted."""

    table: str
    key: tuple[Any, ...]
    before: Image | None
    after: Image | None

    @property
    def op(self) -> str:
        if self.before is None:
            return "insert"
        return "delete" if self.after is None else "update"

    def reversed(self) -> RecordChange:
        return RecordChange(self.table, self.key, self.after, self.before)


@dataclass(frozen=True)
class ChangeSet:
    """What one unit of work changed: full images (receipt bytes too, for undo), and the
    audit event that records it."""

    event_id: int
    cause: Cause
    changes: tuple[RecordChange, ...]

    def reversed(self) -> tuple[RecordChange, ...]:
        return tuple(change.reversed() for change in reversed(self.changes))


@dataclass(frozen=True)
class EventBody:
    version: int
    cause: Cause
    changes: tuple[RecordChange, ...]


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


# --- version 2: encoding and decoding ------------------------------------------------------


def encode(cause: Cause, changes: Sequence[RecordChange],
           keys: Mapping[str, Sequence[str]], columns: Mapping[str, Sequence[str]]) -> str:
    """The detail text of a version 2 event: changes grouped by table, images as lists in
    the table's column order (compact: an import of 10,000 lines names each column once)."""
    groups: dict[str, dict[str, Any]] = {}
    getters: dict[str, Callable[[Image | None], list[Any] | None]] = {}
    for change in changes:
        group = groups.get(change.table)
        if group is None:
            group = groups[change.table] = {"table": change.table,
                                            "key": list(keys[change.table]),
                                            "columns": list(columns[change.table]), "rows": []}
            getters[change.table] = _lister(group["columns"])
        as_list = getters[change.table]
        group["rows"].append([as_list(change.before), as_list(change.after)])
    cause_json = {"kind": cause.kind, "label": cause.label, "about": dict(cause.about)}
    return canonical_json({"v": VERSION, "cause": cause_json, "changes": list(groups.values())})


def _as_list(image: Image | None, names: Sequence[str]) -> list[Any] | None:
    return None if image is None else [image.get(name) for name in names]


def _lister(names: Sequence[str]) -> Callable[[Image | None], list[Any] | None]:
    """_as_list for one table's column order, done by a C-level itemgetter when the image has
    every column (as the writer's images do): an import of 10,000 lines lists 20,000."""
    get = itemgetter(*names)
    single = len(names) == 1

    def as_list(image: Image | None) -> list[Any] | None:
        if image is None:
            return None
        try:
            found = get(image)
        except KeyError:
            return _as_list(image, names)
        return [found] if single else list(found)

    return as_list


def decode(event: AuditEvent) -> EventBody:
    """The typed body of an event; version 1 events have a cause and no record images."""
    data = json.loads(event.detail)
    if event.version != VERSION:
        return EventBody(1, Cause(event.action), ())
    cause = data["cause"]
    changes = []
    for group in data["changes"]:
        names, key_names = group["columns"], group["key"]
        for before, after in group["rows"]:
            b = None if before is None else dict(zip(names, before, strict=True))
            a = None if after is None else dict(zip(names, after, strict=True))
            image = a if a is not None else b
            assert image is not None
            changes.append(RecordChange(group["table"], tuple(image[k] for k in key_names),
                                        b, a))
    return EventBody(VERSION, Cause(cause["kind"], cause.get("label", ""),
                                    cause.get("about", {})), tuple(changes))


def replay(bodies: Iterable[EventBody]) -> dict[str, dict[tuple[Any, ...], Image]]:
    """The state of every audited table as the history says it is: state = after."""
    state: dict[str, dict[tuple[Any, ...], Image]] = {}
    for body in bodies:
        for change in body.changes:
            rows = state.setdefault(change.table, {})
            if change.after is None:
                rows.pop(change.key, None)
            else:
                rows[change.key] = change.after
    return state
