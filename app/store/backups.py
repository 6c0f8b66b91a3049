"""Encrypted copies of a profile database with SQLite's backup API, and their rotation.

A copy is keyed with the same data key as the original, so it is never plaintext, not even
for a moment: SQLCipher encrypts each page as the backup writes it.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

BACKUP_FOLDER = "backups"
AUTO_PREFIX = "auto-"

log = logging.getLogger(__name__)


def _keyed(path: Path, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def copy_database(engine: Engine, key: bytes, dest: Path) -> None:
    """Write a consistent encrypted copy of the engine's database to `dest`, atomically."""
    tmp = dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
    tmp.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        target = _keyed(tmp, key)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
            # A single self-contained file: no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        raw.close()


def check_copy(path: Path, key: bytes) -> bool:
    """True when the copy opens with the key and SQLite finds nothing wrong inside."""
    try:
        conn = _keyed(path, key)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlcipher.DatabaseError:
        return False


def automatic_backup(engine: Engine, key: bytes, folder: Path, keep: int) -> Path:
    """A timestamped copy in the profile's backups folder; only the newest `keep` stay."""
    target_dir = Path(folder) / BACKUP_FOLDER
    target_dir.mkdir(mode=0o700, exist_ok=True)
    for stale in target_dir.glob(".tmp-*"):  # left by a crash mid-copy; we hold the writer lock
        stale.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = target_dir / f"{AUTO_PREFIX}{stamp}.db"
    copy_database(engine, key, dest)
    removed = rotate(target_dir, keep)
    log.info("automatic backup written, %d old ones removed", removed)
    return dest


def automatic_backups(folder: Path) -> list[Path]:
    """Newest first (the names sort by time)."""
    target_dir = Path(folder) / BACKUP_FOLDER
    if not target_dir.is_dir():
        return []
    return sorted(target_dir.glob(f"{AUTO_PREFIX}*.db"), reverse=True)


def rotate(target_dir: Path, keep: int) -> int:
    old = sorted(target_dir.glob(f"{AUTO_PREFIX}*.db"), reverse=True)[max(keep, 1):]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)
