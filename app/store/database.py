"""Open an encrypted profile database through SQLAlchemy, and bring its schema up to date."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event

from app.domain.errors import DomainError
from app.i18n import _
from app.store.writer import MIGRATING_FLAG, install_write_guard, needs_baseline, write_baseline

if TYPE_CHECKING:
    from alembic.config import Config

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


def _connect(path: Path, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path), timeout=5.0, check_same_thread=False)
    # Keying must come first; a raw 32-byte key skips SQLCipher's own slow KDF.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA foreign_keys = ON")
    # A wrong key or a damaged file fails here, at the first read, not later mid-task.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA journal_mode = WAL")
    _owner_only(path)
    conn.isolation_level = None  # SQLAlchemy's begin event below starts transactions itself
    return conn


def _owner_only(path: Path) -> None:
    """Encrypted or not, other accounts on a shared computer have no business reading it.
    (SQLite gives the -wal and -shm files the main file's permissions.)"""
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # e.g. a file system without Unix permissions


def open_engine(path: Path, key: bytes) -> Engine:
    """An engine over the encrypted file; raises DamagedProfile when it cannot be read."""
    engine = create_engine(f"sqlite:///{path}", creator=lambda: _connect(path, key))

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    install_write_guard(engine)
    check_readable(engine)
    return engine


def check_readable(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except Exception as exc:  # the driver's DatabaseError, wrapped by SQLAlchemy
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise ProfileBusy(
                _("This profile is being used by another window. Close it and try again.")
            ) from exc
        if any(word in text for word in NOT_DAMAGE):
            raise  # a full disk or a read-only folder: said as such (app/failures.py)
        raise DamagedProfile(
            _("This profile file is damaged or is not a CareLedger profile. "
              "Restore it from a backup.")
        ) from exc


def alembic_config(connection: Any | None = None) -> Config:
    from alembic.config import Config  # only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
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


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the file (Alembic's own table), without Alembic."""
    with engine.connect() as conn:
        known = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if known is None:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` inside one transaction; a profile whose history
    was written before the one writer gets its baseline event in the same transaction."""
    from alembic import command  # only when a migration is due

    with engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True
        try:
            command.upgrade(alembic_config(conn), revision)
        finally:
            conn.info.pop(MIGRATING_FLAG, None)
        if revision == "head" and needs_baseline(conn):
            write_baseline(conn)
