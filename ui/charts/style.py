"""Colours, fill patterns, line styles and markers: the Okabe-Ito palette, safe for colour-
blind people, and a pattern or a marker for each series so colour is never the only cue."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

# Okabe & Ito (2008), "Color Universal Design"; yellow is left out: too pale on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
PATTERNS = (Qt.BrushStyle.NoBrush, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern,
            Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.HorPattern, Qt.BrushStyle.DiagCrossPattern,
            Qt.BrushStyle.VerPattern)
LINES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
         Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine, Qt.PenStyle.SolidLine,
         Qt.PenStyle.DashLine)
MARKERS = ("circle", "triangle", "square", "diamond", "cross", "star", "plus")


def colour(index: int) -> QColor:
    return QColor(OKABE_ITO[index % len(OKABE_ITO)])


def fill_box(painter: QPainter, box: QRectF, index: int) -> None:
    """A bar or a legend swatch: the series' colour with its pattern drawn over in white
    and a dark edge, so neighbours differ without colour."""
    painter.fillRect(box, colour(index))
    pattern = PATTERNS[index % len(PATTERNS)]
    if pattern is not Qt.BrushStyle.NoBrush:
        painter.fillRect(box, QBrush(QColor("white"), pattern))
    painter.setPen(QPen(QColor("#222222"), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)


def line_pen(index: int, width: float) -> QPen:
    pen = QPen(colour(index), width, LINES[index % len(LINES)])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def draw_marker(painter: QPainter, centre: QPointF, size: float, index: int) -> None:
    """The series' marker shape, filled with its colour and edged in black."""
    shape = MARKERS[index % len(MARKERS)]
    r = size / 2
    x, y = centre.x(), centre.y()
    painter.setPen(QPen(QColor("black"), max(1.0, size / 8)))
    painter.setBrush(colour(index))
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r, y - r, size, size))
    elif shape in ("triangle", "diamond", "star"):
        points = {"triangle": ((0, -r), (r, r), (-r, r)),
                  "diamond": ((0, -r), (r, 0), (0, r), (-r, 0)),
                  "star": ((0, -r), (r / 3, -r / 3), (r, 0), (r / 3, r / 3), (0, r),
                           (-r / 3, r / 3), (-r, 0), (-r / 3, -r / 3))}[shape]
        painter.drawPolygon(QPolygonF([QPointF(x + dx, y + dy) for dx, dy in points]))
    else:  # cross or plus: strokes in the series' colour over a black edge
        strokes = (((-r, -r), (r, r)), ((-r, r), (r, -r))) if shape == "cross" else \
            (((-r, 0), (r, 0)), ((0, -r), (0, r)))
        for colour_pen in (QPen(QColor("black"), size / 3), QPen(colour(index), size / 5)):
            painter.setPen(colour_pen)
            for (ax, ay), (bx, by) in strokes:
                painter.drawLine(QPointF(x + ax, y + ay), QPointF(x + bx, y + by))
