"""A chart drawn with QPainter in the widget's own font, so it grows with the text size.

Stacked bars (money out by category) or lines with markers (balance, forecast, limit,
ratings). It takes the keyboard focus so a screen reader reads its name and its figures in
words (the accessible description); the table beside it holds the same figures.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

from ui.charts import style
from ui.charts.chart_data import ChartData, Kind

TICKS = 5  # about this many lines across the value axis


def nice_step(span: float, ticks: int = TICKS) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` steps over span."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setBackgroundRole(self.backgroundRole().Base)
        self.setAutoFillBackground(True)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        self.setAccessibleDescription(data.description)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 30, line * 14)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 12, line * 10)

    # --- geometry ------------------------------------------------------------------------

    def _range(self) -> tuple[float, float, float]:
        assert self.data is not None
        data = self.data
        if data.kind is Kind.STACKED_BARS:
            figures = [data.total(i) for i in range(len(data.columns))]
        else:
            figures = [v for s in data.series for v in s.values if v is not None]
        low = data.low if data.low is not None else min([0, *figures])
        high = data.high if data.high is not None else max([0, *figures])
        if data.low is not None and data.high is not None:
            return low, high, 1.0
        step = nice_step(high - low)
        return math.floor(low / step) * step, math.ceil(high / step) * step or step, step

    def _plot_area(self, low: float, high: float, step: float) -> QRectF:
        assert self.data is not None
        metrics = self.fontMetrics()
        ticks = self._ticks(low, high, step)
        left = max(metrics.horizontalAdvance(self.data.axis_label(int(t))) for t in ticks)
        line = metrics.height()
        return QRectF(left + line, line, self.width() - left - 2 * line,
                      self.height() - 3 * line)

    @staticmethod
    def _ticks(low: float, high: float, step: float) -> list[float]:
        count = int(round((high - low) / step))
        return [low + n * step for n in range(count + 1)]

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.data is None or not self.data.columns:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        low, high, step = self._range()
        area = self._plot_area(low, high, step)

        def y_of(value: float) -> float:
            return area.bottom() - (value - low) / ((high - low) or 1) * area.height()

        self._draw_axes(painter, area, low, high, step, y_of)
        if self.data.kind is Kind.STACKED_BARS:
            self._draw_bars(painter, area, y_of)
        else:
            self._draw_lines(painter, area, y_of)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option,
                                       painter, self)
        painter.end()

    def _draw_axes(self, painter: QPainter, area: QRectF, low: float, high: float,
                   step: float, y_of: object) -> None:
        assert self.data is not None and callable(y_of)
        metrics = self.fontMetrics()
        text = self.palette().text().color()
        for tick in self._ticks(low, high, step):
            y = y_of(tick)
            painter.setPen(QPen(QColor("#BBBBBB") if tick else text, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            label = self.data.axis_label(int(tick))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - metrics.height() / 2, area.left() - metrics.height() / 3,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        columns = self.data.columns
        width = area.width() / len(columns)
        widest = max(metrics.horizontalAdvance(c) for c in columns) + metrics.height() / 2
        every = max(1, math.ceil(widest / width))  # leave labels out rather than overlap
        for index, name in enumerate(columns):
            if (len(columns) - 1 - index) % every:
                continue  # the newest column is always labelled
            centre = area.left() + width * (index + 0.5)
            left = min(max(centre - widest / 2, 0), self.width() - widest)  # never cut off
            painter.drawText(QRectF(left, area.bottom() + metrics.height() / 4,
                                    widest, metrics.height() * 1.5),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)

    def _draw_bars(self, painter: QPainter, area: QRectF, y_of: object) -> None:
        assert self.data is not None and callable(y_of)
        width = area.width() / len(self.data.columns)
        for column in range(len(self.data.columns)):
            base = 0.0
            left = area.left() + width * (column + 0.2)
            for index, series in enumerate(self.data.series):
                value = series.values[column] or 0
                if value <= 0:
                    continue
                top, bottom = y_of(base + value), y_of(base)
                style.fill_box(painter, QRectF(left, top, width * 0.6, bottom - top), index)
                base += value

    def _draw_lines(self, painter: QPainter, area: QRectF, y_of: object) -> None:
        assert self.data is not None and callable(y_of)
        width = area.width() / len(self.data.columns)
        size = self.fontMetrics().height() * 0.55
        count = len(self.data.series)
        for index, series in enumerate(self.data.series):
            shift = (index - (count - 1) / 2) * size * 0.6 if self.data.dodge else 0.0
            points = [None if v is None else
                      QPointF(area.left() + width * (c + 0.5) + shift, y_of(v))
                      for c, v in enumerate(series.values)]
            painter.setPen(style.line_pen(index, max(2.0, size / 4)))
            drawn = [p for p in points if p is not None] if self.data.join_gaps else points
            for start, end in zip(drawn, drawn[1:], strict=False):
                if start is not None and end is not None:
                    painter.drawLine(start, end)
            for point in points:
                if point is not None:
                    style.draw_marker(painter, point, size, index)
