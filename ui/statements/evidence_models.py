"""Table models for the Statements page's evidence: the checklist before a pack is made, and the
documents filed against the profile, accounts, PAs and providers."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.domain.documents import KIND_NAMES, FiledDocument
from app.i18n import _, format_date
from app.statements.explain_text import CHECK_STATES, check_text
from app.statements.model import CheckItem
from ui.models.rows_model import SORT_ROLE, Index, RowsModel


class CheckCol(IntEnum):
    EVIDENCE = 0
    STATE = 1
    FOUND = 2


class ChecklistModel(RowsModel[CheckItem]):
    """What the council asks for, whether it is there, and what was found."""

    def __init__(self) -> None:
        super().__init__({CheckCol.EVIDENCE: _("Evidence"), CheckCol.STATE: _("State"),
                          CheckCol.FOUND: _("What was found")})

    def set_items(self, items: tuple[CheckItem, ...]) -> None:
        self._reset(items)

    def missing(self) -> int:
        return sum(1 for item in self._rows if item.state == "missing")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._row(index)
        if item is None:
            return None
        col = CheckCol(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            if col is CheckCol.EVIDENCE:
                return _(KIND_NAMES[item.kind]) + (f": {item.whose}" if item.whose else "")
            if col is CheckCol.STATE:
                return _(CHECK_STATES[item.state])
            return check_text(item)
        if role == Qt.ItemDataRole.FontRole and item.state == "missing":
            font = QFont()
            font.setBold(True)
            return font
        return None


class DocCol(IntEnum):
    KIND = 0
    BELONGS_TO = 1
    FROM = 2
    TO = 3
    FILE = 4


class FiledModel(RowsModel[FiledDocument]):
    """Documents filed against the profile, an account, a PA or a provider."""

    def __init__(self) -> None:
        super().__init__({DocCol.KIND: _("Document"), DocCol.BELONGS_TO: _("Belongs to"),
                          DocCol.FROM: _("From"), DocCol.TO: _("To"), DocCol.FILE: _("File")})

    def set_documents(self, documents: list[FiledDocument]) -> None:
        self._reset(documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        doc = self._row(index)
        if doc is None:
            return None
        col = DocCol(index.column())
        if role == SORT_ROLE:
            day = {DocCol.FROM: doc.dates.start, DocCol.TO: doc.dates.end}.get(col)
            if col in (DocCol.FROM, DocCol.TO):
                return day.isoformat() if day else ""
            return self._text(doc, col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(doc, col)
        return None

    @staticmethod
    def _text(doc: FiledDocument, col: DocCol) -> str:
        if col is DocCol.KIND:
            return _(KIND_NAMES[doc.kind])
        if col is DocCol.BELONGS_TO:
            return doc.subject_name or _("The profile")
        if col is DocCol.FROM:
            return format_date(doc.dates.start) if doc.dates.start else "–"
        if col is DocCol.TO:
            return format_date(doc.dates.end) if doc.dates.end else "–"
        return doc.name
