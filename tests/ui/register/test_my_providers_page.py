"""My providers: add a PA by hand, see value for money, undo the adding."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from ui.register.my_providers_model import Col, MyProvidersModel
from ui.register.my_providers_page import MyProvidersPage, OwnProviderDialog


def add_jo(qtbot: QtBot, ctx: ProfileContext) -> OwnProviderDialog:
    dialog = OwnProviderDialog(ctx.providers, ctx.undo)
    qtbot.addWidget(dialog)
    dialog.name.setText("Jo Evans")
    dialog.rate.setText("12.60")
    dialog.start.setDate(dialog.start.date().addDays(-30))
    dialog.submit()
    return dialog


def make_page(qtbot: QtBot, ctx: ProfileContext) -> MyProvidersPage:
    page = MyProvidersPage(ctx.providers, ctx.undo)
    qtbot.addWidget(page)
    page.show()
    return page


def test_add_own_pa_and_see_value_for_money(qtbot: QtBot, ctx: ProfileContext,
                                            qtmodeltester: ModelTester) -> None:
    assert add_jo(qtbot, ctx).result() == 1
    ctx.ledger.add_entry(EntryDraft(date.today(), Money(-25200), "Jo Evans", "pa_wages"))
    page = make_page(qtbot, ctx)
    model: MyProvidersModel = page.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, Col.NAME)) == "Jo Evans"
    assert model.data(model.index(0, Col.AGREED_RATE)) == "£12.60"
    assert model.data(model.index(0, Col.PAID)) == "£252.00"
    assert model.data(model.index(0, Col.KIND)) == "Personal assistant"


def test_adding_a_provider_can_be_undone_and_redone(qtbot: QtBot, ctx: ProfileContext) -> None:
    add_jo(qtbot, ctx)
    page = make_page(qtbot, ctx)
    assert page.model.rowCount() == 1
    assert ctx.undo.undo() == "Add provider"
    page.mark_stale()
    assert page.model.rowCount() == 0 and ctx.providers.providers() == []
    assert ctx.undo.redo() == "Add provider"
    page.mark_stale()
    assert page.model.rowCount() == 1
    assert [p.name for p in ctx.providers.providers()] == ["Jo Evans"]


def test_bad_rate_is_explained(qtbot: QtBot, ctx: ProfileContext) -> None:
    dialog = OwnProviderDialog(ctx.providers, ctx.undo)
    qtbot.addWidget(dialog)
    dialog.name.setText("Jo")
    dialog.rate.setText("twelve")
    dialog.submit()
    assert "not an amount" in dialog.error.text() and dialog.result() == 0
    assert ctx.undo.undo_label is None and ctx.providers.providers() == []


def test_every_control_has_a_name(qtbot: QtBot, ctx: ProfileContext,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    dialog = OwnProviderDialog(ctx.providers, ctx.undo)
    qtbot.addWidget(dialog)
    assert unnamed(make_page(qtbot, ctx)) == [] and unnamed(dialog) == []


def test_since_sorts_by_date_not_by_its_words(qtbot: QtBot, ctx: ProfileContext) -> None:
    from PySide6.QtCore import Qt

    from app.domain.chosen_providers import ChosenProviderDraft

    for name, start in (("Ann", date(2024, 12, 1)), ("Bea", date(2024, 2, 1)),
                        ("Cal", date(2023, 11, 1))):
        ctx.providers.add(ChosenProviderDraft(name, start))
    page = make_page(qtbot, ctx)
    page.table.sortByColumn(Col.SINCE, Qt.SortOrder.AscendingOrder)
    proxy = page.table.model()
    assert [proxy.index(row, Col.NAME).data() for row in range(3)] == ["Cal", "Bea", "Ann"]
