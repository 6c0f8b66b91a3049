"""One place for the unexpected: log it (no names or amounts) and tell the person what to do.

The words come from app/failures.py, which the command line uses too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.failures import message_for
from app.i18n import _
from app.logs import setup_logging

__all__ = ["install_exception_hook", "setup_logging", "show_failure"]


def show_failure(error: BaseException, log_path: Path | None) -> None:
    message, _expected = message_for(error, log_path)
    if QApplication.instance() is not None:
        QMessageBox.warning(None, _("CareLedger"), message)
    else:
        print(message, file=sys.stderr)


def install_exception_hook(log_path: Path | None) -> None:
    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            QApplication.quit()
            return
        show_failure(error, log_path)

    sys.excepthook = hook
