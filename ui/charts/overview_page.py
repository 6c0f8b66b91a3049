"""The Overview tab: where the money goes each month, and where the balance is heading
against the council's limit. Reloaded when shown after a change elsewhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.services.charts import ChartsService
from ui.charts.chart_panel import ChartPanel
from ui.charts.overview_charts import balance_chart, ratings_chart, spending_chart
from ui.widgets import ReloadedWhenShown


class OverviewPage(ReloadedWhenShown):
    def __init__(self, charts: ChartsService, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts = charts
        self.today = today
        intro = QLabel(_("Pictures of your money and your outcomes. Each one can be shown "
                         "as a table."))
        intro.setWordWrap(True)
        self.spending = ChartPanel()
        self.balance = ChartPanel()
        self.ratings = ChartPanel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.spending, 1)
        layout.addWidget(self.balance, 1)
        layout.addWidget(self.ratings, 1)

    def refresh(self) -> None:
        today = self.today or date.today()
        self.spending.set_data(spending_chart(self.charts.spending(today)))
        self.balance.set_data(balance_chart(self.charts.balance(today)))
        self.ratings.set_data(ratings_chart(self.charts.ratings(today)))
        super().refresh()
