"""Back up a profile to one encrypted file, and restore one, never losing what is there now.

Restoring checks the backup opens and is whole, and brings an older schema up to date, in a
hidden work folder first; only then does it take the profile's place. A profile already
there of the same name is replaced only when asked (`replace=True`, the CLI's --replace),
and then it is not deleted: its whole folder (its own passphrase, its records and its
automatic backups) moves to `<data>/backups/before-restore-...`, from where
`careledger restore FOLDER` brings it back.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError, ValidationError
from app.i18n import _
from app.services.profiles import OpenProfile, ProfileInUse, WrongPassphrase
from app.services.restore_area import KEPT_PREFIX, SAFETY_FOLDER, clean_stale, kept_folder
from app.store import backup_file, database, keys
from app.store.backups import check_copy, copy_database
from app.store.ledger_db import head_revision
from app.store.private import private_folder
from app.store.profile_lock import WriterLock
from app.store.profile_names import check_name
from app.store.profiles import (
    DATABASE_FILE,
    PROFILE_FILE,
    ProfileDirectory,
    ProfileInfo,
    parse_meta,
)

__all__ = ["KEPT_PREFIX", "SAFETY_FOLDER", "ProfileExists", "RestoreResult", "export_profile",
           "profile_in_backup", "restore_profile"]

log = logging.getLogger(__name__)


class ProfileExists(DomainError):
    """A profile of that name is here; restoring over it must be asked for."""


@dataclass(frozen=True)
class RestoreResult:
    info: ProfileInfo
    upgraded_from: str | None  # the backup's schema revision when it needed updating
    kept_copy: Path | None  # where the replaced profile was kept, whole


@dataclass(frozen=True)
class _Source:
    """A backup file, or a profile folder kept by an earlier restore."""

    path: Path
    meta: dict[str, Any]
    database_bytes: int

    @property
    def is_folder(self) -> bool:
        return self.path.is_dir()


def export_profile(profile: OpenProfile, out: Path) -> Path:
    """Write the open profile, with its wrapped keys, to one encrypted backup file."""
    out = Path(out)
    if out.suffix != backup_file.SUFFIX:
        out = out.with_name(out.name + backup_file.SUFFIX)
    if not out.parent.is_dir():
        raise DomainError(_("The folder {folder} does not exist. Check the USB stick is "
                            "plugged in, or choose another folder.").format(folder=out.parent))
    tmp_db = out.with_name(f".part-{uuid.uuid4().hex}.db")  # encrypted from its first page
    try:
        copy_database(profile.info.database, profile.data_key, tmp_db)
        meta = ProfileDirectory.read_meta(profile.info.folder)
        backup_file.pack(out, meta, tmp_db)
    finally:
        tmp_db.unlink(missing_ok=True)
    log.info("profile exported to a backup file")
    return out


def restore_profile(data_dir: Path, source: Path, passphrase: str,
                    as_name: str | None = None, replace: bool = False) -> RestoreResult:
    """Restore a backup file (or a kept profile folder) as a profile on this computer."""
    clean_stale(data_dir)
    found = _read_source(Path(source))
    name = _restored_name(as_name, found.meta)
    directory = ProfileDirectory(data_dir)
    existing = directory.find(name)
    if existing is not None and not replace:
        raise ProfileExists(_(
            "There is already a profile called “{name}” on this computer. To replace it, "
            "say so (on the command line add --replace); it is then kept whole, with its own "
            "passphrase and backups, so it can be brought back. Or restore under another "
            "name (--as NAME).").format(name=existing.display_name))
    data_key = _unwrap(found.meta, passphrase)
    private_folder(directory.root.parent)
    staging = private_folder(directory.root) / f".restoring-{uuid.uuid4().hex}"
    staging.mkdir(mode=0o700)
    try:
        upgraded_from = _prepare(staging, found, name, data_key)
        if existing is None:
            kept = None
            _place_new(directory, staging, name)
        else:
            kept = _replace(data_dir, existing, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    info = directory.find(name)
    assert info is not None
    log.info("profile restored from a backup")
    return RestoreResult(info, upgraded_from, kept)


def profile_in_backup(data_dir: Path, source: Path) -> tuple[str, str | None]:
    """(the name a backup restores as, the profile of that name already here if any)."""
    found = _read_source(Path(source))
    name = _restored_name(None, found.meta)
    existing = ProfileDirectory(data_dir).find(name)
    return name, existing.display_name if existing else None


def _read_source(source: Path) -> _Source:
    if source.name == PROFILE_FILE and source.parent.is_dir():
        source = source.parent  # the window's file dialog picks the kept folder's profile.json
    if not source.is_dir():
        contents = backup_file.read_contents(source)
        return _Source(source, contents.meta, contents.database_bytes)
    try:
        meta = parse_meta((source / PROFILE_FILE).read_bytes()[:backup_file.JSON_LIMIT + 1])
        size = (source / DATABASE_FILE).stat().st_size
    except (OSError, ValueError) as exc:
        raise backup_file.not_a_backup() from exc
    [keys.WrappedKey.from_json(k) for k in meta["keys"]]  # refuses keys not written by us
    return _Source(source, meta, size)


def _restored_name(as_name: str | None, meta: dict[str, Any]) -> str:
    try:
        return check_name(as_name if as_name is not None else str(meta["display_name"]), "name")
    except ValidationError as error:
        if as_name is not None:
            raise
        raise ValidationError("name", str(error) + " " + _(
            "Restore it under another name (--as NAME).")) from error


def _unwrap(meta: dict[str, Any], passphrase: str) -> bytes:
    for item in meta["keys"]:
        wrapped = keys.WrappedKey.from_json(item)
        if wrapped.purpose == "passphrase":
            try:
                return keys.unwrap(wrapped, passphrase)
            except keys.WrongSecret:
                continue
    raise WrongPassphrase(_("That is not the passphrase this backup was made with. "
                            "Use the passphrase the profile had when it was backed up."))


def _prepare(staging: Path, found: _Source, name: str, data_key: bytes) -> str | None:
    """Unpack into the work folder, check it, bring its schema up to date."""
    if found.is_folder:
        backup_file.check_room(staging, found.database_bytes)
        for file_name in (DATABASE_FILE, DATABASE_FILE + "-wal"):
            if (found.path / file_name).exists():
                shutil.copyfile(found.path / file_name, staging / file_name)
        db_path = staging / DATABASE_FILE
    else:
        db_path = backup_file.extract_database(found.path, staging, found.database_bytes)
    ProfileDirectory(staging.parent).write_meta(
        staging, name, bool(found.meta.get("is_demo")),
        [keys.WrappedKey.from_json(k) for k in found.meta["keys"]])
    if not check_copy(db_path, data_key):
        raise DomainError(_("This backup is damaged and cannot be restored. "
                            "Try an older backup."))
    engine = database.open_engine(db_path, data_key)
    try:
        revision = database.current_revision(engine)
        if revision is None:
            raise DomainError(_("This backup holds no records and cannot be restored. "
                                "Try an older backup."))
        upgraded_from = None
        if revision != head_revision():
            database.upgrade(engine)
            upgraded_from = revision
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return upgraded_from


def _place_new(directory: ProfileDirectory, staging: Path, name: str) -> None:
    folder = directory.new_folder(name)  # reserves a free name
    folder.rmdir()
    os.rename(staging, folder)


def _replace(data_dir: Path, existing: ProfileInfo, staging: Path) -> Path:
    """Move the current profile's whole folder aside, then swap the restored one in."""
    lock = WriterLock.acquire(existing.folder)
    if lock is None:
        raise ProfileInUse(_("That profile is open. Close it before restoring over it, "
                             "or restore under another name."))
    try:
        kept = kept_folder(data_dir, existing.slug, datetime.now(UTC))
        os.rename(existing.folder, kept)
        try:
            os.rename(staging, existing.folder)
        except BaseException:
            os.rename(kept, existing.folder)  # put it back: never no profile at all
            raise
    finally:
        lock.release()
    return kept
