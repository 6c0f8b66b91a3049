"""Saying which column is which, for a statement no preset knows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.bank.column_mapping_dialog import ColumnMappingDialog


def test_mapping_needs_date_description_and_amount(qtbot: QtBot) -> None:
    mapper = ColumnMappingDialog(("a", "b"))
    qtbot.addWidget(mapper)
    mapper.choose("date", 0)
    mapper.ok_button.click()
    assert mapper.mapping is None and mapper.problem.text()


def test_every_control_has_a_name(qtbot: QtBot,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    mapper = ColumnMappingDialog(("date", "what", "value"))
    qtbot.addWidget(mapper)
    assert unnamed(mapper) == []
