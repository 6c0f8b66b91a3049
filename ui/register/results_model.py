"""Register search results as a Qt table model, fetched a page at a time from the service.

The view asks for more rows as it scrolls (canFetchMore/fetchMore), so a search over the
whole national register shows its first rows at once. Sorting re-asks the service, which
sorts in SQL; the sort role gives the raw value (miles, rating rank, name).
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.providers import (
    ORG_FORM_LABELS,
    OrgForm,
    ProviderSummary,
    rating_label,
    rating_rank,
    service_label,
)
from app.i18n import _, format_date
from app.register.search import SearchQuery, SortBy
from app.services.register import RegisterService

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # (source, source_id) of the row's provider
PAGE_SIZE = 100


class Col(IntEnum):
    NAME = 0
    TOWN = 1
    POSTCODE = 2
    DISTANCE = 3
    RATING = 4
    SERVICES = 5
    FORM = 6


def column_titles() -> dict[Col, str]:
    return {Col.NAME: _("Name"), Col.TOWN: _("Town"), Col.POSTCODE: _("Postcode"),
            Col.DISTANCE: _("Miles"), Col.RATING: _("CQC rating"),
            Col.SERVICES: _("Services"), Col.FORM: _("Organisation")}


# Columns the service can sort by, and how.
_SORTS = {Col.NAME: SortBy.NAME, Col.RATING: SortBy.RATING, Col.DISTANCE: SortBy.DISTANCE}


def form_text(summary: ProviderSummary) -> str:
    label = _(ORG_FORM_LABELS[summary.org_form])
    if summary.org_form_derived and summary.org_form is not OrgForm.UNKNOWN:
        return _("{form} (likely)").format(form=label)
    return label


class RegisterResultsModel(QAbstractTableModel):
    def __init__(self, register: RegisterService, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._register = register
        self._page_size = page_size
        self._query = SearchQuery(limit=page_size)
        self._rows: list[ProviderSummary] = []
        self._exhausted = True
        self._titles = column_titles()

    # --- loading ---------------------------------------------------------------------------

    def set_query(self, query: SearchQuery) -> None:
        """Search again from the first row (a new text, filter or sort)."""
        self.beginResetModel()
        self._query = replace(query, limit=self._page_size, offset=0)
        self._rows = self._register.search(self._query)
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()

    def query(self) -> SearchQuery:
        return self._query

    def summary(self, row: int) -> ProviderSummary:
        return self._rows[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        more = self._register.search(replace(self._query, offset=len(self._rows)))
        self._exhausted = len(more) < self._page_size
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = _SORTS.get(Col(column)) if 0 <= column < len(Col) else None
        if sort is None or (sort is SortBy.DISTANCE and self._query.near is None):
            return  # only name, rating and distance are sorted, and by the register
        self.set_query(replace(self._query, sort=sort))

    # --- the model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(Col):
            return self._titles[Col(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._raw(item, column)
        if role == KEY_ROLE:
            return (item.source.value, item.source_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Col.DISTANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column is Col.RATING and item.rating_date:
            return _("Rated {date}").format(date=format_date(item.rating_date))
        return None

    def _display(self, item: ProviderSummary, column: Col) -> str:
        if column is Col.DISTANCE:
            return f"{item.distance_miles:.1f}" if item.distance_miles is not None else ""
        if column is Col.RATING:
            return rating_label(item.rating)
        if column is Col.SERVICES:
            return ", ".join(service_label(kind) for kind in item.service_types)
        if column is Col.FORM:
            return form_text(item)
        return str({Col.NAME: item.name, Col.TOWN: item.town,
                    Col.POSTCODE: item.postcode}[column])

    def _raw(self, item: ProviderSummary, column: Col) -> Any:
        if column is Col.DISTANCE:
            return item.distance_miles if item.distance_miles is not None else float("inf")
        if column is Col.RATING:
            return rating_rank(item.rating)
        if column is Col.NAME:
            return item.name.casefold()
        return self._display(item, column)
