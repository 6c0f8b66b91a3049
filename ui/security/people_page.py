"""The People tab: who may act for the budget holder, and a form to add a carer or worker."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.roles import PersonRole, Role
from app.i18n import _
from app.services.people import PeopleService
from app.services.undo import UndoStack
from ui.accessibility import label_for, named
from ui.security.people_model import SORT_ROLE, Col, PeopleModel

# The budget holder is recorded when the profile is made; these are the people added later.
ADDABLE_ROLES = (Role.CARER, Role.APPOINTED_PERSON, Role.SUPPORT_WORKER)


class PeoplePage(QWidget):
    person_added = Signal(object)  # the PersonRole

    def __init__(self, service: PeopleService, undo: UndoStack, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo = undo
        self.model = PeopleModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = named(QTableView(), _("People who may act for this profile"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = named(self.table.horizontalHeader(), _("Column headings"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
        self.name = named(QLineEdit(), _("Name of the person to add"))
        self.role = named(QComboBox(), _("Their role"))
        for role in ADDABLE_ROLES:
            self.role.addItem(role.label(), role)
        self.add_button = named(QPushButton(_("&Add person")), _("Add person"))
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.message = named(QLabel(), _("Message"))
        self.message.setWordWrap(True)
        self._lay_out()
        self.add_button.setEnabled(not read_only)
        self.refresh()

    def _lay_out(self) -> None:
        intro = QLabel(_("Everyone who may act for this profile. Each change in the history "
                         "names the person who made it."))
        intro.setWordWrap(True)
        form_box = QGroupBox(_("Add a carer, appointed person or support worker"))
        form = QFormLayout(form_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(label_for(_("&Name"), self.name), self.name)
        form.addRow(label_for(_("&Role"), self.role), self.role)
        form.addRow(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.model.set_people(self.service.list())

    def add(self) -> PersonRole | None:
        role = Role(self.role.currentData())
        try:
            name = self.name.text()
            person = self.undo.run(_("Add person"), lambda: self.service.add(name, role))
        except DomainError as error:
            self.message.setText(str(error))
            self.name.setFocus()
            return None
        self.message.setText(_("{name} is recorded as {role}.").format(
            name=person.name, role=person.role.label()))
        self.name.clear()
        self.refresh()
        self.person_added.emit(person)
        return person
