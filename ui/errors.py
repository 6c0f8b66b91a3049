"""One place for the unexpected: log it (no names or amounts) and tell the person what to do."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.errors import DomainError
from app.i18n import _

log = logging.getLogger("careledger")


def setup_logging(data_dir: Path) -> Path:
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "careledger.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_exception_hook(log_path: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if isinstance(error, DomainError):
            message = str(error)  # already plain and meant for people
        else:
            # Only the code path goes to the log: exception text may hold names or amounts.
            frames = "".join(traceback.format_tb(tb))
            log.error("unexpected %s\n%s", kind.__name__, frames)
            message = _("Something went wrong and CareLedger stopped what it was doing. "
                        "Nothing you saved before has been lost. If it happens again, "
                        "send the log file to your support worker: {path}").format(path=log_path)
        if QApplication.instance() is not None:
            QMessageBox.warning(None, _("CareLedger"), message)
        else:
            print(message, file=sys.stderr)

    sys.excepthook = hook
