"""The people who may act for a budget holder, as a table: name, role, added when and by whom."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from app.domain.roles import PersonRole
from app.i18n import N_
from ui.security.rows_model import SORT_ROLE, RowsModel

__all__ = ["SORT_ROLE", "Col", "PeopleModel"]


class Col(IntEnum):
    NAME = 0
    ROLE = 1
    ADDED = 2
    ADDED_BY = 3


class PeopleModel(RowsModel[PersonRole]):
    columns = Col
    headers = {Col.NAME: N_("Name"), Col.ROLE: N_("Role"), Col.ADDED: N_("Added (UTC)"),
               Col.ADDED_BY: N_("Added by")}

    def set_people(self, people: list[PersonRole]) -> None:
        self.set_rows(people)

    def display(self, row: PersonRole, col: Col) -> str:
        if col == Col.ROLE:
            return row.role.label()
        if col == Col.ADDED:
            return row.added_at.strftime("%Y-%m-%d %H:%M")
        return row.name if col == Col.NAME else row.added_by

    def raw(self, row: PersonRole, col: Col) -> Any:
        return {Col.NAME: row.name.casefold(), Col.ROLE: row.role.value,
                Col.ADDED: row.added_at, Col.ADDED_BY: row.added_by.casefold()}[col]
