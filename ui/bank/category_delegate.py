"""A list of categories to choose from in the preview, only those that fit the line's direction."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.categories import Category
from app.i18n import _, active_locale
from ui.bank.import_preview_model import DIRECTION_ROLE

Index = QModelIndex | QPersistentModelIndex


class CategoryDelegate(QStyledItemDelegate):
    def __init__(self, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories = categories

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_("Category"))
        direction = index.data(DIRECTION_ROLE)
        for category in self._categories:
            if category.direction.value == direction:
                combo.addItem(category.name(active_locale()), category.code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
