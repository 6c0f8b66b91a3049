"""Write one parsed register file into the database, all or nothing.

Rows go first into a TEMP staging table; the differences with the stored register are
counted and applied, and the FTS index rebuilt, inside one transaction. A cancel or any
failure rolls the whole thing back, so the previous register stays as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from app.domain.errors import DomainError
from app.domain.providers import ProviderRecord, rating_rank
from app.i18n import _
from app.importers.register_common import latest_possible
from app.register.postcodes import centroid
from app.register.schema import COLUMNS, CONTENT_COLUMNS, STAGING_DDL

CHUNK = 5000
Cancelled = Callable[[], bool]
Progress = Callable[[str, int, int], None]


# More than this share of an area's providers gone in one import (and more than a handful)
# needs saying yes to: real closures are a percent or two a month.
REMOVALS_SHARE = 0.10
REMOVALS_FLOOR = 5


class TooManyRemovals(DomainError):
    def __init__(self, count: int, message: str) -> None:
        super().__init__(message)
        self.count = count


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__(_("The import was cancelled. The register is unchanged."))


@dataclass(frozen=True)
class RunInfo:
    dataset: str
    label: str
    file_name: str
    data_date: date | None


@dataclass(frozen=True)
class Changes:
    added: int
    changed: int
    removed: int
    unchanged: int
    kept_newer: int = 0  # rows the register already holds from a newer file: left alone


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def record_values(record: ProviderRecord, dataset: str, run_id: int) -> tuple[object, ...]:
    """The provider row for a record, in COLUMNS order."""
    lat, lon, derived = record.latitude, record.longitude, 0
    if lat is None or lon is None:
        # No coordinates in the file: place it at its postcode district's centre.
        point = centroid(record.postcode)
        lat, lon, derived = (point[0], point[1], 1) if point else (None, None, 0)
    return (
        record.source.value, record.source_id, dataset, run_id, record.name,
        record.name.casefold(), record.provider_name, record.org_form.value,
        int(record.org_form_derived), record.address, record.town, record.postcode,
        record.local_authority, record.region, lat, lon, derived, record.phone,
        record.website, record.email, "|".join(record.service_types),
        "|".join(record.specialisms), record.rating, rating_rank(record.rating),
        _iso(record.rating_date), record.registered_manager, record.beds,
        _iso(record.registered_on), record.description, record.charity_number,
    )


def apply_import(conn: sqlite3.Connection, run: RunInfo, records: Iterable[ProviderRecord],
                 rejected: int, cancelled: Cancelled, progress: Progress, total: int,
                 allow_removals: bool = False, kept_ids: Iterable[str] = ()) -> Changes:
    """`kept_ids`: ids of rejected rows; what the register holds for them stays as it was."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        run_id = _start_run(conn, run, rejected)
        if conn.execute("SELECT NOT EXISTS (SELECT 1 FROM provider)").fetchone()[0]:
            # A first import has nothing to compare with: straight into the register, with
            # its indexes built once at the end (sorting 50,000 keys beats 50,000 inserts).
            indexes = _drop_indexes(conn)
            added = _stage(conn, run, run_id, records, cancelled, progress, total, "provider")
            _keep_stated_facts(conn, "provider")
            for sql in indexes:
                conn.execute(sql)
            changes = Changes(added, 0, 0, 0)
        else:
            _stage(conn, run, run_id, records, cancelled, progress, total, "temp.staging")
            _keep_rejected(conn, kept_ids)
            _keep_stated_facts(conn, "temp.staging")
            _mark_stale(conn, run.data_date)
            _merge_other_formats(conn)
            changes = _count(conn, run.dataset)
            if not allow_removals:
                check_removals(conn, run.dataset)
            _check(cancelled)
            progress("saving", 0, 3)
            _apply(conn, run.dataset)
        progress("saving", 1, 3)
        _check(cancelled)
        if changes.added or changes.changed or changes.removed:
            _rebuild_services(conn)
            conn.execute("INSERT INTO provider_fts(provider_fts) VALUES ('rebuild')")
            conn.execute("ANALYZE")  # fresh statistics for the query planner
        progress("saving", 2, 3)
        _check(cancelled)
        conn.execute("UPDATE import_run SET added=?, changed=?, removed=? WHERE id=?",
                     (changes.added, changes.changed, changes.removed, run_id))
        conn.execute("COMMIT")
        progress("saving", 3, 3)
        return changes
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.staging")
        conn.execute("DROP TABLE IF EXISTS temp.kept")


def _keep_rejected(conn: sqlite3.Connection, kept_ids: Iterable[str]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept (source_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.kept")
    conn.executemany("INSERT OR IGNORE INTO temp.kept VALUES (?)",
                     ((i,) for i in kept_ids if i))


def _keep_stated_facts(conn: sqlite3.Connection, table: str) -> None:
    """Organisation forms that CQC's API stated for a location (app.register.cqc_api) outlast
    every import: the files only let the form be guessed from names."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'cqc_provider_record'"
                    ).fetchone() is None:
        return
    conn.execute(f"UPDATE {table} AS s SET org_form = f.org_form, org_form_derived = 0, "
                 f"charity_number = f.charity_number FROM cqc_provider_record f "
                 f"WHERE s.source = 'cqc' AND s.source_id = f.location_id AND f.org_form != ''")


def _drop_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the provider table's own indexes (inside the transaction); their CREATE SQL."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                         "AND tbl_name = 'provider' AND sql IS NOT NULL").fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _name, sql in found]


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise ImportCancelled()


def _start_run(conn: sqlite3.Connection, run: RunInfo, rejected: int) -> int:
    cursor = conn.execute(
        "INSERT INTO import_run (dataset, label, file_name, data_date, imported_at, added, "
        "changed, removed, rejected) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?)",
        (run.dataset, run.label, run.file_name, _iso(run.data_date),
         datetime.now(UTC).isoformat(timespec="seconds"), rejected))
    return int(cursor.lastrowid or 0)


def _stage(conn: sqlite3.Connection, run: RunInfo, run_id: int,
           records: Iterable[ProviderRecord], cancelled: Cancelled, progress: Progress,
           total: int, table: str) -> int:
    """Insert the rows into `table` (the staging table, or the empty register); a count."""
    for statement in STAGING_DDL:
        conn.execute(statement)
    conn.execute("DELETE FROM temp.staging")
    insert = (f"INSERT INTO {table} ({', '.join(COLUMNS)}) "
              f"VALUES ({', '.join('?' * len(COLUMNS))})")
    batch: list[tuple[object, ...]] = []
    done = 0
    for record in records:
        batch.append(record_values(record, run.dataset, run_id))
        if len(batch) >= CHUNK:
            done += _flush(conn, insert, batch, cancelled)
            progress("saving rows", done, total)
    done += _flush(conn, insert, batch, cancelled)
    progress("saving rows", done, total)
    return done


def _flush(conn: sqlite3.Connection, insert: str, batch: list[tuple[object, ...]],
           cancelled: Cancelled) -> int:
    _check(cancelled)
    conn.executemany(insert, batch)
    count = len(batch)
    batch.clear()
    return count


_MATCH = "p.source = s.source AND p.source_id = s.source_id"
# Same content: every column but the key, dataset and run (compared in SQL, in C, rather
# than hashing 50,000 rows in Python). IS treats two NULLs as equal.
_SAME = " AND ".join(f"p.{c} IS s.{c}" for c in CONTENT_COLUMNS)
# What a file covers: its dataset, in the council areas it mentions. A regional extract
# (say Oldham) then never removes the rows another region's file brought in.
_COVERED = ("p.dataset = ? AND p.local_authority IN "
            "(SELECT DISTINCT local_authority FROM temp.staging) "
            "AND p.source_id NOT IN (SELECT source_id FROM temp.kept)")
_FRESH = "s.stale = 0"


def _mark_stale(conn: sqlite3.Connection, data_date: date | None) -> None:
    """Flag staged rows the register already holds from a file with newer data: an older
    download must not undo a newer one (they still count as present, so none is removed)."""
    conn.execute("ALTER TABLE temp.staging ADD COLUMN stale INTEGER NOT NULL DEFAULT 0")
    if data_date is None:
        return
    # A run dated in the future (one bad row, before rows were checked) never counts as newer.
    conn.execute(f"UPDATE temp.staging AS s SET stale = 1 FROM provider p "
                 f"JOIN import_run r ON r.id = p.run_id WHERE {_MATCH} AND r.data_date > ? "
                 f"AND r.data_date <= ?", (data_date.isoformat(), latest_possible().isoformat()))


# When a file of another format updates a row, what it leaves blank keeps the old value:
# the HSCA file has no ratings and the 2016 directory no coordinates, so neither should
# wipe what a CQC API file said. Columns that go together are taken together.
def _keep(column: str, blank: str) -> str:
    return f"CASE WHEN {blank} THEN p.{column} ELSE s.{column} END"


_MERGE = {c: f"coalesce(nullif(s.{c}, ''), p.{c})" for c in CONTENT_COLUMNS}
_MERGE.update({c: _keep(c, "s.rating = ''") for c in ("rating", "rating_rank", "rating_date")})
_MERGE.update({c: _keep(c, "s.org_form = 'unknown' OR (s.org_form_derived AND NOT "
                           "p.org_form_derived)") for c in ("org_form", "org_form_derived")})
_MERGE.update({c: _keep(c, "s.latitude IS NULL OR (s.location_derived AND NOT "
                           "p.location_derived)")
               for c in ("latitude", "longitude", "location_derived")})
_MERGE.update({c: f"s.{c}" for c in ("name", "name_key")})


def _merge_other_formats(conn: sqlite3.Connection) -> None:
    sets = ", ".join(f"{c} = {expr}" for c, expr in _MERGE.items())
    conn.execute(f"UPDATE temp.staging AS s SET {sets} FROM provider p "
                 f"WHERE {_MATCH} AND p.dataset != s.dataset AND {_FRESH}")


def _count(conn: sqlite3.Connection, dataset: str) -> Changes:
    added, changed, unchanged, stale = conn.execute(
        f"SELECT sum(p.id IS NULL AND {_FRESH}), "
        f"sum(p.id IS NOT NULL AND {_FRESH} AND NOT ({_SAME})), "
        f"sum(p.id IS NOT NULL AND {_FRESH} AND {_SAME}), sum(s.stale) "
        f"FROM temp.staging s LEFT JOIN provider p ON {_MATCH}").fetchone()
    removed = conn.execute(
        f"SELECT count(*) FROM provider p WHERE {_COVERED} AND NOT EXISTS "
        f"(SELECT 1 FROM temp.staging s WHERE {_MATCH})", (dataset,)).fetchone()[0]
    return Changes(int(added or 0), int(changed or 0), int(removed), int(unchanged or 0),
                   int(stale or 0))


def check_removals(conn: sqlite3.Connection, dataset: str) -> None:
    """Refuse an import that would remove more than a set share of an area's providers: that
    is what a file cut short looks like. --allow-removals (or a yes in the window) overrides."""
    rows = conn.execute(
        f"SELECT p.local_authority, count(*), sum(NOT EXISTS "
        f"(SELECT 1 FROM temp.staging s WHERE {_MATCH})) FROM provider p WHERE {_COVERED} "
        f"GROUP BY p.local_authority", (dataset,)).fetchall()
    worst = [(str(area), int(held), int(gone)) for area, held, gone in rows
             if gone > REMOVALS_FLOOR and gone > REMOVALS_SHARE * held]
    if worst:
        area, held, gone = max(worst, key=lambda w: w[2] / w[1])
        total = sum(w[2] for w in worst)
        raise TooManyRemovals(total, _(
            "This file would remove {gone} of the {held} providers in {area} ({total} in all). "
            "A file cut short, or from a smaller area, does that, so nothing was imported. If "
            "those providers really have closed, import it again and allow removals "
            "(careledger register import FILE --allow-removals).").format(
                gone=gone, held=held, area=area or _("an area with no council name"),
                total=total))


def _apply(conn: sqlite3.Connection, dataset: str) -> None:
    conn.execute(f"DELETE FROM provider AS p WHERE {_COVERED} AND NOT EXISTS "
                 f"(SELECT 1 FROM temp.staging s WHERE {_MATCH})", (dataset,))
    updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:])
    conn.execute(f"INSERT INTO provider ({', '.join(COLUMNS)}) "
                 f"SELECT {', '.join(COLUMNS)} FROM temp.staging s WHERE {_FRESH} "
                 f"ON CONFLICT (source, source_id) DO UPDATE SET {updates}")


def _rebuild_services(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM provider_service")
    rows = conn.execute("SELECT id, service_types FROM provider WHERE service_types != ''")
    conn.executemany(
        "INSERT OR IGNORE INTO provider_service (service_type, provider_id) VALUES (?, ?)",
        ((kind, pid) for pid, kinds in rows.fetchall() for kind in kinds.split("|")))
