"""A profile in one file, to carry on a USB stick between the drop-in laptop and home.

A zip (stored, not compressed: encrypted pages do not compress) holding
    careledger-backup.json   format number and when it was made
    profile.json             display name and the wrapped keys (never the key itself)
    ledger.db                the SQLCipher database, encrypted with the profile's data key
Nothing in it is readable without the passphrase or the recovery code, except the name.

Reading one trusts nothing in it: only those members, stored (so a member can never unpack
to more than the file's own size: no zip bomb), small JSON, keys within CareLedger's bounds.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.files import check_ordinary
from app.i18n import _
from app.store.keys import WrappedKey
from app.store.private import create_private, sync_folder
from app.store.profiles import PROFILE_FILE, parse_meta

FORMAT = 1
MANIFEST = "careledger-backup.json"
PROFILE = PROFILE_FILE
DATABASE = "ledger.db"
WAL = "ledger.db-wal"  # present only in a copy taken of a profile that was not closed cleanly
SUFFIX = ".careledger"
MEMBERS = {MANIFEST, PROFILE, DATABASE, WAL}
JSON_LIMIT = 64 * 1024


class NotABackup(DomainError):
    pass


def not_a_backup() -> NotABackup:
    return NotABackup(_("This file is not a CareLedger backup, or it is damaged."))


@dataclass(frozen=True)
class BackupContents:
    meta: dict[str, Any]  # the profile.json inside
    made_at: str
    database_bytes: int  # the size the database will take once restored

    @property
    def wrapped_keys(self) -> list[WrappedKey]:
        return [WrappedKey.from_json(k) for k in self.meta["keys"]]


def pack(dest: Path, profile_meta: dict[str, Any], database: Path,
         wal: Path | None = None) -> None:
    """Write the backup file atomically: a crash leaves no half file under `dest`'s name."""
    tmp = dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
    tmp.unlink(missing_ok=True)
    manifest = {"format": FORMAT, "made_at": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        with os.fdopen(create_private(tmp), "wb") as raw, \
                zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest))
            archive.writestr(PROFILE, json.dumps(profile_meta, indent=2))
            archive.write(database, DATABASE)
            if wal is not None and wal.exists() and wal.stat().st_size:
                archive.write(wal, WAL)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
        sync_folder(dest.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_contents(source: Path) -> BackupContents:
    """What the backup says of itself; NotABackup (or DamagedKeys) when it cannot be trusted."""
    status = check_ordinary(source)
    try:
        with zipfile.ZipFile(source) as archive:
            members = _members(archive, status.st_size)
            manifest = _small_json(archive, MANIFEST)
            meta = parse_meta(archive.read(PROFILE)[:JSON_LIMIT + 1])
            if not isinstance(manifest, dict):
                raise ValueError(MANIFEST)
            if int(manifest["format"]) > FORMAT:
                raise NotABackup(_("This backup was made by a newer CareLedger. "
                                   "Update CareLedger, then restore it."))
            size = sum(members[n].file_size for n in (DATABASE, WAL) if n in members)
            contents = BackupContents(meta, str(manifest.get("made_at", ""))[:40], size)
    except NotABackup:
        raise
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError,
            TypeError, OverflowError, RecursionError, NotImplementedError, EOFError) as exc:
        raise not_a_backup() from exc
    contents.wrapped_keys  # noqa: B018 - refuses keys CareLedger did not write (DamagedKeys)
    return contents


def _members(archive: zipfile.ZipFile, file_size: int) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    members = {i.filename: i for i in infos}
    if len(infos) != len(members) or not set(members) <= MEMBERS or DATABASE not in members \
            or PROFILE not in members or MANIFEST not in members:
        raise ValueError("unexpected members")
    for info in infos:
        # CareLedger stores: a compressed member could unpack to far more than the file.
        if info.compress_type != zipfile.ZIP_STORED or info.file_size > file_size \
                or info.flag_bits & 0x1:
            raise ValueError("member not stored")
    if members[PROFILE].file_size > JSON_LIMIT or members[MANIFEST].file_size > JSON_LIMIT:
        raise ValueError("JSON member too big")
    return members


def _small_json(archive: zipfile.ZipFile, name: str) -> Any:
    return json.loads(archive.read(name)[:JSON_LIMIT + 1].decode("utf-8"))


def extract_database(source: Path, folder: Path, expected_bytes: int) -> Path:
    """Copy the encrypted database out of the backup into `folder` (still encrypted); never
    more than the backup said, and only when the disk has room for it."""
    check_room(folder, expected_bytes)
    try:
        with zipfile.ZipFile(source) as archive:
            for name in (DATABASE, WAL):
                if name in archive.namelist():
                    info = archive.getinfo(name)
                    _copy_member(archive, info, folder / name)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise not_a_backup() from exc
    return folder / DATABASE


def check_room(folder: Path, needed: int) -> None:
    """Refuse before starting when the disk cannot hold `needed` bytes and a margin."""
    free = shutil.disk_usage(folder).free
    if needed + 1024 * 1024 > free:
        raise DomainError(_("There is not enough free space on this disk to restore the "
                            "backup: it needs {needed} MB and {free} MB are free. Free some "
                            "space, then try again.").format(
                                needed=needed // (1024 * 1024) + 1, free=free // (1024 * 1024)))


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    written = 0
    with archive.open(info) as src, os.fdopen(create_private(target), "wb") as out:
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > info.file_size:  # zip headers that lie about the size
                raise ValueError("member longer than stated")
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
