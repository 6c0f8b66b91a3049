"""The People tab: add who may act, say what is wrong, undo the adding."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def _choose(page: PeoplePage, name: str) -> None:
    proxy = page.table.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
    page.table.setCurrentIndex(proxy.index(row, 0))


def test_change_a_role_then_remove_the_person(qtbot: QtBot, ctx: ProfileContext,
                                              dialog_driver: Callable[[], Any]) -> None:
    from PySide6.QtWidgets import QMessageBox

    ctx.people.add("Sam Carer", Role.CARER)
    page = make_page(qtbot, ctx)
    _choose(page, NAME)
    assert not page.change_button.isEnabled() and not page.remove_button.isEnabled()
    _choose(page, "Sam Carer")
    page.change_button.click()
    assert page.name.text() == "Sam Carer" and page.name.isReadOnly()
    assert page.role.currentData() == Role.CARER
    page.role.setCurrentIndex(page.role.findData(Role.SUPPORT_WORKER))
    page.add_button.click()
    assert {p.name: p.role for p in ctx.people.list()}["Sam Carer"] is Role.SUPPORT_WORKER
    assert page.name.text() == "" and not page.name.isReadOnly()  # ready to add again
    assert ctx.undo.undo_label == "Change role"
    _choose(page, "Sam Carer")
    driver = dialog_driver()
    driver.expect(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.remove_button.click()
    driver.check()
    assert [p.name for p in ctx.people.list()] == [NAME] and page.model.rowCount() == 1
    ctx.undo.undo()
    assert len(ctx.people.list()) == 2
