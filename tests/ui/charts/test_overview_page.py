"""The Overview's charts in a real window: the table holds the figures the chart draws, the
chart speaks its figures in words, colour is never the only cue, and it all fits the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.i18n import format_money
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY
from ui.charts import style
from ui.charts.chart_panel import ChartPanel
from ui.charts.overview_page import OverviewPage
from ui.text_size import TextSize


@pytest.fixture
def page(qtbot: QtBot, demo_ctx: ProfileContext) -> Iterator[OverviewPage]:
    shown = OverviewPage(demo_ctx.charts, today=DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1300, 1400)
    shown.show()
    yield shown


def _column(panel: ChartPanel, heading: str) -> list[str]:
    model = panel.model
    column = model.headings().index(heading)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_table_holds_the_figures_of_the_ledger(page: OverviewPage,
                                                   demo_ctx: ProfileContext) -> None:
    found = demo_ctx.charts.spending(DEMO_TODAY).spending
    panel = page.spending
    assert panel.model.rowCount() == len(found.months) == 12
    totals = [panel.model.figure(row, panel.model.columnCount() - 1)
              for row in range(panel.model.rowCount())]
    assert totals == [found.of_month(i).pence for i in range(12)]
    pa_wages = found.categories.index("pa_wages")
    assert _column(panel, "PA wages") == [
        format_money(p).removesuffix(".00") if p % 100 == 0 else format_money(p)
        for p in found.pence[pa_wages]]


def test_the_models_are_sound(page: OverviewPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.spending.model)
    qtmodeltester.check(page.balance.model)


def test_each_chart_says_its_figures_in_words(page: OverviewPage) -> None:
    chart = page.spending.chart
    assert chart.accessibleName() == "Money out each month"
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    total = page.spending.model.figure(11, page.spending.model.columnCount() - 1)
    assert total is not None and format_money(total) in chart.accessibleDescription()
    balance = page.balance.chart.accessibleDescription()
    assert "forecast" in balance and "limit" in balance


def test_the_balance_chart_draws_the_forecast_and_the_limit(page: OverviewPage) -> None:
    names = page.balance.model.headings()
    assert names == ["Day", "Balance", "Forecast", "Council's limit"]


def test_the_table_is_shown_instead_of_the_chart(page: OverviewPage, qtbot: QtBot) -> None:
    panel = page.balance
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.table.isVisible() and not panel.chart.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.chart.isVisible() and not panel.table.isVisible()


def test_colours_are_okabe_ito_and_each_series_has_its_own_pattern_and_marker() -> None:
    assert style.colour(0) == QColor("#0072B2")
    count = len(style.OKABE_ITO)
    assert len(set(style.PATTERNS[:count])) == count
    assert len(set(style.MARKERS[:count])) == count
    assert len({(style.LINES[i], style.MARKERS[i]) for i in range(count)}) == count


def test_the_chart_grows_with_the_text(page: OverviewPage, qapp: QApplication,
                                       qtbot: QtBot) -> None:
    base = qapp.font()
    small = page.spending.chart.sizeHint()
    try:
        TextSize(qapp).apply(2.5)
        qtbot.waitUntil(lambda: page.spending.chart.sizeHint().height() > small.height() * 2)
    finally:
        qapp.setFont(base)


def test_the_chart_is_drawn(page: OverviewPage) -> None:
    image = page.spending.chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    assert "#0072b2" in colours  # the PA wages bars


def test_the_outcomes_chart_shows_each_outcome_in_its_own_words(page: OverviewPage) -> None:
    model = page.ratings.model
    assert model.headings()[0] == "Month" and len(model.headings()) == 6
    assert "Go to the community garden with Sam on Tuesdays" in model.headings()
    cells = {model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(1, model.columnCount())}
    assert "4 – Yes, as I want it" in cells
    assert "from 1 (not happening yet) to 4" in page.ratings.chart.accessibleDescription()
