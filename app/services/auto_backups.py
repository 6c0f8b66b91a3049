"""The automatic backups of one profile: list them, and put one back in the records' place.

Restoring one never loses what is there: the current records file (damaged or not) moves
to `backups/kept-<when>.db` first, and shows in the list, so the restore can be undone.
The chosen backup is checked before it takes the records' place.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _, ngettext
from app.services.profiles import ProfileInUse, find_profile, unlock_with_backoff
from app.services.restore_area import clean_stale
from app.store.backup_file import check_room
from app.store.backups import (
    BACKUP_FOLDER,
    KEPT_PREFIX,
    STAMP,
    BackupCopy,
    check_copy,
    copies,
    entry_count,
    keyed,
    matches,
    now_utc,
)
from app.store.private import private_folder, sync_folder, tighten
from app.store.profile_lock import WriterLock
from app.store.profiles import ProfileInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupListing:
    number: int  # 1 is the newest
    made_at: datetime
    kind: str  # "auto": after a session; "kept": records a restore replaced
    size: int
    whole: bool  # opens with the key and SQLite finds nothing wrong
    entries: int | None
    path: Path


    @property
    def kind_label(self) -> str:
        return _("automatic") if self.kind == "auto" else _("kept when a backup was restored")

    @property
    def state_label(self) -> str:
        if not self.whole:
            return _("damaged: cannot be restored")
        if self.entries is None:
            return _("whole")
        return ngettext("whole, {n} entry", "whole, {n} entries", self.entries).format(
            n=self.entries)


@dataclass(frozen=True)
class AutoRestoreResult:
    restored: BackupListing
    kept: Path | None  # where the records that were there went


def list_backups(data_dir: Path, name: str, passphrase: str) -> list[BackupListing]:
    directory, info = find_profile(data_dir, name)
    return describe(info.folder, unlock_with_backoff(directory, info, passphrase))


def describe(folder: Path, key: bytes) -> list[BackupListing]:
    """Every backup of the profile, newest first, each checked."""
    return [_listing(number, copy, key)
            for number, copy in enumerate(copies(folder), start=1)]


def _listing(number: int, copy: BackupCopy, key: bytes) -> BackupListing:
    whole = check_copy(copy.path, key)
    return BackupListing(number, copy.made_at, copy.kind, copy.path.stat().st_size, whole,
                         entry_count(copy.path, key) if whole else None, copy.path)


def restore_automatic(data_dir: Path, name: str, passphrase: str,
                      number: int | None = None) -> AutoRestoreResult:
    """Put backup `number` (default: the newest whole one) in place of the records."""
    clean_stale(data_dir)
    directory, info = find_profile(data_dir, name)
    return restore_with_key(info, unlock_with_backoff(directory, info, passphrase), number)


def restore_with_key(info: ProfileInfo, key: bytes,
                     number: int | None = None) -> AutoRestoreResult:
    lock = WriterLock.acquire(info.folder)
    if lock is None:
        raise ProfileInUse(_("That profile is open. Close it before restoring a backup."))
    tmp = info.folder / f".restoring-{uuid.uuid4().hex}.db"
    try:
        found = describe(info.folder, key)
        chosen = _choose(found, number)
        check_room(info.folder, chosen.size)
        _copy_checked(chosen.path, tmp, key)
        kept = _keep_current(info)
        os.replace(tmp, info.database)
        sync_folder(info.folder)
    finally:
        tmp.unlink(missing_ok=True)
        lock.release()
    log.info("automatic backup restored")
    return AutoRestoreResult(chosen, kept)


def _choose(found: list[BackupListing], number: int | None) -> BackupListing:
    if number is None:
        chosen = next((b for b in found if b.whole), None)
        if chosen is None:
            raise DomainError(_("This profile has no automatic backup that opens and is "
                                "whole. Restore it from a backup file if you have one."))
        return chosen
    if not 1 <= number <= len(found):
        raise DomainError(_("There is no backup number {number}. "
                            "careledger backup list NAME shows them.").format(number=number))
    if not found[number - 1].whole:
        raise DomainError(_("Backup number {number} is damaged. Choose another.").format(
            number=number))
    return found[number - 1]


def _copy_checked(source: Path, tmp: Path, key: bytes) -> None:
    """A fresh copy through SQLite (so a kept copy's -wal comes along), checked."""
    src, dst = keyed(source, key), keyed(tmp, key)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    tighten(tmp)
    if not matches(tmp, key):
        raise DomainError(_("The backup could not be copied whole, so nothing was changed. "
                            "Try an older backup."))


def _keep_current(info: ProfileInfo) -> Path | None:
    """Move the records file that is there now, and its -wal, into the backups folder. A -wal
    left without its file is moved too: it must never be read into the restored one."""
    wal = info.database.with_name(info.database.name + "-wal")
    if not info.database.exists() and not wal.exists():
        return None
    folder = private_folder(info.folder / BACKUP_FOLDER)
    kept = folder / f"{KEPT_PREFIX}{now_utc().strftime(STAMP)}.db"
    while kept.exists() or kept.with_name(kept.name + "-wal").exists():
        kept = kept.with_name(kept.stem + "x.db")
    if info.database.exists():
        os.replace(info.database, kept)
    if wal.exists():
        os.replace(wal, kept.with_name(kept.name + "-wal"))
    info.database.with_name(info.database.name + "-shm").unlink(missing_ok=True)
    return kept if kept.exists() else None
