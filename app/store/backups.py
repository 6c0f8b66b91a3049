"""Encrypted copies of a profile database with SQLite's backup API, checked, kept in generations.

A copy is keyed with the same data key as the original, so it is never plaintext, not even
for a moment: SQLCipher encrypts each page as the backup writes it. A copy only takes its
name once it has been opened with the key, passed `PRAGMA integrity_check` and shown the
same number of rows in every table as the database it was taken from; only then may older
copies be removed. Which older copies stay follows restic's `--keep-*` rules: the newest few,
then the newest of each of the last days, weeks and months, so one bad day (an emptied file,
a wrong import) can never push every good copy out.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.domain.errors import DomainError
from app.i18n import _
from app.store.private import private_folder, sync_folder, tighten

BACKUP_FOLDER = "backups"
AUTO_PREFIX = "auto-"  # taken after a session that wrote something
KEPT_PREFIX = "kept-"  # the database as it was when a backup was restored over it
SUFFIX = ".db"
STAMP = "%Y%m%dT%H%M%S%fZ"

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


class BackupNotVerified(DomainError):
    """The fresh copy did not match the database: it was thrown away, older ones kept."""


@dataclass(frozen=True)
class Generations:
    """How many automatic backups stay: the newest `recent`, then one a day, week, month."""

    recent: int = 5
    daily: int = 7
    weekly: int = 5
    monthly: int = 12


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    made_at: datetime  # UTC
    kind: str  # "auto" or "kept"


def now_utc() -> datetime:
    return datetime.now(UTC)


def keyed(path: Path, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def table_counts(conn: Any) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names}


def copy_database(path: Path, key: bytes, dest: Path) -> dict[str, int]:
    """Write a consistent encrypted copy of the database at `path` to `dest`, checked, then
    renamed into place (a crash leaves no half copy under that name). Row counts by table."""
    tmp = dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
    tmp.unlink(missing_ok=True)
    source = keyed(path, key)
    try:
        source.execute("BEGIN")  # one snapshot for the copy and the counts
        try:
            counts = table_counts(source)
            target = keyed(tmp, key)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # one file: no -wal beside it
            finally:
                target.close()
        finally:
            source.execute("ROLLBACK")
        tighten(tmp)
        if not matches(tmp, key, counts):
            raise BackupNotVerified(_(
                "CareLedger checks every backup, and this one did not match the records: the "
                "records file may be damaged. The new backup was not kept; the older ones are "
                "untouched. If this happens again, restore the newest good backup "
                "(careledger backup list NAME shows them)."))
        _fsync(tmp)
        os.replace(tmp, dest)
        sync_folder(dest.parent)
        return counts
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def matches(path: Path, key: bytes, counts: dict[str, int] | None = None) -> bool:
    """The copy opens with the key, SQLite finds nothing wrong, and (when given) every table
    holds as many rows as the original did."""
    try:
        conn = keyed(path, key)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
            return counts is None or table_counts(conn) == counts
        finally:
            conn.close()
    except sqlcipher.Error:
        return False


def check_copy(path: Path, key: bytes) -> bool:
    """True when the copy opens with the key and SQLite finds nothing wrong inside."""
    return matches(path, key)


def entry_count(path: Path, key: bytes) -> int | None:
    try:
        conn = keyed(path, key)
        try:
            return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])
        finally:
            conn.close()
    except sqlcipher.Error:
        return None


# --- automatic backups -------------------------------------------------------------------

def automatic_backup(path: Path, key: bytes, folder: Path,
                     generations: Generations | int = Generations(),
                     clock: Clock = now_utc) -> Path:
    """A checked copy in the profile's backups folder; then older ones are thinned out."""
    if isinstance(generations, int):
        generations = Generations(recent=generations)
    target_dir = private_folder(Path(folder) / BACKUP_FOLDER)
    for stale in target_dir.glob(".tmp-*"):  # left by a crash mid-copy; we hold the writer lock
        stale.unlink(missing_ok=True)
    made = clock()
    dest = target_dir / f"{AUTO_PREFIX}{made.strftime(STAMP)}{SUFFIX}"
    while dest.exists():  # two copies in one microsecond (a stopped clock): never overwrite
        dest = dest.with_name(dest.stem + "x" + SUFFIX)
    copy_database(path, key, dest)
    removed = rotate(target_dir, generations)
    log.info("automatic backup written and checked, %d old ones removed", removed)
    return dest


def made_at(path: Path) -> datetime | None:
    """When a backup was made, from its name; None for a file that is not one of ours."""
    stem = path.name.removesuffix(SUFFIX)
    for prefix in (AUTO_PREFIX, KEPT_PREFIX):
        if stem.startswith(prefix):
            try:
                return datetime.strptime(stem[len(prefix):].rstrip("x"), STAMP).replace(
                    tzinfo=UTC)
            except ValueError:
                return None
    return None


def copies(folder: Path, prefixes: Iterable[str] = (AUTO_PREFIX, KEPT_PREFIX)
           ) -> list[BackupCopy]:
    """The profile's backups, newest first."""
    target_dir = Path(folder) / BACKUP_FOLDER
    if not target_dir.is_dir():
        return []
    found = []
    for prefix in prefixes:
        for path in target_dir.glob(f"{prefix}*{SUFFIX}"):
            when = made_at(path)
            if when is not None:
                found.append(BackupCopy(path, when, prefix.rstrip("-")))
    return sorted(found, key=lambda c: (c.made_at, c.path.name), reverse=True)


def automatic_backups(folder: Path) -> list[Path]:
    """Newest first."""
    return [c.path for c in copies(folder, (AUTO_PREFIX,))]


def to_keep(made: list[datetime], generations: Generations) -> set[int]:
    """Indexes (into `made`, newest first) of the backups the rules keep."""
    keep = set(range(min(max(generations.recent, 1), len(made))))
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (generations.daily, lambda t: t.date()),
        (generations.weekly, lambda t: t.isocalendar()[:2]),
        (generations.monthly, lambda t: (t.year, t.month)),
    ]
    for count, bucket in buckets:
        seen: list[object] = []
        for index, when in enumerate(made):
            key = bucket(when)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(index)  # the newest in each of the last `count` periods
    return keep


def rotate(target_dir: Path, generations: Generations | int) -> int:
    if isinstance(generations, int):
        generations = Generations(recent=max(generations, 1))
    found = copies(target_dir.parent, (AUTO_PREFIX,))
    keep = to_keep([c.made_at for c in found], generations)
    for index, copy in enumerate(found):
        if index not in keep:
            copy.path.unlink(missing_ok=True)
    return len(found) - len(keep)


def newest_good(folder: Path, key: bytes) -> BackupCopy | None:
    """The newest backup that opens with the key and is whole."""
    return next((c for c in copies(folder) if check_copy(c.path, key)), None)
