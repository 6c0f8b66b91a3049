"""An open profile's encrypted records file: plain driver connections for reading, and the
SQLAlchemy engine, for writing and migrating, made the first time either is needed.

Opening a profile to its ledger only reads, so it needs no SQLAlchemy: importing it is a fifth
of a second, most of what separated opening a big ledger from a native program's time.
Read connections are kept for reuse and run with `query_only`: a read can never write, so
nothing reaches the audited tables except through the one writer (app/store/writer.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from app.domain.errors import DomainError
from app.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Each migration file names itself and the one it follows; read as text, so that opening a
# profile whose schema is current never imports Alembic (a quarter of a second at start).
_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)

# Failures to open that say nothing about the file itself.
NOT_DAMAGE = ("full", "readonly", "read-only", "i/o error", "unable to open", "permission",
              "no space", "out of memory")


class DamagedProfile(DomainError):
    """The file cannot be read with the right key: damaged, or not a CareLedger profile."""


class ProfileBusy(DomainError):
    """Another program holds the database locked."""


def connect(path: Path, key: bytes) -> Any:
    """A keyed connection that manages no transactions itself (callers BEGIN and COMMIT)."""
    conn = sqlcipher.connect(str(path), timeout=5.0, check_same_thread=False,
                             isolation_level=None)
    # Keying must come first; a raw 32-byte key skips SQLCipher's own slow KDF.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA foreign_keys = ON")
    # A wrong key or a damaged file fails here, at the first read, not later mid-task.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA journal_mode = WAL")
    _owner_only(path)
    return conn


def _owner_only(path: Path) -> None:
    """Encrypted or not, other accounts on a shared computer have no business reading it.
    (SQLite gives the -wal and -shm files the main file's permissions.)"""
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # e.g. a file system without Unix permissions


def refusal(error: BaseException) -> DomainError | None:
    """What to say when the file would not open: busy, or damaged; None for a full disk, a
    read-only folder and the like, said as such elsewhere (app/failures.py)."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return ProfileBusy(
            _("This profile is being used by another window. Close it and try again."))
    if any(word in text for word in NOT_DAMAGE):
        return None
    return DamagedProfile(_("This profile file is damaged or is not a CareLedger profile. "
                            "Restore it from a backup."))


def revision_of(conn: Any) -> str | None:
    """The schema revision stored in the file (Alembic's own table), without Alembic."""
    known = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'alembic_version'").fetchone()
    if known is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


@cache
def head_revision() -> str:
    """The newest migration: the one no other migration follows (a test checks Alembic
    agrees)."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions[found["revision"]] = found.get("down_revision")
    followed = set(revisions.values())
    heads = [revision for revision in revisions if revision not in followed]
    assert len(heads) == 1, heads
    return heads[0]


class LedgerDatabase:
    def __init__(self, path: Path, key: bytes, read_only: bool = False) -> None:
        self.path = Path(path)
        self.key = key
        self.read_only = read_only
        self._idle: list[Any] = []  # read connections not in use

    def _reader(self) -> Any:
        try:
            conn = connect(self.path, self.key)
        except sqlcipher.Error as error:
            said = refusal(error)
            if said is None:
                raise
            raise said from error
        conn.execute("PRAGMA query_only = ON")
        return conn

    def check_readable(self) -> None:
        """Open the first read connection: DamagedProfile or ProfileBusy when it cannot be."""
        self._idle.append(self._reader())

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A read connection inside one transaction: a consistent snapshot."""
        try:
            conn = self._idle.pop()  # one step: two threads never take the same connection
        except IndexError:
            conn = self._reader()
        try:
            conn.execute("BEGIN")
        except BaseException:
            conn.close()
            raise
        try:
            yield conn
        finally:
            try:
                conn.execute("ROLLBACK")
            except BaseException:
                conn.close()  # in an unknown state: never reused
                raise
            self._idle.append(conn)

    def revision(self) -> str | None:
        with self.reading() as conn:
            return revision_of(conn)

    @cached_property
    def engine(self) -> Engine:
        """SQLAlchemy's engine over the same file: imported and made at the first write."""
        from app.store import database

        engine = database.open_engine(self.path, self.key)
        if self.read_only:
            database.refuse_writes(engine)
        return engine

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so that a copied folder is complete."""
        conn = connect(self.path, self.key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    def dispose(self) -> None:
        while self._idle:
            self._idle.pop().close()
        if "engine" in self.__dict__:
            self.engine.dispose()
