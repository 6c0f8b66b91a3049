"""“Who is using CareLedger now?”: asked after unlocking a profile several people act for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import PersonRole
from app.i18n import _
from ui.accessibility import label_for, named
from ui.security.dialog_buttons import ok_cancel


class WhoIsUsingDialog(QDialog):
    """A list of the recorded people with their roles; the chosen name is `chosen_name()`."""

    def __init__(self, people: list[PersonRole], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Who is using CareLedger now?"))
        self.people = named(QListWidget(), _("People who may act for this profile"))
        for person in people:
            item = QListWidgetItem(_("{name} ({role})").format(name=person.name,
                                                              role=person.role.label()))
            item.setData(Qt.ItemDataRole.UserRole, person.name)
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.people.itemActivated.connect(lambda _item: self.accept())
        intro = QLabel(_("Every change you make is recorded with your name. "
                         "Choose yourself from the list."))
        intro.setWordWrap(True)
        buttons = ok_cancel(self, _("&Continue"), self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label_for(_("&Who are you?"), self.people))
        layout.addWidget(self.people)
        layout.addWidget(buttons)
        self.people.setFocus()

    def choose(self, name: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.people.setCurrentRow(row)

    def chosen_name(self) -> str | None:
        item = self.people.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
