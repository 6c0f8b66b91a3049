"""Open an encrypted profile database through SQLAlchemy, and bring its schema up to date."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

from app.domain.errors import DomainError
from app.i18n import _
from app.store.writer import MIGRATING_FLAG, install_write_guard, needs_baseline, write_baseline

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` inside one transaction; a profile whose history
    was written before the one writer gets its baseline event in the same transaction."""
    with engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True
        try:
            command.upgrade(alembic_config(conn), revision)
        finally:
            conn.info.pop(MIGRATING_FLAG, None)
        if revision == "head" and needs_baseline(conn):
            write_baseline(conn)
