"""Back up a profile to one encrypted file, and restore one, never losing what is there now.

Restoring checks the backup opens and is whole, and brings an older schema up to date, in a
hidden work folder first; only then does it take the profile's place. A profile of the same
name is first saved as a backup file of its own, so a restore can always be undone.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _
from app.services.profiles import OpenProfile, ProfileInUse, WrongPassphrase
from app.store import backup_file, database, keys
from app.store.backups import check_copy, copy_database
from app.store.profile_lock import WriterLock
from app.store.profiles import DATABASE_FILE, ProfileDirectory, ProfileInfo

SAFETY_FOLDER = "backups"  # in the data folder: copies kept before a restore replaced them

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    info: ProfileInfo
    upgraded_from: str | None  # the backup's schema revision when it needed updating
    kept_copy: Path | None  # where the replaced profile was saved first


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
        copy_database(profile.engine, profile.data_key, tmp_db)
        meta = ProfileDirectory.read_meta(profile.info.folder)
        backup_file.pack(out, meta, tmp_db)
    finally:
        tmp_db.unlink(missing_ok=True)
    log.info("profile exported to a backup file")
    return out


def restore_profile(data_dir: Path, source: Path, passphrase: str,
                    as_name: str | None = None) -> RestoreResult:
    contents = backup_file.read_contents(Path(source))
    name = (as_name or str(contents.meta["display_name"])).strip()
    data_key = _unwrap(contents.meta, passphrase)
    directory = ProfileDirectory(data_dir)
    directory.root.mkdir(parents=True, exist_ok=True)
    staging = directory.root / f".restoring-{uuid.uuid4().hex}"
    staging.mkdir(mode=0o700)
    try:
        upgraded_from = _prepare(staging, Path(source), contents.meta, name, data_key)
        existing = directory.find(name)
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
    log.info("profile restored from a backup file")
    return RestoreResult(info, upgraded_from, kept)


def _unwrap(meta: dict[str, object], passphrase: str) -> bytes:
    for item in meta["keys"]:  # type: ignore[attr-defined]
        wrapped = keys.WrappedKey.from_json(item)
        if wrapped.purpose == "passphrase":
            try:
                return keys.unwrap(wrapped, passphrase)
            except keys.WrongSecret:
                continue
    raise WrongPassphrase(_("That is not the passphrase this backup was made with. "
                            "Use the passphrase the profile had when it was backed up."))


def _prepare(staging: Path, source: Path, meta: dict[str, object], name: str,
             data_key: bytes) -> str | None:
    """Unpack into the work folder, check it, bring its schema up to date."""
    db_path = backup_file.extract_database(source, staging)
    ProfileDirectory(staging.parent).write_meta(
        staging, name, bool(meta.get("is_demo")),
        [keys.WrappedKey.from_json(k) for k in meta["keys"]],  # type: ignore[attr-defined]
    )
    if not check_copy(db_path, data_key):
        raise DomainError(_("This backup is damaged and cannot be restored. "
                            "Try an older backup."))
    engine = database.open_engine(db_path, data_key)
    try:
        revision = database.current_revision(engine)
        upgraded_from = None
        if revision != database.head_revision():
            database.upgrade(engine)
            upgraded_from = revision or "empty"
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
    """Save the current profile as a backup file, then swap the restored one in."""
    lock = WriterLock.acquire(existing.folder)
    if lock is None:
        raise ProfileInUse(_("That profile is open. Close it before restoring over it, "
                             "or restore under another name."))
    try:
        kept = keep_copy(data_dir, existing)
        retired = existing.folder.with_name(f".replaced-{uuid.uuid4().hex}")
        os.rename(existing.folder, retired)
        os.rename(staging, existing.folder)
    finally:
        lock.release()
    shutil.rmtree(retired, ignore_errors=True)
    return kept


def keep_copy(data_dir: Path, info: ProfileInfo) -> Path:
    """The whole current profile, still encrypted, as a file `careledger restore` takes."""
    folder = Path(data_dir) / SAFETY_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = folder / f"before-restore-{info.slug}-{stamp}{backup_file.SUFFIX}"
    meta = ProfileDirectory.read_meta(info.folder)
    database_path = info.folder / DATABASE_FILE
    backup_file.pack(dest, meta, database_path, database_path.with_name(DATABASE_FILE + "-wal"))
    return dest
