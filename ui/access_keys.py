"""Access keys (Alt+letter) that each lead to one place, in any language.

Words are written with an & before a letter ("&Save"); a translation, or two pages' words
side by side, can put the same letter on two controls, and then Alt+letter goes nowhere
useful. `settle` keeps the first control's letter (menus, then tabs, then controls in the
order they were made) and moves the others to another letter of their own words, the start
of a word first, as KDE's accelerator manager does. It runs on every dialog as it is shown
(ui.fit) and on the main window's menus, tabs and pages (MainWindow), so words added later
or translated differently are settled too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

_KEY = re.compile(r"&([^&\s])")

Keyed = tuple[str, Callable[[str], None]]  # the text, and how to set it


def access_key(text: str) -> str | None:
    found = _KEY.search(text or "")
    return found.group(1).casefold() if found else None


def rekey(text: str, used: set[str]) -> str:
    """`text` with its & moved to a letter not in `used` (word starts first), or removed."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
    starts = [m.start() for m in re.finditer(r"(?<![^\W_])[^\W\d_]", plain)]
    others = [i for i, ch in enumerate(plain) if ch.isalnum() and i not in starts]
    for at in starts + others:
        if plain[at].casefold() not in used and plain[at] != "&":
            used.add(plain[at].casefold())
            return plain[:at] + "&" + plain[at:]
    return plain


def settle_texts(keyed: Iterable[Keyed], used: set[str]) -> None:
    """Give each text a letter of its own, in order; `used` grows with the letters taken."""
    moved: list[Keyed] = []
    for text, set_text in keyed:
        key = access_key(text)
        if key is None:
            continue
        if key in used:
            moved.append((text, set_text))
        else:
            used.add(key)
    for text, set_text in moved:
        set_text(rekey(text, used))


def controls(root: QWidget) -> list[Keyed]:
    """Every control under `root` an access key reaches: buttons, labels of fields,
    checkable group boxes (in the order they were made)."""
    keyed: list[Keyed] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton):
            keyed.append((widget.text(), widget.setText))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            keyed.append((widget.text(), widget.setText))
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            keyed.append((widget.title(), widget.setTitle))
    return keyed


def settle(root: QWidget, reserved: Iterable[str] = ()) -> None:
    settle_texts(controls(root), set(reserved))


def settle_menu(menu: QMenu) -> None:
    settle_texts(((a.text(), a.setText) for a in menu.actions() if not a.isSeparator()),
                 set())


def settle_actions(actions: Iterable[QAction], used: set[str]) -> None:
    settle_texts(((a.text(), a.setText) for a in actions), used)


def settle_tabs(tabs: QTabWidget, used: set[str]) -> None:
    def setter(index: int) -> Callable[[str], None]:
        return lambda text: tabs.setTabText(index, text)

    settle_texts(((tabs.tabText(i), setter(i)) for i in range(tabs.count())), used)
