"""The People tab: add who may act, say what is wrong, undo the adding."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import ProfileContext
from tests.conftest import NAME
from ui.security.people_page import PeoplePage


def make_page(qtbot: QtBot, ctx: ProfileContext, read_only: bool = False) -> PeoplePage:
    page = PeoplePage(ctx.people, ctx.undo, read_only)
    qtbot.addWidget(page)
    page.show()
    return page


def test_people_page_explains_a_missing_name(qtbot: QtBot, ctx: ProfileContext) -> None:
    page = make_page(qtbot, ctx)
    page.name.setText("   ")
    assert page.add() is None
    assert "Give the person's name" in page.message.text()
    assert page.model.rowCount() == 1 and ctx.undo.undo_label is None


def test_adding_a_person_can_be_undone_and_redone(qtbot: QtBot, ctx: ProfileContext) -> None:
    page = make_page(qtbot, ctx)
    page.name.setText("Sam Carer")
    page.role.setCurrentIndex(page.role.findData(Role.CARER))
    page.add_button.click()
    assert page.model.rowCount() == 2 and "Sam Carer is recorded" in page.message.text()
    assert ctx.undo.undo() == "Add person"
    page.refresh()
    assert [p.name for p in ctx.people.list()] == [NAME] and page.model.rowCount() == 1
    assert ctx.undo.redo() == "Add person"
    page.refresh()
    assert page.model.rowCount() == 2


def test_read_only_adds_nobody(qtbot: QtBot, ctx: ProfileContext,
                               unnamed_controls: Callable[[QWidget], list[str]]) -> None:
    page = make_page(qtbot, ctx, read_only=True)
    assert not page.add_button.isEnabled()
    assert unnamed_controls(page) == []
