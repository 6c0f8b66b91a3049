"""The audit trail as a table: when, who, what, which record."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.audit import AuditEvent
from app.i18n import N_, _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NUMBER = 0
    WHEN = 1
    WHO = 2
    ACTION = 3
    RECORD = 4


_HEADERS = {Col.NUMBER: N_("No."), Col.WHEN: N_("When (UTC)"), Col.WHO: N_("Who"),
            Col.ACTION: N_("What"), Col.RECORD: N_("Record")}
_ACTIONS = {"create": N_("Added"), "add": N_("Added"), "update": N_("Changed"),
            "delete": N_("Deleted"),
            "import": N_("Imported"), "undo": N_("Undone"), "redo": N_("Done again"),
            "attach": N_("Attached"), "detach": N_("Removed"), "link": N_("Linked"),
            "start": N_("Started"), "lock": N_("Locked"), "unlock": N_("Unlocked"),
            "end": N_("Ended")}
_ENTITIES = {"entry": N_("Entry"), "person": N_("Profile"),
             "person_role": N_("Person who may act"), "service_log": N_("Care visit"),
             "service_payment": N_("Payment for care"), "evidence": N_("Receipt"),
             "reconciliation": N_("Bank statement check"), "council_rule": N_("Council rules"),
             "chosen_provider": N_("My provider")}


# (older than this event id, at most this many) -> events, newest first
PageLoader = Callable[[int | None, int], list[AuditEvent]]
PAGE_SIZE = 200


class HistoryModel(QAbstractTableModel):
    """Newest change first. With a loader it fetches a page at a time (a year of a busy
    ledger is tens of thousands of events); `set_events` shows a fixed list."""

    def __init__(self, parent: Any = None, loader: PageLoader | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, col)
        if role == SORT_ROLE:
            return self._raw(event, col)
        if role == Qt.ItemDataRole.ToolTipRole and event.id == self.broken_id:
            return _("The history was changed outside CareLedger from here on.")
        return None

    @staticmethod
    def _display(event: AuditEvent, col: Col) -> str:
        if col == Col.NUMBER:
            return str(event.id)
        if col == Col.WHEN:
            return event.at[:19].replace("T", " ")
        if col == Col.WHO:
            return event.actor
        if col == Col.ACTION:
            return _(_ACTIONS[event.action]) if event.action in _ACTIONS else event.action
        entity = _(_ENTITIES[event.entity]) if event.entity in _ENTITIES else event.entity
        return f"{entity} {event.entity_id}"

    @staticmethod
    def _raw(event: AuditEvent, col: Col) -> Any:
        return {Col.NUMBER: event.id, Col.WHEN: event.at, Col.WHO: event.actor,
                Col.ACTION: event.action,
                Col.RECORD: f"{event.entity}:{event.entity_id.zfill(12)}"}[col]
