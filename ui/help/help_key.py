"""F1 in a form: the main window's F1 shortcut never reaches a modal dialog in front of it,
so the key is caught for the whole application while a dialog is modal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


class HelpKey(QObject):
    def __init__(self, show_help: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_help = show_help
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F1
                and not event.modifiers() and QApplication.activeModalWidget() is not None):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is ours: no shortcut takes it, it comes as a key press
        else:
            self.show_help()
        return True
