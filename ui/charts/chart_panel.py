"""One chart on the Overview: its heading, the chart and its key, and a button that shows the
same figures as a table instead (easier with a screen reader or a magnifier)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui import fit
from ui.charts.chart_data import ChartData
from ui.charts.chart_view import ChartView
from ui.charts.figures_model import FiguresModel
from ui.charts.legend import Legend


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.chart = ChartView()
        self.legend = Legend()
        self.model = FiguresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.toggle = QPushButton(_("Show as a &table"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.show_table)
        drawing = QWidget()
        drawn = QVBoxLayout(drawing)
        drawn.setContentsMargins(0, 0, 0, 0)
        drawn.addWidget(self.chart, 1)
        drawn.addWidget(self.legend)
        self.drawing = drawing
        self.table.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.drawing, 1)
        layout.addWidget(self.table, 1)

    def set_data(self, data: ChartData) -> None:
        self.heading.setText(data.title)
        self.chart.set_data(data)
        self.legend.set_data(data)
        self.model.set_data(data)
        self.table.setAccessibleName(_("{chart}: the figures").format(chart=data.title))
        self.toggle.setAccessibleName(_("Show {chart} as a table").format(chart=data.title))
        fit.size_columns(self.table)

    def show_table(self, on: bool) -> None:
        self.drawing.setVisible(not on)
        self.table.setVisible(on)
        if on:
            fit.keep_rows(self.table, self.model.rowCount())
