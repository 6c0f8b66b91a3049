"""Who is at the keyboard: the list of people who may act."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.roles import PersonRole, Role
from ui.security.who_dialog import WhoIsUsingDialog

WHEN = datetime(2025, 5, 1, 10, 30)
PEOPLE = [PersonRole(1, "Ann Example", Role.BUDGET_HOLDER, True, WHEN, "Ann Example"),
          PersonRole(2, "Sam Carer", Role.CARER, True, WHEN, "Ann Example")]


def test_named_and_fits_at_double_text(fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(WhoIsUsingDialog(PEOPLE))


def test_lists_each_person_with_their_role_and_gives_the_one_chosen(qtbot: QtBot) -> None:
    dialog = WhoIsUsingDialog(PEOPLE)
    qtbot.addWidget(dialog)
    assert [dialog.people.item(i).text() for i in range(dialog.people.count())] == [
        "Ann Example (Budget holder)", "Sam Carer (Carer)"]
    dialog.choose("Sam Carer")
    assert dialog.chosen_name() == "Sam Carer"
