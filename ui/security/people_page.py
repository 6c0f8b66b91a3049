"""The People tab: who may act for the budget holder, and a form to add a carer or worker."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from ui.flow_layout import FlowLayout
from ui.models.rows_model import chosen_row
from ui.security.people_model import SORT_ROLE, Col, PeopleModel
from ui.widgets import confirmed

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
        self.remove_button = named(QPushButton(_("&Remove the chosen person…")),
                                   _("Remove the chosen person"),
                                   _("They can no longer act for this profile; the history "
                                     "keeps their name on the changes they made."))
        self.remove_button.clicked.connect(self.remove_current)
        self.change_button = named(QPushButton(_("C&hange the chosen person's role")),
                                   _("Change the chosen person's role"),
                                   _("The form below shows them; choose the role and save."))
        self.change_button.clicked.connect(self.change_current)
        self.cancel_button = named(QPushButton(_("Cl&ear the form")), _("Clear the form"))
        self.cancel_button.clicked.connect(self.clear_form)
        self.cancel_button.hide()
        self._editing: PersonRole | None = None  # the person whose role the form changes
        self._read_only = read_only
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_current)
        self.name.returnPressed.connect(self.add)
        self.message = named(QLabel(), _("Message"))
        self.message.setWordWrap(True)
        self._lay_out()
        self.add_button.setEnabled(not read_only)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.refresh()

    def _lay_out(self) -> None:
        intro = QLabel(_("Everyone who may act for this profile. Each change in the history "
                         "names the person who made it."))
        intro.setWordWrap(True)
        self.form_box = QGroupBox(_("Add a carer, appointed person or support worker"))
        form = QFormLayout(self.form_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(label_for(_("&Name"), self.name), self.name)
        form.addRow(label_for(_("&Role"), self.role), self.role)
        form.addRow(FlowLayout().add_widgets(self.add_button, self.cancel_button))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(FlowLayout().add_widgets(self.change_button, self.remove_button))
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.model.set_people(self.service.list())
        self._enable()

    def _enable(self) -> None:
        person = self.current()
        changeable = not self._read_only and person is not None and \
            person.role is not Role.BUDGET_HOLDER
        self.change_button.setEnabled(changeable)
        self.remove_button.setEnabled(changeable)
        self.add_button.setEnabled(not self._read_only)

    def current(self) -> PersonRole | None:
        return chosen_row(self.table, self.model)

    def change_current(self) -> None:
        """Show the chosen person in the form; saving records their new role."""
        person = self.current()
        if person is None or not self.change_button.isEnabled():
            return
        self._editing = person
        self.name.setText(person.name)
        self.name.setReadOnly(True)
        self.role.setCurrentIndex(max(self.role.findData(person.role), 0))
        self.form_box.setTitle(_("Change the role of {name}").format(name=person.name))
        self.add_button.setText(_("&Save the role"))
        self.add_button.setAccessibleName(_("Save the role"))
        self.cancel_button.show()
        self.role.setFocus()

    def clear_form(self) -> None:
        self._editing = None
        self.name.clear()
        self.name.setReadOnly(False)
        self.form_box.setTitle(_("Add a carer, appointed person or support worker"))
        self.add_button.setText(_("&Add person"))
        self.add_button.setAccessibleName(_("Add person"))
        self.cancel_button.hide()

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.remove_button.isEnabled():
            return
        source = self.table.model().mapToSource(index)  # type: ignore[attr-defined]
        person = self.model.row_at(source.row())
        question = _("Remove {name}? They will no longer be able to act for this profile. "
                     "Undo (Ctrl+Z) puts them back.").format(name=person.name)
        if not confirmed(self, _("Remove person"), question):
            return
        try:
            self.undo.run(_("Remove person"), lambda: self.service.remove(person.id))
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.message.setText(_("{name} can no longer act for this profile.").format(
            name=person.name))
        self.refresh()

    def add(self) -> PersonRole | None:
        """Save the form: a new person, or the new role of the person being changed."""
        role = Role(self.role.currentData())
        if self._editing is not None:
            return self._save_role(self._editing, role)
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

    def _save_role(self, person: PersonRole, role: Role) -> PersonRole | None:
        try:
            changed = self.undo.run(_("Change role"),
                                    lambda: self.service.change_role(person.id, role))
        except DomainError as error:
            self.message.setText(str(error))
            return None
        self.message.setText(_("{name} is recorded as {role}.").format(
            name=changed.name, role=changed.role.label()))
        self.clear_form()
        self.refresh()
        return changed
