"""The people who may act for a budget holder, as a table: name, role, added when and by whom."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.roles import PersonRole
from app.i18n import N_, _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NAME = 0
    ROLE = 1
    ADDED = 2
    ADDED_BY = 3


_HEADERS = {Col.NAME: N_("Name"), Col.ROLE: N_("Role"), Col.ADDED: N_("Added (UTC)"),
            Col.ADDED_BY: N_("Added by")}


class PeopleModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: list[PersonRole] = []

    def set_people(self, people: list[PersonRole]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[Col(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, col)
        if role == SORT_ROLE:
            return self._raw(person, col)
        return None

    @staticmethod
    def _display(person: PersonRole, col: Col) -> str:
        if col == Col.ROLE:
            return person.role.label()
        if col == Col.ADDED:
            return person.added_at.strftime("%Y-%m-%d %H:%M")
        return person.name if col == Col.NAME else person.added_by

    @staticmethod
    def _raw(person: PersonRole, col: Col) -> Any:
        return {Col.NAME: person.name.casefold(), Col.ROLE: person.role.value,
                Col.ADDED: person.added_at, Col.ADDED_BY: person.added_by.casefold()}[col]
