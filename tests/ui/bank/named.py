"""Controls a screen reader could not name (the same rule as the main window's test)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QDateEdit, QAbstractItemView)


def _part_of_composite(widget: QWidget, root: QWidget) -> bool:
    """Parts of a composite control (a table's headers and corner button, a date field's
    text, a list's popup) are named by the control they belong to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QComboBox, QDateEdit, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return widget.objectName() == "qt_spinbox_lineedit"


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and not w.accessibleName()
            and not _part_of_composite(w, root)]
