"""Drive a modal dialog from a test without ever leaving it open (a stuck exec() hangs CI)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

D = TypeVar("D", bound=QDialog)


class DialogDriver:
    """`driver.expect(EntryDialog, fill)` before the click that opens it; `driver.check()` after."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.ran = 0
        self.waits = 0

    def expect(self, kind: type[D], action: Callable[[D], None]) -> None:
        def run() -> None:
            dialog = QApplication.activeModalWidget()
            waiting = not isinstance(dialog, kind) or not dialog.isActiveWindow()
            if waiting and self.waits < 200:
                self.waits += 1
                QTimer.singleShot(10, run)  # not shown, or not given the keyboard, yet
                return
            assert isinstance(dialog, kind)
            self.ran += 1
            try:
                action(dialog)
            except BaseException as error:  # re-raised by check() on the test's own stack
                self.errors.append(error)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, run)

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]
        assert self.ran, "the dialog never opened"
