"""The profiles on this computer, by the name each person chose (nothing else is shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _
from app.store.profiles import ProfileInfo

Index = QModelIndex | QPersistentModelIndex
PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProfileListModel(QAbstractListModel):
    def __init__(self, profiles: list[ProfileInfo] | None = None) -> None:
        super().__init__()
        self._profiles = list(profiles or [])

    def set_profiles(self, profiles: list[ProfileInfo]) -> None:
        self.beginResetModel()
        self._profiles = list(profiles)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._profiles):
            return None
        info = self._profiles[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if info.is_demo:
                return _("{name} (demo)").format(name=info.display_name)
            return info.display_name
        if role == PROFILE_ROLE:
            return info
        return None

    def profile_at(self, row: int) -> ProfileInfo:
        return self._profiles[row]
