"""The history model: Qt's checks, plain words, and a long trail a page at a time."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from app.services.context import ProfileContext
from ui.security.history_model import SORT_ROLE, Col, HistoryModel


def test_history_model_passes_qt_model_checks(qtmodeltester: ModelTester,
                                              history_ctx: ProfileContext) -> None:
    model = HistoryModel()
    model.set_events(history_ctx.history.events())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(1, Col.NUMBER), SORT_ROLE) == 2
    assert model.data(model.index(1, Col.WHAT)).startswith("Added the entry")


def test_history_model_fetches_a_page_at_a_time(qtmodeltester: ModelTester,
                                                history_ctx: ProfileContext) -> None:
    model = HistoryModel(loader=history_ctx.history.page, page_size=2)
    model.reload()
    assert [model.data(model.index(r, Col.NUMBER)) for r in range(model.rowCount())] == ["3", "2"]
    assert model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 3
