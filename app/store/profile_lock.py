"""One writer per profile: an OS file lock on `writer.lock` in the profile's folder.

The operating system drops the lock when the holding process ends, even by a crash or SIGKILL,
so a stale lock from a dead process never blocks anyone. The file also records which computer
holds it: a folder synced between two computers shares the file but not the OS lock, so a
note written by another computer, and not yet cleared, counts as held until it is old.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

LOCK_FILE = "writer.lock"
OTHER_COMPUTER_STALE_AFTER = 12 * 3600  # a crashed laptop must not lock its profile for ever


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: float

    @property
    def is_this_computer(self) -> bool:
        return self.host == socket.gethostname()


def _try_os_lock(handle: IO[bytes]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)  # msvcrt locks bytes from the current position: always byte 0
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_holder(folder: Path) -> LockHolder | None:
    """Who the lock file names, if anyone (it is cleared on a clean close)."""
    try:
        data = json.loads((Path(folder) / LOCK_FILE).read_text(encoding="utf-8") or "null")
        if not data:
            return None
        return LockHolder(str(data["host"]), int(data["pid"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WriterLock:
    """Held while a profile is open for writing; `acquire` returns None when someone has it."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle

    @classmethod
    def acquire(cls, folder: Path, now: float | None = None) -> WriterLock | None:
        # Kept open for as long as it is held; owner-only, like every file beside it.
        fd = os.open(Path(folder) / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        handle = os.fdopen(fd, "a+b")
        if not _try_os_lock(handle):
            handle.close()
            return None
        if _held_by_other_computer(read_holder(folder), now or time.time()):
            _os_unlock(handle)
            handle.close()
            return None
        lock = cls(handle)
        lock._write_note()
        return lock

    def _write_note(self) -> None:
        assert self._handle is not None
        note = {"host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(json.dumps(note).encode("utf-8"))
        self._handle.flush()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()  # a clean close: nobody is writing any more
            handle.flush()
            _os_unlock(handle)
        finally:
            handle.close()


def _held_by_other_computer(holder: LockHolder | None, now: float) -> bool:
    if holder is None or holder.is_this_computer:
        return False  # on this computer the OS lock is the whole truth: its holder is gone
    return now - holder.since < OTHER_COMPUTER_STALE_AFTER
