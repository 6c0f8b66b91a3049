"""One place that turns a failure into words for people, for the command line and the window.

Expected failures (a full disk, a read-only folder, a damaged file, a rule broken) get a
message that says what happened and what to do. Anything else is unexpected: the log gets
its type and the lines of code it passed through (never its text, which may hold a name or
an amount), and the person gets a short apology with the log's place. Never a traceback.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import sys
import traceback
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import ParseError, _

log = logging.getLogger("careledger")


def _database_errors() -> tuple[type[BaseException], ...]:
    """The drivers' error types; a driver never imported cannot have raised one (so this
    module, which every start imports, does not load SQLCipher or SQLAlchemy)."""
    sqlcipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) + ((sqlcipher.Error,) if sqlcipher is not None else ())


def _wrapped_driver_error(error: BaseException) -> BaseException | None:
    """The driver's error inside SQLAlchemy's wrapper, if this is one."""
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(error, sqlalchemy_exc.DBAPIError):
        orig: BaseException | None = error.orig
        return orig
    return None


def explain(error: BaseException) -> str | None:
    """Plain words for an expected failure; None when it was not expected."""
    if isinstance(error, DomainError | ParseError):
        return str(error)
    wrapped = _wrapped_driver_error(error)
    if wrapped is not None:
        return explain(wrapped)
    if isinstance(error, _database_errors()):
        return _database(str(error).lower())
    if isinstance(error, OSError):
        return _os(error)
    if isinstance(error, MemoryError):
        return _("There was not enough memory to finish. Close other programs and try "
                 "again; if a file was being read, check it is the right file.")
    return None


def _database(text: str) -> str | None:
    if "full" in text:
        return disk_full()
    if "readonly" in text or "read-only" in text:
        return read_only()
    if "unable to open" in text:
        return _("A CareLedger file could not be opened. Check the data folder is there "
                 "and that you may write to it.")
    if "i/o error" in text:
        return disk_error()
    if "locked" in text or "busy" in text:
        return _("The file is being used by another CareLedger window. Close it and try "
                 "again.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _("A CareLedger file is damaged. Nothing more was changed. Restore the "
                 "profile from a backup: careledger backup list NAME shows them.")
    return None


def _os(error: OSError) -> str | None:
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full()
    if code == errno.EROFS:
        return read_only_at(error.filename) if error.filename else read_only()
    if code in (errno.EACCES, errno.EPERM):
        return _("CareLedger is not allowed to use {file}. Check the folder's permissions, "
                 "or choose another folder.").format(file=_name(error))
    if code == errno.ENAMETOOLONG:
        return _("A file name is too long for this disk. Choose a shorter name or folder.")
    if code == errno.EIO:
        return disk_error()
    if code == errno.ENOENT:
        return _("{file} is not there any more. Check the disk or USB stick is still "
                 "plugged in.").format(file=_name(error))
    if code in (errno.ENOTDIR, errno.EISDIR):
        return _("{file} is not the kind of file CareLedger expected.").format(
            file=_name(error))
    return None


def _name(error: OSError) -> str:
    return Path(str(error.filename)).name if error.filename else _("a file")


def disk_full() -> str:
    return _("The disk is full, so CareLedger could not finish. Everything saved before "
             "this is safe. Free some space (empty the wastebasket, remove old downloads), "
             "then try again.")


def read_only() -> str:
    return _("The folder CareLedger keeps its files in cannot be written to (it is read-only). "
             "Nothing was changed. Check the disk is not write-protected, or start CareLedger "
             "with another folder.")


def read_only_at(filename: object) -> str:
    """A read-only folder that was named: it may be where a return or export was to go,
    not CareLedger's own folder."""
    path = Path(str(filename))
    folder = path if path.is_dir() else path.parent
    return _("The folder {folder} cannot be written to (it is read-only). Nothing was "
             "changed. Check the disk is not write-protected, or choose another folder."
             ).format(folder=folder)


def disk_error() -> str:
    return _("The disk could not be read or written. It may be full (free some space and try "
             "again) or failing (make a backup to another disk as soon as you can). Everything "
             "saved before this is safe.")


def apology(log_path: Path | None) -> str:
    if log_path is None:
        return _("Something went wrong and CareLedger stopped what it was doing. Nothing you "
                 "saved before has been lost. If it happens again, tell your support worker.")
    return _("Something went wrong and CareLedger stopped what it was doing. Nothing you saved "
             "before has been lost. If it happens again, send the log file to your support "
             "worker: {path}").format(path=log_path)


def log_unexpected(error: BaseException) -> None:
    """The kind of error and where in the code: no message, no values (they may be personal)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = "".join(f"  {Path(f.filename).name}:{f.lineno} in {f.name}\n" for f in frames)
    kind = type(error)
    log.error("unexpected %s.%s\n%s", kind.__module__, kind.__qualname__, where)


def message_for(error: BaseException, log_path: Path | None) -> tuple[str, bool]:
    """(what to show, whether it was expected); unexpected ones are logged here."""
    explained = explain(error)
    if explained is not None:
        return explained, True
    log_unexpected(error)
    return apology(log_path), False
