"""Lock after N minutes without keyboard, mouse or touch input anywhere in the application.

The last stretch (30 seconds, or half the time when that is shorter) is a warning: the window
shows a countdown each second, and any input then cancels it and starts again."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})
WARNING_MS = 30_000


class IdleLock(QObject):
    """Emits `warning(seconds left)` in the last stretch, `warning_ended` when input came in
    time, and `idle_timed_out` once when the time ran out; any input restarts the count."""

    idle_timed_out = Signal()
    warning = Signal(int)
    warning_ended = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None,
                 warning_ms: int = WARNING_MS) -> None:
        super().__init__(parent)
        self._warning_ms = warning_ms
        self._quiet = QTimer(self)  # idle, before the warning
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._start_warning)
        self._tick = QTimer(self)  # the countdown, each second
        self._tick.timeout.connect(self._count_down)
        self._warned = QElapsedTimer()
        self._total_ms = 0
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int, warning_ms: int | None = None) -> None:
        """The whole idle time, warning included."""
        if warning_ms is not None:
            self._warning_ms = warning_ms
        self._total_ms = ms
        self._quiet.setInterval(ms - self.warning_ms())
        self._tick.setInterval(max(1, min(1000, self.warning_ms())))
        if self.is_running():
            self.start()

    def interval_ms(self) -> int:
        return self._total_ms

    def warning_ms(self) -> int:
        return min(self._warning_ms, self._total_ms // 2)

    def start(self) -> None:
        """Start watching (when a profile is unlocked)."""
        self._end_warning()
        self._quiet.start()

    def stop(self) -> None:
        """Stop watching (when locked: nothing left to hide)."""
        self._quiet.stop()
        self._end_warning()

    def is_running(self) -> bool:
        return self._quiet.isActive() or self.is_warning()

    def is_warning(self) -> bool:
        return self._tick.isActive()

    def _start_warning(self) -> None:
        self._warned.start()
        self._tick.start()
        self.warning.emit(self.seconds_left())

    def seconds_left(self) -> int:
        return max(0, ceil((self.warning_ms() - self._warned.elapsed()) / 1000))

    def _count_down(self) -> None:
        if self._warned.elapsed() >= self.warning_ms():
            self._tick.stop()
            self.warning_ended.emit()
            self.idle_timed_out.emit()
            return
        self.warning.emit(self.seconds_left())

    def _end_warning(self) -> None:
        if self._tick.isActive():
            self._tick.stop()
            self.warning_ended.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _INPUT_EVENTS and self.is_running():
            self.start()  # restart the count (and end a warning: the person is here)
        return False  # never swallow the event
