"""The log file: owner-only, no names or amounts in it (see app/failures.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.store.private import FILE_MODE, private_folder, secure_data_dir

LOG_FOLDER = "logs"
LOG_FILE = "careledger.log"

log = logging.getLogger("careledger")
# Libraries that warn about the files people give us ("EOF marker not found" in a damaged
# PDF): their words go to the log, never onto the person's screen; CareLedger says it itself.
LIBRARY_LOGGERS = ("pypdf", "PIL")


def setup_logging(data_dir: Path) -> Path | None:
    """Log to <data dir>/logs/careledger.log; None (and no file) when the folder cannot be
    written, e.g. a read-only disk: the program must still start and say what is wrong."""
    path = Path(data_dir) / LOG_FOLDER / LOG_FILE
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in log.handlers):
        return path
    _stop_logging()  # one data folder, one log: never one file per folder seen (tests)
    try:
        secure_data_dir(Path(data_dir))
        private_folder(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE))
        os.chmod(path, FILE_MODE)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        quiet = logging.NullHandler()
        quiet.careledger = True  # type: ignore[attr-defined]
        _quiet_libraries(quiet)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.careledger = True  # type: ignore[attr-defined]
    for logger in (log, logging.getLogger("app")):  # the app's modules log under app.*
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    _quiet_libraries(handler)
    return path


def _quiet_libraries(handler: logging.Handler) -> None:
    for name in LIBRARY_LOGGERS:
        library = logging.getLogger(name)
        library.addHandler(handler)
        library.propagate = False


def _stop_logging() -> None:
    for logger in (log, logging.getLogger("app"),
                   *(logging.getLogger(name) for name in LIBRARY_LOGGERS)):
        for handler in [h for h in logger.handlers if getattr(h, "careledger", False)]:
            logger.removeHandler(handler)
            handler.close()
