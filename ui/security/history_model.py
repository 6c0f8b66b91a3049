"""The audit trail as a table: when, who, what, which record."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.audit import AuditEvent
from app.i18n import N_, _
from app.services.history_words import EventWords, describe

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NUMBER = 0
    WHEN = 1
    WHO = 2
    WHAT = 3


_HEADERS = {Col.NUMBER: N_("No."), Col.WHEN: N_("When"), Col.WHO: N_("Who"),
            Col.WHAT: N_("What changed")}
Describe = Callable[[AuditEvent], EventWords]


# (older than this event id, at most this many) -> events, newest first
PageLoader = Callable[[int | None, int], list[AuditEvent]]
PAGE_SIZE = 200


class HistoryModel(QAbstractTableModel):
    """Newest change first. With a loader it fetches a page at a time (a year of a busy
    ledger is tens of thousands of events); `set_events` shows a fixed list."""

    def __init__(self, parent: Any = None, loader: PageLoader | None = None,
                 page_size: int = PAGE_SIZE, describe: Describe = describe) -> None:
        super().__init__(parent)
        self._describe = describe
        self._words: dict[int, EventWords] = {}
        self._page_size = page_size
        self._events: list[AuditEvent] = []
        self._loader = loader
        self._exhausted = loader is None
        self.broken_id: int | None = None

    def set_events(self, events: list[AuditEvent]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._exhausted = True
        self.broken_id = None
        self.endResetModel()

    def reload(self) -> None:
        """Start again from the newest event (needs a loader)."""
        assert self._loader is not None
        self.beginResetModel()
        self._events = self._loader(None, self._page_size)
        self._exhausted = len(self._events) < self._page_size
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._exhausted or self._loader is None or not self._events:
            return
        more = self._loader(self._events[-1].id, self._page_size)
        self._exhausted = len(more) < self._page_size
        if more:
            first = len(self._events)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._events.extend(more)
            self.endInsertRows()

    def mark_broken(self, event_id: int | None) -> None:
        self.broken_id = event_id
        if self._events:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._events) - 1, len(Col) - 1))

    def event_at(self, row: int) -> AuditEvent:
        return self._events[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[Col(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(index.row(), col)
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.WHAT:
            return "\n".join(self.words_at(index.row()).details) or None
        if role == SORT_ROLE:
            return self._raw(event, col)
        if role == Qt.ItemDataRole.ToolTipRole and event.id == self.broken_id:
            return _("The history was changed outside CareLedger from here on.")
        return None

    def words_at(self, row: int) -> EventWords:
        """The event of `row` in words: local time, who, what, and each change."""
        event = self._events[row]
        found = self._words.get(event.id)
        if found is None:
            found = self._words[event.id] = self._describe(event)
        return found

    def _display(self, row: int, col: Col) -> str:
        words = self.words_at(row)
        return {Col.NUMBER: str(words.number), Col.WHEN: words.when, Col.WHO: words.who,
                Col.WHAT: words.what}[col]

    @staticmethod
    def _raw(event: AuditEvent, col: Col) -> Any:
        return {Col.NUMBER: event.id, Col.WHEN: event.at, Col.WHO: event.actor,
                Col.WHAT: event.action}[col]
