"""The documents attached to one entry."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.i18n import _, format_datetime_utc, format_number
from app.services.evidence import Evidence
from ui.models.rows_model import SORT_ROLE, Index, RowsModel


class Col(IntEnum):
    NAME = 0
    KIND = 1
    SIZE = 2
    ADDED = 3


def column_titles() -> dict[Col, str]:
    return {Col.NAME: _("Document"), Col.KIND: _("Kind"), Col.SIZE: _("Size"),
            Col.ADDED: _("Added")}


def kind_text(media_type: str) -> str:
    return _("PDF") if media_type == "application/pdf" else _("Photo")


class EvidenceModel(RowsModel[Evidence]):
    def __init__(self) -> None:
        super().__init__(column_titles())

    def set_documents(self, documents: list[Evidence]) -> None:
        self._reset(documents)

    def document_at(self, row: int) -> Evidence:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        doc = self._row(index)
        if doc is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is Col.NAME:
                return doc.name
            if col is Col.KIND:
                return kind_text(doc.media_type)
            if col is Col.SIZE:
                return _("{size} KB").format(size=format_number(max(1, doc.size // 1024), 0))
            return format_datetime_utc(doc.added_at)
        if role == SORT_ROLE:
            return {Col.NAME: doc.name, Col.KIND: doc.media_type, Col.SIZE: doc.size,
                    Col.ADDED: doc.added_at.isoformat()}[col]
        return None
