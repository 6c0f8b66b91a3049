"""The warning before an idle lock: a banner over the top of whichever window is in front
(a form may be open), counting down the seconds, and said by screen readers."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from app.i18n import ngettext

BANNER_STYLE = ("QFrame#lockCountdown { background: #fff4ce; border: 3px solid #a40000; }"
                " QLabel { color: #000; font-weight: bold; }")


class LockCountdown(QFrame):
    """A window of its own (so it shows over a form), never taking the keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("lockCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.label)

    def show_seconds(self, seconds: int) -> None:
        text = ngettext(
            "Locking in {n} second — press any key or move the mouse to stay. "
            "What you were typing comes back after you unlock.",
            "Locking in {n} seconds — press any key or move the mouse to stay. "
            "What you were typing comes back after you unlock.", seconds).format(n=seconds)
        first = not self.isVisible()
        self.label.setText(text)
        self.setAccessibleName(text)
        self.label.setAccessibleName(text)
        if first:
            self._place()
            self.show()
        if first or seconds % 10 == 0 or seconds <= 5:  # not every second: too much to hear
            QAccessible.updateAccessibility(QAccessibleEvent(self.label, QAccessible.Event.Alert))

    def _place(self) -> None:
        """Across the top of the window in front, as wide as it (within its screen)."""
        front = QApplication.activeModalWidget() or QApplication.activeWindow() or \
            self.parentWidget()
        if front is None:
            return
        frame = front.frameGeometry()
        width = max(320, min(frame.width(), 900))
        self.setFixedWidth(width)
        self.adjustSize()
        top_left = QPoint(frame.center().x() - width // 2, frame.top())
        screen = front.screen().availableGeometry()
        self.move(max(screen.left(), min(top_left.x(), screen.right() - width)),
                  max(screen.top(), top_left.y()))
