"""Fixtures for the widget tests: the main window, a driver for modal dialogs, the checks that
every control is named and fits at large text, and what the window tells the person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.text_size import TextSize

D = TypeVar("D", bound=QDialog)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QDateEdit)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    base = qapp.font()
    win = MainWindow(data_dir, TextSize(qapp))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()
    qapp.setFont(base)


# --- modal dialogs -----------------------------------------------------------------------------

class DialogDriver:
    """Drive a modal dialog from a test without ever leaving it open (a stuck exec() hangs CI):
    `driver.expect(EntryDialog, fill)` before the click that opens it; `driver.check()` after."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.ran = 0
        self.waits = 0

    def expect(self, kind: type[D], action: Callable[[D], object]) -> None:
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


@pytest.fixture
def dialog_driver() -> Callable[[], DialogDriver]:
    """Makes a fresh DialogDriver (one for each dialog-opening action in a test)."""
    return DialogDriver


# --- named controls, large text ------------------------------------------------------------------

def _unnamed_visible(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(root) and not w.accessibleName()
            and w.objectName() != "qt_spinbox_lineedit"
            and not isinstance(w.parent(), (QComboBox, QDateEdit))]


@pytest.fixture
def unnamed_controls() -> Callable[[QWidget], list[str]]:
    """Controls shown in `root` that a screen reader could not name."""
    return _unnamed_visible


def _part_of_composite(widget: QWidget, root: QWidget) -> bool:
    """Parts of a composite control (a table's headers and corner button, a date field's
    text, a list's popup) are named by the control they belong to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QComboBox, QDateEdit, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return widget.objectName() == "qt_spinbox_lineedit"


def _unnamed_any(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and not w.accessibleName()
            and not _part_of_composite(w, root)]


@pytest.fixture
def unnamed() -> Callable[[QWidget], list[str]]:
    """Every control in `root`, shown or not, that a screen reader could not name."""
    return _unnamed_any


@pytest.fixture
def fits_at_double_text(qtbot: QtBot, qapp: QApplication, unnamed_controls: Callable[
        [QWidget], list[str]]) -> Iterator[Callable[[QDialog], None]]:
    """check(dialog): at 200% text every control is named, the dialog fits a 1280×800 screen
    and no label or button is squeezed below its own minimum size."""
    base = qapp.font()
    TextSize(qapp).apply(2.0)

    def check(dialog: QDialog) -> None:
        name = type(dialog).__name__
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == [], name
        hint = dialog.sizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, (name, hint)
        texts = [w for w in dialog.findChildren(QWidget)
                 if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible()]
        clipped = [w.text() for w in texts if w.width() < w.minimumSizeHint().width()
                   or w.height() < w.minimumSizeHint().height()]
        assert clipped == [], (name, clipped)
        dialog.close()

    yield check
    qapp.setFont(base)


# --- what the window says (the in-memory keyring is in tests/conftest.py) ---------------

@pytest.fixture
def told(window: MainWindow) -> list[str]:
    """What the window says in message boxes, kept instead of shown (no modal left open)."""
    messages: list[str] = []
    window.tell = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    return messages
