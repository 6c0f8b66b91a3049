"""The base of every flat, read-only table model: rows in a list, titled columns.

Subclasses add `data()`. The ledger and history models page lazily and so stand apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, titles: Mapping[Any, str],  # keyed by a Col(IntEnum)
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = dict(titles)
        self._rows: list[R] = []

    def _reset(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def _row(self, index: Index) -> R | None:
        """The row behind a valid index, else None."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None


def sorted_view(model: QAbstractTableModel, name: str, column: int, owner: QObject
                ) -> QTableView:
    """A table over `model`, sortable by raw values (SORT_ROLE), first sorted by `column`."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    return table


def chosen_row(table: QTableView, model: RowsModel[R]) -> R | None:
    """The row the person has chosen in a sorted `table` over `model`, or None."""
    index = table.currentIndex()
    if not index.isValid():
        return None
    source = table.model().mapToSource(index)  # type: ignore[attr-defined]
    return model.row_at(source.row())
