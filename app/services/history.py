"""The audit trail as people read it, and the check that nobody changed it behind the app.

Verify checks, in turn:
- the hash chain holds (no event edited, removed or inserted in the middle);
- every audited table, column by column, is exactly what replaying the history gives
  (state = after), so a record edited, added or removed without an event shows;
- the entries a profile held when it was upgraded from version 1 events match those events;
- every history head quoted by a return produced (and the head kept beside the profile) is
  still in the chain, so a deleted tail or a rewritten chain shows even with fresh hashes;
- every stored document still has the bytes its sha256 says;
- the balance checkpoint (app/store/balance.py) is the entries' own sum and count.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.audit import AuditEvent, EventBody, decode, first_broken_link, replay
from app.domain.audit_v1 import checked_fields_of, replay_entries
from app.i18n import active_locale
from app.services.history_words import EventWords, describe
from app.store.balance import checkpoint_matches
from app.store.profile_store import ProfileStore
from app.store.writer import TABLES, audited_columns, key_columns

BASELINE = "baseline"


@dataclass(frozen=True)
class Difference:
    """A record that is not as its history says: `columns` name what differs."""

    table: str
    key: tuple[Any, ...]
    kind: str  # "changed", "not in the history" (added behind the app), "missing" (removed)
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryCheck:
    events_checked: int
    first_broken: AuditEvent | None
    differences: tuple[Difference, ...] = ()
    missing_heads: tuple[str, ...] = ()  # heads a return quoted that the chain no longer has
    damaged_documents: tuple[int, ...] = ()
    v1_entries_not_matching: tuple[int, ...] = ()
    checkpoint_wrong: bool = False  # the kept balance is not the entries' sum

    @property
    def entries_not_matching(self) -> list[int]:
        ids = {int(d.key[0]) for d in self.differences if d.table == "entry"}
        return sorted(ids | set(self.v1_entries_not_matching))

    @property
    def is_whole(self) -> bool:
        return (self.first_broken is None and not self.differences and not self.missing_heads
                and not self.damaged_documents and not self.v1_entries_not_matching
                and not self.checkpoint_wrong)


class HistoryService:
    def __init__(self, store: ProfileStore, known_heads: Sequence[str] = ()) -> None:
        self.store = store
        self.known_heads = tuple(known_heads)  # e.g. the head kept in profile.json
        self._names: dict[str, dict[Any, str]] | None = None

    def events(self) -> list[AuditEvent]:
        """Oldest first, as the chain runs."""
        with self.store.read() as repos:
            return repos.audit.events()

    def page(self, before_id: int | None = None, limit: int = 200) -> list[AuditEvent]:
        """Newest first: up to `limit` events older than `before_id` (a long trail is paged)."""
        with self.store.read() as repos:
            return repos.audit.page(before_id, limit)

    def describe(self, event: AuditEvent) -> EventWords:
        """The event in words (history_words), categories and plan lines by their names."""
        return describe(event, self._namer())

    def _namer(self) -> Callable[[str, Any], str | None]:
        if self._names is None:
            with self.store.read() as repos:
                categories = {c.code: c.name(active_locale()) for c in repos.categories.all()}
                lines = {line.id: line.name for line in repos.plan.lines()}
            self._names = {"category_code": categories, "plan_line_id": lines}
        names = self._names
        return lambda column, value: names.get(column, {}).get(value)

    def head(self) -> tuple[int, str] | None:
        with self.store.read() as repos:
            return repos.audit.head()

    def verify(self) -> HistoryCheck:
        with self.store.read() as repos:
            events = repos.audit.events()
            issued = [h for _i, h in repos.audit.issued_heads()]
            actual = {table: _rows(repos.conn, table) for table in TABLES}
            damaged = _damaged_documents(repos.conn)
            checkpoint_wrong = not checkpoint_matches(repos.conn)
        bodies = [decode(e) for e in events]
        expected = replay(b for b in bodies if b.version == 2)
        differences = tuple(_compare(table, expected.get(table, {}), actual[table])
                            for table in sorted(TABLES))
        hashes = {e.hash for e in events}
        missing = tuple(dict.fromkeys(h for h in (*issued, *self.known_heads)
                                      if h and h not in hashes))
        return HistoryCheck(len(events), first_broken_link(events),
                            tuple(d for group in differences for d in group), missing,
                            damaged, _v1_mismatches(events, bodies), checkpoint_wrong)


def _rows(conn: Any, table: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    columns = audited_columns(table)
    keys = key_columns(table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    found = {}
    for row in conn.execute(f'SELECT {quoted} FROM "{table}"'):
        image = dict(zip(columns, row, strict=True))
        found[tuple(image[k] for k in keys)] = image
    return found


def _compare(table: str, expected: dict[tuple[Any, ...], Any],
             actual: dict[tuple[Any, ...], dict[str, Any]]) -> list[Difference]:
    differences = []
    columns = audited_columns(table)
    for key in sorted(expected.keys() | actual.keys(), key=repr):
        want, have = expected.get(key), actual.get(key)
        if want is None:
            differences.append(Difference(table, key, "not in the history"))
        elif have is None:
            differences.append(Difference(table, key, "missing"))
        else:
            changed = tuple(c for c in columns if want.get(c) != have.get(c))
            if changed:
                differences.append(Difference(table, key, "changed", changed))
    return differences


def _v1_mismatches(events: Iterable[AuditEvent], bodies: Sequence[EventBody]
                   ) -> tuple[int, ...]:
    """Entries whose version 1 history does not match what the upgrade's baseline found."""
    at = next((i for i, b in enumerate(bodies) if b.cause.kind == BASELINE), None)
    if not at:  # no baseline, or one first in the chain: a file from before the audit trail
        return ()
    baseline = bodies[at]
    found = {int(c.key[0]): checked_fields_of(dict(c.after or {}))
             for c in baseline.changes if c.table == "entry"}
    wanted = replay_entries(events)
    return tuple(sorted(i for i in wanted.keys() | found.keys()
                        if wanted.get(i) != found.get(i)))


def _damaged_documents(conn: Any) -> tuple[int, ...]:
    damaged = []
    for evidence_id, data, digest in conn.execute(
            "SELECT id, data, sha256 FROM evidence ORDER BY id"):
        if hashlib.sha256(data).hexdigest() != digest:
            damaged.append(int(evidence_id))
    return tuple(damaged)
