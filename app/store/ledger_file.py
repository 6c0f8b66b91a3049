"""A profile's ledger.db that is missing, empty, cut short or damaged is never a new profile.

SQLite treats an empty file as a new, empty database: a sync tool or a failing disk that
leaves ledger.db at 0 bytes would otherwise open as a fresh profile with no records, whose
backups would then replace every good one. Here such a file is refused in plain words, with
the newest backup that opens and is whole offered instead.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from app.domain.errors import DomainError
from app.i18n import _, format_when
from app.store.backups import BackupCopy, newest_good
from app.store.ledger_db import NOT_DAMAGE, DamagedProfile, LedgerDatabase

PAGE = 512  # the smallest SQLite page: every whole database file is a multiple of it
SMALLEST = 4096  # one SQLCipher page; a profile with its tables is many pages


class LedgerDamaged(DamagedProfile):
    """The records cannot be read; `backup` is the newest good one, if there is one."""

    def __init__(self, message: str, backup: BackupCopy | None) -> None:
        super().__init__(message)
        self.backup = backup


def check_file(path: Path) -> None:
    """Refuse a ledger file that is missing or too short to be a database with records."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DamagedProfile(_("The records file of this profile is missing.")) from exc
    if size < SMALLEST or size % PAGE:
        raise DamagedProfile(_("The records file of this profile is empty or cut short."))


def read_revision(db: LedgerDatabase) -> str | None:
    """The schema revision; DamagedProfile when the pages holding it cannot be read."""
    try:
        return db.revision()
    except sqlcipher.Error as error:
        if any(word in str(error).lower() for word in NOT_DAMAGE):
            raise
        raise DamagedProfile(_("The records file of this profile is damaged.")) from error


def damaged(folder: Path, key: bytes, cause: DomainError) -> LedgerDamaged:
    """The error to show, with the newest good backup offered."""
    backup = newest_good(folder, key)
    if backup is None:
        return LedgerDamaged(str(cause) + " " + _(
            "Nothing was changed, and there is no automatic backup to go back to. Restore it "
            "from a backup file if you have one (careledger restore FILE)."), None)
    return LedgerDamaged(str(cause) + " " + _(
        "Nothing was changed. The newest good backup is from {when}: restore it with "
        "“Restore an automatic backup” (careledger backup restore NAME).").format(
            when=format_when(backup.made_at)), backup)
