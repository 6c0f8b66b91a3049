"""The chart's figures as a table: a row for each month or day, a column for each series (and
the month's total for stacked bars). The same ChartData feeds the drawing, so both agree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.charts.chart_data import ChartData
from ui.models.rows_model import RIGHT, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_: ChartData | None = None

    def set_data(self, data: ChartData) -> None:
        self.beginResetModel()
        self.data_ = data
        self.endResetModel()

    def headings(self) -> list[str]:
        if self.data_ is None:
            return []
        extra = [self.data_.total_heading] if self.data_.total_heading else []
        return [self.data_.column_heading, *(s.name for s in self.data_.series), *extra]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.data_ is None else len(self.data_.columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headings())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headings()[section]
        return None

    def figure(self, row: int, column: int) -> int | None:
        """The raw figure in a cell (pence or rating); None for the first column and gaps."""
        assert self.data_ is not None
        if column == 0:
            return None
        if column <= len(self.data_.series):
            return self.data_.series[column - 1].values[row]
        return self.data_.total(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.data_ is None:
            return None
        row, column = index.row(), index.column()
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return self.data_.columns[row] if role == Qt.ItemDataRole.DisplayRole else row
            return None
        value = self.figure(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else self.data_.value_text(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return None
