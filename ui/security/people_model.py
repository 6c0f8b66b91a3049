"""The people who may act for a budget holder, as a table: name, role, added when and by whom."""

from __future__ import annotations

from datetime import UTC
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.domain.roles import PersonRole
from app.i18n import _, format_when
from ui.models.rows_model import SORT_ROLE, Index, RowsModel

__all__ = ["SORT_ROLE", "Col", "PeopleModel"]


class Col(IntEnum):
    NAME = 0
    ROLE = 1
    ADDED = 2
    ADDED_BY = 3


def column_titles() -> dict[Col, str]:
    return {Col.NAME: _("Name"), Col.ROLE: _("Role"), Col.ADDED: _("Added"),
            Col.ADDED_BY: _("Added by")}


class PeopleModel(RowsModel[PersonRole]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(column_titles(), parent)

    def set_people(self, people: list[PersonRole]) -> None:
        self._reset(people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self._row(index)
        if person is None:
            return None
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, col)
        if role == SORT_ROLE:
            return {Col.NAME: person.name.casefold(), Col.ROLE: person.role.value,
                    Col.ADDED: person.added_at, Col.ADDED_BY: person.added_by.casefold()}[col]
        return None

    @staticmethod
    def _display(person: PersonRole, col: Col) -> str:
        if col == Col.ROLE:
            return person.role.label()
        if col == Col.ADDED:
            added = person.added_at
            return format_when(added if added.tzinfo else added.replace(tzinfo=UTC))
        return person.name if col == Col.NAME else person.added_by
