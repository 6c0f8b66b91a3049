"""The key under a chart: each series' swatch (colour and pattern, or line and marker) and
its name, wrapping onto more lines at large text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.charts import style
from ui.charts.chart_data import ChartData, Kind
from ui.flow_layout import FlowLayout


class Swatch(QWidget):
    def __init__(self, index: int, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index, self.kind = index, kind

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 2, line)

    minimumSizeHint = sizeHint  # noqa: N815 - Qt override

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self.height()
        if self.kind is Kind.STACKED_BARS:
            style.fill_box(painter, QRectF(2, 2, self.width() - 4, h - 4), self.index)
        else:
            painter.setPen(style.line_pen(self.index, max(2.0, h / 8)))
            painter.drawLine(QPointF(0, h / 2), QPointF(self.width(), h / 2))
            style.draw_marker(painter, QPointF(self.width() / 2, h / 2), h * 0.55, self.index)
        painter.end()


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(0, 0, 0, 0)

    def set_data(self, data: ChartData) -> None:
        while (item := self.flow.takeAt(0)) is not None:
            if (old := item.widget()) is not None:
                old.deleteLater()
        for index, series in enumerate(data.series):
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(Swatch(index, data.kind))
            row.addWidget(QLabel(series.name))
            self.flow.addWidget(entry)
