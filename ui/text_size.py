"""Larger and smaller text for the whole application, remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

STEPS = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
_SCALE_PROPERTY = "relative_font_scale"


def emphasise(widget: QWidget, factor: float, bold: bool = True) -> None:
    """Make a widget's text `factor` times the application's, following later size changes."""
    widget.setProperty(_SCALE_PROPERTY, factor)
    _apply_relative(widget, QApplication.font(), bold)


def _apply_relative(widget: QWidget, base: QFont, bold: bool | None = None) -> None:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * float(widget.property(_SCALE_PROPERTY)))
    font.setBold(True if bold is None else bold)
    widget.setFont(font)


class TextSize:
    def __init__(self, app: QApplication, settings: QSettings | None = None) -> None:
        self.app = app
        from ui import fit  # noqa: PLC0415 - fit reads the scale this sets

        fit.install()  # every dialog and table fits the screen at any text size
        self.base_point_size = app.font().pointSizeF()
        self.settings = settings
        try:
            saved = float(str(settings.value("text_scale", 1.0))) if settings else 1.0
        except ValueError:
            saved = 1.0
        self.scale = min(max(saved, STEPS[0]), STEPS[-1])
        self.apply(self.scale)

    def apply_percent(self, percent: int) -> None:
        """`careledger --text-size PERCENT` (100 to 250): used now and remembered."""
        self.apply(min(max(percent / 100, STEPS[0]), STEPS[-1]))

    def apply(self, scale: float) -> None:
        self.scale = scale
        font = self.app.font()
        font.setPointSizeF(self.base_point_size * scale)
        self.app.setProperty("text_scale", scale)  # read by ui.fit (forms, dialogs)
        self.app.setFont(font)
        # Widgets that set their own font, or are styled by a style sheet (warnings, banners;
        # the profile's tabs, whose tab bar has one), do not follow the application's, nor do
        # their children: update them.
        for widget in QApplication.allWidgets():
            if widget.property(_SCALE_PROPERTY) is not None:
                _apply_relative(widget, font, widget.font().bold())
            elif widget.styleSheet() or widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):
                own = QFont(font)
                own.setBold(widget.font().bold())
                widget.setFont(own)
        if self.settings is not None:
            self.settings.setValue("text_scale", scale)

    def larger(self) -> None:
        bigger = [s for s in STEPS if s > self.scale]
        if bigger:
            self.apply(bigger[0])

    def smaller(self) -> None:
        smaller = [s for s in STEPS if s < self.scale]
        if smaller:
            self.apply(smaller[-1])

    def reset(self) -> None:
        self.apply(1.0)
