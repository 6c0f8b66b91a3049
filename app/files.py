"""Reading files people choose, with a limit: never a hang, never memory filled.

`/dev/zero` reports a size of 0 and never ends; a FIFO blocks the reader for ever; a zip can
unpack to a thousand times its size. Every input CareLedger reads goes through here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _, format_number

MB = 1024 * 1024


class InputRefused(DomainError):
    """A file that is not an ordinary file, cannot be read, or is too big."""


def size_text(limit: int) -> str:
    return _("{n} MB").format(n=format_number(limit // MB, places=0))


def too_big(name: str, limit: int) -> InputRefused:
    return InputRefused(_("{file} is too big: CareLedger reads files of up to {size}. "
                          "Check it is the right file.").format(file=name, size=size_text(limit)))


def check_ordinary(path: Path) -> os.stat_result:
    """The file's status; refused when it is missing, a folder, a device or a pipe."""
    try:
        status = os.stat(path)
    except FileNotFoundError as exc:
        raise InputRefused(_("There is no file at {path}.").format(path=path)) from exc
    except OSError as exc:
        raise InputRefused(_("{file} cannot be opened: {reason}").format(
            file=Path(path).name, reason=exc.strerror or type(exc).__name__)) from exc
    if stat.S_ISDIR(status.st_mode):
        raise InputRefused(_("{path} is a folder, not a file.").format(path=path))
    if not stat.S_ISREG(status.st_mode):
        raise InputRefused(_("{file} is not an ordinary file (it may be a device or a pipe), "
                             "so CareLedger does not read it.").format(file=Path(path).name))
    return status


def read_limited(path: Path, limit: int) -> bytes:
    """The whole file, refused before reading when it is bigger than `limit` bytes (and
    checked again while reading: a file can grow after its size was looked at)."""
    path = Path(path)
    status = check_ordinary(path)
    if status.st_size > limit:
        raise too_big(path.name, limit)
    try:
        # O_NONBLOCK: should the file have been swapped for a pipe meanwhile, never wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputRefused(_("{file} is not an ordinary file, so CareLedger does not "
                                     "read it.").format(file=path.name))
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputRefused(_("{file} cannot be opened: {reason}").format(
            file=path.name, reason=exc.strerror or type(exc).__name__)) from exc
    if len(data) > limit:
        raise too_big(path.name, limit)
    return data
