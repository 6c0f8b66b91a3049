"""Long work runs off the window's thread: the window keeps working, Cancel stops it."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.services.jobs import Cancelled, JobControl
from ui.jobs import run_job


def test_the_result_comes_back_and_the_window_kept_working(qapp: QApplication,
                                                           qtbot: object) -> None:
    parent = QWidget()
    ticks: list[int] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    main = threading.get_ident()

    def work(control: JobControl) -> int:
        for n in range(10):
            control.step(n, 10, "working")
            time.sleep(0.03)
        return threading.get_ident()

    worker_thread = run_job(parent, "Working", work)
    timer.stop()
    assert worker_thread != main
    assert len(ticks) >= 5  # the event loop ran while the work went on


def test_an_error_is_raised_here(qapp: QApplication) -> None:
    def work(_control: JobControl) -> None:
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_job(None, "Working", work)


def test_cancel_stops_the_work(qapp: QApplication) -> None:
    parent = QWidget()
    parent.show()
    started = threading.Event()

    pressed: list[bool] = []

    def press_cancel() -> None:
        progress = parent.findChild(QProgressDialog)
        pressed.append(progress is not None and progress.isVisible())
        if progress is not None:
            progress.cancel()

    def work(control: JobControl) -> str:
        started.set()
        for n in range(200):
            control.step(n, 200, "slow")
            time.sleep(0.01)
        return "finished"

    QTimer.singleShot(700, press_cancel)
    with pytest.raises(Cancelled):
        run_job(parent, "Slow work", work)
    assert started.is_set() and pressed == [True]  # the dialog showed after half a second


def test_work_that_reports_rarely_still_shows_progress_after_half_a_second(
        qapp: QApplication) -> None:
    """Making the demo says one step, then works for seconds: the dialog must show anyway."""
    seen: list[bool] = []
    parent = QWidget()

    def look() -> None:
        seen.extend(d.isVisible() for d in parent.findChildren(QProgressDialog))

    QTimer.singleShot(900, look)

    def work(control: JobControl) -> None:
        control.step(0, 4, "Making the demo profile…")
        time.sleep(1.2)

    run_job(parent, "Making the demo", work)
    assert seen == [True]
    assert QApplication.overrideCursor() is None  # the busy pointer is gone again
