"""Run long work off the window's thread, with a progress bar and Cancel.

The window stays responsive (it repaints, the screen reader keeps reading) while a demo is
made, a bank file is read and imported, or a return is written. The progress dialog appears
only when the work takes more than half a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.i18n import _
from app.services.jobs import JobControl

T = TypeVar("T")
SHOW_AFTER_MS = 500


class _Progress(QObject):
    """Carries progress from the worker to the window's thread (a queued signal)."""

    moved = Signal(int, int, str)

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self._dialog = dialog
        self.moved.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, str)
    def _show(self, done: int, total: int, text: str) -> None:
        if text:
            self._dialog.setLabelText(text)
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)


class _Worker(QThread):
    def __init__(self, work: Callable[[JobControl], Any], progress: _Progress) -> None:
        super().__init__()
        self.stop = threading.Event()
        self._work = work
        self._progress = progress
        self.outcome: list[Any] = []  # [result] or [None, error]

    def run(self) -> None:
        control = JobControl(self._report, self.stop.is_set)
        try:
            self.outcome = [self._work(control)]
        except BaseException as error:  # handed to the window's thread, raised there
            self.outcome = [None, error]

    def _report(self, done: int, total: int, text: str) -> None:
        self._progress.moved.emit(done, total, text)


def _stop_if_cancelled(dialog: QProgressDialog, stop: threading.Event) -> None:
    if dialog.wasCanceled():
        stop.set()


def run_job(parent: QWidget | None, title: str, work: Callable[[JobControl], T],
            cancellable: bool = True) -> T:
    """Do `work` on a worker thread and return its result here; raises what it raised
    (Cancelled when the work stopped because the person pressed Cancel)."""
    dialog = QProgressDialog(title, _("Cancel") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    progress = _Progress(dialog)
    worker = _Worker(work, progress)
    # Cancel (the button, Escape or closing the dialog) is seen here, on the window's thread.
    watch = QTimer(interval=50)
    watch.timeout.connect(lambda: _stop_if_cancelled(dialog, worker.stop))
    watch.start()
    loop = QEventLoop()
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    # QProgressDialog shows itself only from setValue(): work that reports rarely (making the
    # demo) would leave nothing on screen for seconds, so it is shown after half a second.
    show = QTimer(singleShot=True, interval=SHOW_AFTER_MS)
    show.timeout.connect(dialog.show)
    show.start()
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    worker.start()
    try:
        loop.exec()
        worker.wait()
    finally:
        QApplication.restoreOverrideCursor()
        show.stop()
    watch.stop()
    dialog.close()
    dialog.deleteLater()
    if len(worker.outcome) == 2:
        raise worker.outcome[1]  # Cancelled too, when the work stopped at the person's word
    result: T = worker.outcome[0]  # finished: a Cancel pressed too late changes nothing
    return result
