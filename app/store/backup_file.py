"""A profile in one file, to carry on a USB stick between the drop-in laptop and home.

A zip (stored, not compressed: encrypted pages do not compress) holding
    careledger-backup.json   format number and when it was made
    profile.json             display name and the wrapped keys (never the key itself)
    ledger.db                the SQLCipher database, encrypted with the profile's data key
Nothing in it is readable without the passphrase or the recovery code, except the name.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.i18n import _

FORMAT = 1
MANIFEST = "careledger-backup.json"
PROFILE = "profile.json"
DATABASE = "ledger.db"
WAL = "ledger.db-wal"  # present only in a copy taken of a profile that was not closed cleanly
SUFFIX = ".careledger"


class NotABackup(DomainError):
    pass


@dataclass(frozen=True)
class BackupContents:
    meta: dict[str, Any]  # the profile.json inside
    made_at: str


def pack(dest: Path, profile_meta: dict[str, Any], database: Path,
         wal: Path | None = None) -> None:
    """Write the backup file atomically: a crash leaves no half file under `dest`'s name."""
    tmp = dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
    manifest = {"format": FORMAT, "made_at": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest))
            archive.writestr(PROFILE, json.dumps(profile_meta, indent=2))
            archive.write(database, DATABASE)
            if wal is not None and wal.exists() and wal.stat().st_size:
                archive.write(wal, WAL)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_contents(source: Path) -> BackupContents:
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            meta = json.loads(archive.read(PROFILE))
            if int(manifest["format"]) > FORMAT:
                raise NotABackup(_("This backup was made by a newer CareLedger. "
                                   "Update CareLedger, then restore it."))
            if DATABASE not in archive.namelist() or "keys" not in meta:
                raise KeyError(DATABASE)
            return BackupContents(meta, str(manifest.get("made_at", "")))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise NotABackup(_("This file is not a CareLedger backup, or it is damaged.")) from exc


def extract_database(source: Path, folder: Path) -> Path:
    """Copy the encrypted database out of the backup into `folder` (still encrypted)."""
    with zipfile.ZipFile(source) as archive:
        for name in (DATABASE, WAL):
            if name in archive.namelist():
                _copy_member(archive, name, folder / name)
    return folder / DATABASE


def _copy_member(archive: zipfile.ZipFile, name: str, target: Path) -> None:
    with archive.open(name) as src, open(target, "wb") as out:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
