"""What happens when a profile opened for writing is closed: fold the WAL back, and take a
checked backup, but only when the session wrote something (reading never rotates backups).

`PRAGMA data_version` on a connection of our own changes exactly when another connection
committed a change to the file, so a session that only read leaves it as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.failures import disk_full, explain
from app.i18n import _
from app.store.backups import Generations, automatic_backup, keyed
from app.store.ledger_db import LedgerDatabase
from app.store.profiles import keep_meta_copy

log = logging.getLogger(__name__)


class BackupFailed(DomainError):
    """The session's changes are saved; only the automatic backup after it failed."""


class WriteWatch:
    """Tells whether anyone committed a change to the database since it was made."""

    def __init__(self, path: Path, key: bytes) -> None:
        self._conn: Any = keyed(path, key)
        self._start = self._version()

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wrote(self) -> bool:
        return self._version() != self._start

    def close(self) -> None:
        self._conn.close()


def finish_writing(db: LedgerDatabase, folder: Path, recent: int,
                   watch: WriteWatch | None, wrote: bool = False,
                   first: Callable[[], None] | None = None) -> None:
    """Checkpoint, then back up when something was written: `wrote` (the profile's store
    says so), or the watch saw a commit (always when nobody watched). `first` runs before,
    when something was written (e.g. noting the history's head beside the profile).

    Raises BackupFailed, in plain words, when the changes are safe but no backup was made.
    When nothing was written there is nothing to report: a checkpoint that fails then (a
    read-only file, a full disk) leaves the file as it was, and the failure that stopped the
    session (if any) is the one to tell.
    """
    try:
        # Asked before the checkpoint, which changes the file too.
        wrote = wrote or watch is None or watch.wrote()
        if wrote and first is not None:
            first()
        db.checkpoint()  # a copied folder is then complete
        if db.key and wrote:
            automatic_backup(db.path, db.key, folder, Generations(recent=recent))
            keep_meta_copy(folder)  # the wrapped keys, for when profile.json is damaged
    except BackupFailed:
        raise
    except Exception as error:
        reason = explain(error)
        if reason is None:
            raise
        if not wrote:
            log.warning("checkpoint at the end of a session not made: %s", type(error).__name__)
            return
        log.warning("automatic backup not made: %s", type(error).__name__)
        if reason == disk_full():
            reason = _("The disk is full. Free some space: a backup is made the next time the "
                       "profile is closed after a change.")
        raise BackupFailed(_("Your changes are saved. The automatic backup after them could "
                             "not be made, so the older backups are kept as they were. "
                             "{reason}").format(reason=reason)) from error
    finally:
        if watch is not None:
            watch.close()
