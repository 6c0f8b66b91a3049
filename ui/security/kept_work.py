"""What a person was typing when the idle lock came: kept in memory only (never on disk), and
put back after they unlock the same profile.

Each open form is remembered by the page method that opened it (found on the call stack when
it was shown, e.g. LedgerPage.add_entry), so it is opened again the same way and its fields
filled as they were; the pages' own fields, chosen rows and tab come back too."""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

Path = tuple[tuple[str, int], ...]


def _same_kind(parent: QObject, kind: str) -> list[QObject]:
    """`parent`'s children of one class, in an order that survives showing another page: a
    stack's pages (the tabs') by their place in the stack, since raising a page to show it
    moves it among the stack's children."""
    same = [c for c in parent.children() if type(c).__name__ == kind]
    if isinstance(parent, QStackedWidget):
        same.sort(key=lambda c: parent.indexOf(c) if isinstance(c, QWidget) else -1)
    return same


def widget_path(widget: QObject, root: QObject) -> Path | None:
    """Where `widget` sits under `root`: (class, index among same-class siblings) per level;
    the same page built again gives the same paths."""
    steps: list[tuple[str, int]] = []
    current: QObject | None = widget
    while current is not None and current is not root:
        parent = current.parent()
        if parent is None:
            return None
        kind = type(current).__name__
        steps.append((kind, _same_kind(parent, kind).index(current)))
        current = parent
    return tuple(reversed(steps)) if current is root else None


def find_widget(root: QObject, path: Path) -> QObject | None:
    current: QObject = root
    for kind, index in path:
        same = _same_kind(current, kind)
        if index >= len(same):
            return None
        current = same[index]
    return current


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        secret = widget.echoMode() != QLineEdit.EchoMode.Normal
        return None if secret else widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QDateEdit):
        return widget.date().toJulianDay()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        return (widget.currentIndex().row(), widget.currentIndex().column())
    if isinstance(widget, QTabWidget):
        return widget.currentIndex()
    return None


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(value)
        else:
            widget.setCurrentIndex(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate.fromJulianDay(value))
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)
    elif isinstance(widget, QAbstractItemView):
        model = widget.model()
        if model is not None and value[0] < model.rowCount():
            widget.setCurrentIndex(model.index(*value))
    elif isinstance(widget, QTabWidget):
        widget.setCurrentIndex(value)


def capture(root: QWidget) -> dict[Path, Any]:
    """Every field's value under `root` (passphrases never), by path."""
    values: dict[Path, Any] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QAbstractSpinBox) and not isinstance(
                widget, (QSpinBox, QDoubleSpinBox, QDateEdit)):
            continue
        value = _value(widget)
        path = widget_path(widget, root) if widget is not root else ()
        if value is not None and path is not None:
            values[path] = value
    return values


def restore(root: QWidget, values: dict[Path, Any]) -> None:
    """Tabs and lists first (they decide what is shown), then the fields."""
    ordered = sorted(values.items(), key=lambda item: not isinstance(
        find_widget(root, item[0]) if item[0] else root, (QTabWidget, QAbstractItemView)))
    for path, value in ordered:
        widget = find_widget(root, path) if path else root
        if isinstance(widget, QWidget) and widget.isEnabled():
            _set(widget, value)


@dataclass(frozen=True)
class KeptForm:
    """An open form: how it was opened (a page's method) and what was in it."""

    opener: Path  # the page (under the profile view) whose method opened it
    method: str
    kind: str  # the form's class, so the right one is filled
    values: dict[Path, Any]


@dataclass
class KeptWork:
    profile: str
    view: dict[Path, Any] = field(default_factory=dict)
    forms: list[KeptForm] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # the tabs built then: built again first


class FormWatcher(QObject):
    """Notes, as each form is shown, which page method opened it (for reopening it later)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: QWidget | None = None  # the profile view: openers are looked for under it
        self._openers: dict[int, tuple[Path, str]] = {}
        self._pending: KeptForm | None = None
        self.restored: list[QDialog] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and \
                not isinstance(watched, QMessageBox) and self.root is not None:
            opener = self._opener()
            if opener is not None:
                self._openers[id(watched)] = opener
            if self._pending is not None and type(watched).__name__ == self._pending.kind:
                kept, self._pending = self._pending, None
                restore(watched, kept.values)
                self.restored.append(watched)
        return False

    def _opener(self) -> tuple[Path, str] | None:
        """The nearest caller that is a method, taking nothing, of a widget under the view."""
        frame = sys._getframe(2)
        while frame is not None:
            owner = frame.f_locals.get("self")
            if isinstance(owner, QDialog):
                return None  # a form opened from a form: the outer one is what is kept
            if isinstance(owner, QWidget) and self.root is not None:
                method = getattr(type(owner), frame.f_code.co_name, None)
                path = widget_path(owner, self.root) if owner is not self.root else ()
                if callable(method) and path is not None and _takes_nothing(method):
                    return path, frame.f_code.co_name
            frame = frame.f_back  # type: ignore[assignment]
        return None

    def keep(self, profile: str) -> KeptWork:
        """Capture the view and each open form (then the caller locks)."""
        assert self.root is not None
        work = KeptWork(profile, capture(self.root))
        for dialog in QApplication.topLevelWidgets():
            opener = self._openers.get(id(dialog))
            if isinstance(dialog, QDialog) and dialog.isVisible() and opener is not None:
                work.forms.append(KeptForm(opener[0], opener[1], type(dialog).__name__,
                                           capture(dialog)))
        return work

    def bring_back(self, work: KeptWork) -> None:
        """Fill the (new) view as it was, then open the first kept form again."""
        assert self.root is not None
        restore(self.root, work.view)
        if not work.forms:
            return
        form = work.forms[0]  # forms are modal: only the front one can have been typed in
        page = find_widget(self.root, form.opener) if form.opener else self.root
        method = getattr(page, form.method, None)
        if callable(method):
            self._pending = form
            QTimer.singleShot(0, method)


def _takes_nothing(method: Any) -> bool:
    try:
        params = list(inspect.signature(method).parameters.values())[1:]
    except (TypeError, ValueError):
        return False
    return all(p.default is not inspect.Parameter.empty or
               p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)
