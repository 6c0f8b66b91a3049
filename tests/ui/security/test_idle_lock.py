"""Figures are hidden again after some minutes without input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.security.idle_lock import IdleLock
from ui.security.recovery_dialog import RecoveryCodeDialog

CODE = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"


def test_idle_lock_times_out_without_input(qtbot: QtBot) -> None:
    lock = IdleLock(5)
    assert lock.interval_ms() == 5 * 60_000
    lock.set_interval_ms(100)
    lock.start()
    with qtbot.waitSignal(lock.idle_timed_out, timeout=2000):
        pass
    assert not lock.is_running()


def test_input_restarts_the_idle_countdown(qtbot: QtBot) -> None:
    lock = IdleLock(5)
    lock.set_interval_ms(300)
    field = RecoveryCodeDialog("Dee", CODE)  # any window taking keys will do
    qtbot.addWidget(field)
    field.show()
    fired: list[bool] = []
    lock.idle_timed_out.connect(lambda: fired.append(True))
    lock.start()
    for _ in range(4):  # input every 150 ms for 600 ms: never idle for 300 ms
        qtbot.wait(150)
        qtbot.keyClick(field.text, Qt.Key.Key_Down)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)


def test_a_countdown_comes_first_and_input_cancels_it(qtbot: QtBot) -> None:
    lock = IdleLock(5)
    lock.set_interval_ms(1600, warning_ms=800)
    field = RecoveryCodeDialog("Dee", CODE)
    qtbot.addWidget(field)
    field.show()
    counted: list[int] = []
    ended: list[bool] = []
    fired: list[bool] = []
    lock.warning.connect(counted.append)
    lock.warning_ended.connect(lambda: ended.append(True))
    lock.idle_timed_out.connect(lambda: fired.append(True))
    lock.start()
    qtbot.waitUntil(lambda: bool(counted), timeout=3000)
    assert counted[0] == 1 and lock.is_warning()  # 800 ms: "1 second"
    qtbot.keyClick(field.text, Qt.Key.Key_Shift)  # any key: stay
    assert ended and not lock.is_warning() and lock.is_running() and not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=4000)
    assert len(ended) == 2 and not lock.is_running()
