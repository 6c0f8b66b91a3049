"""Small helpers that make every control speak its name to screen readers."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give a widget the accessible name (and description) a screen reader will announce."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def label_for(text: str, buddy: QWidget) -> QLabel:
    """A visible label tied to its field, so Alt+letter jumps there and the name matches."""
    label = QLabel(text)
    label.setBuddy(buddy)
    if not buddy.accessibleName():
        buddy.setAccessibleName(text.replace("&", ""))
    return label
