"""The only writer of the profile's audited tables.

Every change to an audited table (entries, accounts, funding, rules, people, providers,
visits, evidence, reconciliations, ...) goes through a Writer, inside one transaction. The
Writer reads each record's full stored image before and after the change and, when the work
is done, appends ONE version 2 audit event holding the cause and every image. Replay of the
history is then simply "state = after", and undo is the same changes applied backwards.

A guard on the engine (install_write_guard) refuses any INSERT, UPDATE or DELETE on these
tables from a connection that is not inside a Writer, so nothing can write them unaudited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, event

from app.domain.audit import GENESIS_HASH, Cause, ChangeSet, RecordChange, encode, event_hash
from app.domain.errors import DomainError
from app.i18n import _
from app.store import balance
from app.store.models import metadata

AUDIT_TABLE = "audit_event"
# Stored bytes of a receipt are not copied into the history: its sha256 column stands for them.
UNAUDITED_COLUMNS = {"evidence": frozenset({"data"})}
WRITER_FLAG = "careledger_writer"  # set in Connection.info while a Writer is working
MIGRATING_FLAG = "careledger_migrating"


def audited_tables() -> dict[str, Table]:
    unaudited = {AUDIT_TABLE, balance.TABLE}  # the trail itself, and a sum derived from it
    return {name: table for name, table in metadata.tables.items()
            if name not in unaudited}


TABLES = audited_tables()


@cache  # the schema is fixed for the life of the program; these run once per row imported
def key_columns(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in TABLES[table].primary_key.columns)


@cache
def all_columns(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in TABLES[table].columns)


@cache
def audited_columns(table: str) -> tuple[str, ...]:
    hidden = UNAUDITED_COLUMNS.get(table, frozenset())
    return tuple(c for c in all_columns(table) if c not in hidden)


def _dependents(table: str) -> list[tuple[str, str]]:
    """(table, column) pairs whose rows go with a row of `table` (ON DELETE CASCADE)."""
    found = []
    for name, other in TABLES.items():
        for fk in other.foreign_keys:
            if fk.column.table.name == table and (fk.ondelete or "").upper() == "CASCADE":
                found.append((name, fk.parent.name))
    return found


DEPENDENTS = {name: _dependents(name) for name in TABLES}


class UnauditedWrite(RuntimeError):
    """Something tried to change an audited table without going through the Writer."""


class ChangedSince(DomainError):
    """Undo or redo found a record no longer as that step left it."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Writer:
    """Writes audited tables on one connection, inside the caller's transaction."""

    def __init__(self, conn: Connection, actor: str) -> None:
        self.conn = conn
        self.actor = actor
        self.changes: list[RecordChange] = []
        conn.info[WRITER_FLAG] = True

    # --- reading images -----------------------------------------------------------------

    def image(self, table: str, key: Sequence[Any]) -> dict[str, Any] | None:
        """The record exactly as stored (raw values), or None when there is none."""
        columns = all_columns(table)
        where = " AND ".join(f"{_q(k)} = ?" for k in key_columns(table))
        row = self.conn.exec_driver_sql(
            f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)} WHERE {where}",
            tuple(key)).first()
        return None if row is None else dict(zip(columns, row, strict=True))

    def _images_where(self, table: str, column: str, value: Any) -> list[dict[str, Any]]:
        columns = all_columns(table)
        rows = self.conn.exec_driver_sql(
            f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)} WHERE {_q(column)} = ?",
            (value,)).all()
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def _key_of(self, table: str, image: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(image[k] for k in key_columns(table))

    # --- changing ------------------------------------------------------------------------

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        """Add one record (values as domain types: Money, date, ...); returns its row id."""
        result = self.conn.execute(TABLES[table].insert().values(**values))
        key = tuple(result.inserted_primary_key or ())
        after = self.image(table, key)
        assert after is not None
        self.changes.append(RecordChange(table, key, None, after))
        return int(key[0]) if len(key) == 1 and isinstance(key[0], int) else 0

    def insert_many(self, table: str, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Add many records of a table with an integer id in one statement (a bank import)."""
        if not rows:
            return []
        (id_column,) = key_columns(table)
        before = self.conn.exec_driver_sql(
            f"SELECT coalesce(max({_q(id_column)}), 0) FROM {_q(table)}").scalar_one()
        # Straight to the driver, each value through its column's own conversion: the
        # statement layer's per-row work costs several times the insert itself.
        names = list(rows[0])
        convert = [_to_stored(self.conn, table, name) for name in names]
        self.conn.exec_driver_sql(
            f"INSERT INTO {_q(table)} ({', '.join(map(_q, names))}) "
            f"VALUES ({', '.join('?' for _n in names)})",
            [tuple(c(row[n]) for c, n in zip(convert, names, strict=True)) for row in rows])
        columns = all_columns(table)
        found = self.conn.exec_driver_sql(
            f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)} "
            f"WHERE {_q(id_column)} > ? ORDER BY {_q(id_column)}", (before,)).all()
        # Inside one write transaction SQLite numbers new rows max(id)+1, +2, ...: checked.
        ids = [row[columns.index(id_column)] for row in found]
        if ids != list(range(before + 1, before + 1 + len(rows))):
            raise RuntimeError("new rows were not numbered in order")
        for row in found:
            image = dict(zip(columns, row, strict=True))
            self.changes.append(RecordChange(table, self._key_of(table, image), None, image))
        return ids

    def update(self, table: str, key: Sequence[Any], values: Mapping[str, Any]) -> bool:
        """Change one record; returns False (and records nothing) when nothing changed."""
        before = self.image(table, key)
        if before is None:
            raise LookupError(f"no {table} {tuple(key)}")
        t = TABLES[table]
        clause = [t.c[k] == v for k, v in zip(key_columns(table), key, strict=True)]
        self.conn.execute(t.update().where(*clause).values(**values))
        after = self.image(table, key)
        if after == before:
            return False
        self.changes.append(RecordChange(table, tuple(key), before, after))
        return True

    def update_many(self, table: str, ids: Sequence[int], values: Mapping[str, Any]) -> int:
        """Give many records of a table with an integer id the same values (entries ticked as
        on a statement), a few statements for all; returns how many changed."""
        (id_column,) = key_columns(table)
        columns = all_columns(table)
        t = TABLES[table]
        changed = 0
        for start in range(0, len(ids), 500):  # bound values: well under SQLite's limit
            chunk = list(dict.fromkeys(ids[start:start + 500]))
            select = (f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)} "
                      f"WHERE {_q(id_column)} IN ({', '.join('?' for _i in chunk)})")
            before = {row[columns.index(id_column)]: dict(zip(columns, row, strict=True))
                      for row in self.conn.exec_driver_sql(select, tuple(chunk))}
            if len(before) != len(chunk):
                raise LookupError(f"no {table} {sorted(set(chunk) - set(before))}")
            self.conn.execute(t.update().where(t.c[id_column].in_(chunk)).values(**values))
            for row in self.conn.exec_driver_sql(select, tuple(chunk)):
                after = dict(zip(columns, row, strict=True))
                old = before[after[id_column]]
                if after != old:
                    self.changes.append(RecordChange(table, (after[id_column],), old, after))
                    changed += 1
        return changed

    def delete(self, table: str, key: Sequence[Any]) -> None:
        """Remove one record and, first, the records that go with it (links to it)."""
        before = self.image(table, key)
        if before is None:
            raise LookupError(f"no {table} {tuple(key)}")
        for other, column in DEPENDENTS[table]:
            (own,) = key_columns(table)
            for image in self._images_where(other, column, before[own]):
                self.delete(other, self._key_of(other, image))
        t = TABLES[table]
        clause = [t.c[k] == v for k, v in zip(key_columns(table), key, strict=True)]
        self.conn.execute(t.delete().where(*clause))
        self.changes.append(RecordChange(table, tuple(key), before, None))

    def delete_where(self, table: str, column: str, value: Any) -> int:
        """Remove every record of `table` whose `column` is `value` (e.g. a visit's links)."""
        images = self._images_where(table, column, value)
        for image in images:
            self.delete(table, self._key_of(table, image))
        return len(images)

    # --- undo and redo -------------------------------------------------------------------

    def apply(self, changes: Iterable[RecordChange]) -> None:
        """Make each record what `after` says, provided it is still what `before` says."""
        for change in changes:
            current = self.image(change.table, change.key)
            if not _same(current, change.before, change.table):
                raise ChangedSince(_("This can no longer be undone or redone: something it "
                                     "changed has been changed again since."))
            self._put(change)
            self.changes.append(RecordChange(change.table, change.key, current,
                                             self.image(change.table, change.key)))

    def _put(self, change: RecordChange) -> None:
        table, key_names = _q(change.table), key_columns(change.table)
        where = " AND ".join(f"{_q(k)} = ?" for k in key_names)
        if change.after is None:
            self.conn.exec_driver_sql(f"DELETE FROM {table} WHERE {where}", tuple(change.key))
            return
        names = [c for c in all_columns(change.table) if c in change.after]
        values = tuple(change.after[c] for c in names)
        if change.before is None:
            self.conn.exec_driver_sql(
                f"INSERT INTO {table} ({', '.join(map(_q, names))}) "
                f"VALUES ({', '.join('?' for _n in names)})", values)
        else:
            sets = ", ".join(f"{_q(c)} = ?" for c in names)
            self.conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE {where}",
                                      values + tuple(change.key))

    # --- finishing -----------------------------------------------------------------------

    def finish(self, cause: Cause, baseline: bool = False) -> ChangeSet | None:
        """Append the one audit event for everything written, and bring the balance
        checkpoint up to it; None when nothing changed. A baseline's changes only describe
        what is there, so the checkpoint is counted afresh."""
        try:
            if not self.changes:
                return None
            event_id = append_event(self.conn, self.actor, cause, self.changes)
            if baseline:
                balance.recount_if_kept(self.conn, event_id)
            else:
                balance.advance(self.conn, self.changes, event_id)
            return ChangeSet(event_id, cause, tuple(self.changes))
        finally:
            self.conn.info.pop(WRITER_FLAG, None)

    def abandon(self) -> None:
        self.conn.info.pop(WRITER_FLAG, None)


def _to_stored(conn: Connection, table: str, column: str) -> Callable[[Any], Any]:
    """The conversion SQLAlchemy would make of a value bound to this column."""
    process = TABLES[table].c[column].type.bind_processor(conn.dialect)
    return process if process is not None else _as_is


def _as_is(value: Any) -> Any:
    return value


def _same(current: Mapping[str, Any] | None, expected: Mapping[str, Any] | None,
          table: str) -> bool:
    if current is None or expected is None:
        return current is None and expected is None
    return all(current.get(c) == expected.get(c) for c in all_columns(table) if c in expected)


def _audited_image(table: str, image: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    hidden = UNAUDITED_COLUMNS.get(table)
    if image is None or not hidden:
        return image
    return {k: v for k, v in image.items() if k not in hidden}


def append_event(conn: Connection, actor: str, cause: Cause,
                 changes: Sequence[RecordChange]) -> int:
    """Chain one version 2 event for `changes` after the last event; returns its id."""
    last = conn.exec_driver_sql(
        f"SELECT hash FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1").scalar()
    prev = last or GENESIS_HASH
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    shown = [RecordChange(c.table, c.key, _audited_image(c.table, c.before),
                          _audited_image(c.table, c.after)) for c in changes]
    tables = {c.table for c in shown}
    detail = encode(cause, shown, {t: key_columns(t) for t in tables},
                    {t: audited_columns(t) for t in tables})
    entity = shown[0].table
    ids = [c.key[0] for c in shown if c.table == entity]
    entity_id = str(ids[0]) if len(ids) == 1 else f"{min(ids)}-{max(ids)}"
    digest = event_hash(prev, at, actor, cause.kind, entity, entity_id, detail)
    result = conn.exec_driver_sql(
        f"INSERT INTO {AUDIT_TABLE} (at, actor, action, entity, entity_id, detail, prev_hash, "
        "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, cause.kind, entity, entity_id, detail, prev, digest))
    return int(result.lastrowid)


# --- the guard -------------------------------------------------------------------------------

_WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)", re.IGNORECASE)
GUARDED = frozenset(TABLES) | {AUDIT_TABLE, balance.TABLE}


def install_write_guard(engine: Engine) -> None:
    """Refuse writes to audited tables (and the audit trail) from outside a Writer."""

    @event.listens_for(engine, "before_cursor_execute")
    def _guard(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        match = _WRITE.match(statement)
        if match is None or match.group(1) not in GUARDED:
            return
        if not (conn.info.get(WRITER_FLAG) or conn.info.get(MIGRATING_FLAG)):
            raise UnauditedWrite(f"{match.group(1)} written outside app.store.writer")


# --- the baseline of a profile upgraded from version 1 events --------------------------------

BASELINE_ACTOR = "CareLedger"


def needs_baseline(conn: Connection) -> bool:
    """True when records exist that no version 2 event holds the images of: the newest event
    is a version 1 one, or (a profile from before the history) there is no event at all."""
    detail = conn.exec_driver_sql(
        f"SELECT detail FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1").scalar()
    if detail is None:
        return conn.exec_driver_sql("SELECT 1 FROM person LIMIT 1").first() is not None
    return not str(detail).endswith(',"v":2}')


def write_baseline(conn: Connection) -> None:
    """One event holding the full image of every record as it stands, so that from here on
    replaying the history gives every audited table exactly (see app/services/history.py)."""
    writer = Writer(conn, BASELINE_ACTOR)
    try:
        for table in TABLES:
            columns = all_columns(table)
            keys = key_columns(table)
            for row in conn.exec_driver_sql(
                    f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)}"):
                image = dict(zip(columns, row, strict=True))
                writer.changes.append(RecordChange(table, tuple(image[k] for k in keys), None,
                                                   image))
        writer.finish(Cause("baseline", "upgrade"), baseline=True)
    finally:
        writer.abandon()
