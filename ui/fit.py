"""Everything on the screen at any text size: one watcher for the whole application.

Installed once on the QApplication, it sees every dialog and table as it is shown (and
again when the text size changes), so a page or dialog added later is looked after too:
- a dialog is sized to what its wrapped text needs at the width it gets, never beyond the
  screen; when it cannot fit, its contents scroll and its buttons stay in view;
- forms put each label above its field at large text, so long (Welsh) labels and values
  keep the whole width;
- a table's columns are never narrower than their headings and grow with the text;
- a drop-down list is as wide as its longest choice (up to the screen), so long category
  names are read whole.
Pages of the main window scroll (page_scroll) rather than push the window off the screen.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLayout,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import access_keys

# At this text scale and above, form labels go above their fields.
LABELS_ABOVE_FROM = 1.75
_FONT_SIZE = "fit_font_size"  # the point size a table's columns were last sized for
_WRAPPED = "fit_wrapped"


def text_scale() -> float:
    app = QApplication.instance()
    value = app.property("text_scale") if app is not None else None
    return float(value) if value else 1.0


def available_size(widget: QWidget) -> tuple[int, int]:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.width(), area.height()


# --- dialogs -----------------------------------------------------------------------------------


def fit_dialog(dialog: QDialog, grow_only: bool = False) -> None:
    """Size `dialog` to its contents within the screen; scroll its contents if they
    cannot fit."""
    layout = dialog.layout()
    if layout is None:
        return
    arrange_forms(dialog)
    screen_w, screen_h = available_size(dialog)
    layout.activate()
    wanted = max(layout.totalSizeHint().width(), layout.totalMinimumSize().width())
    if _needs_scrolling(dialog, layout, screen_w, screen_h):
        scroll_contents(dialog, layout)
        layout = dialog.layout() or layout
        layout.activate()
        wanted += dialog.style().pixelMetric(dialog.style().PixelMetric.PM_ScrollBarExtent) + 4
    elif dialog.property(_WRAPPED):
        inner = dialog.findChild(QWidget, "fit_inner")
        if inner is not None:
            wanted = max(inner.sizeHint().width(), inner.minimumSizeHint().width()) + \
                dialog.style().pixelMetric(dialog.style().PixelMetric.PM_ScrollBarExtent) + 4
    hint, least = dialog.sizeHint(), dialog.minimumSizeHint()
    width = min(max(hint.width(), least.width(), wanted), screen_w)
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else hint.height()
    height = min(max(height, least.height()), screen_h)
    dialog.setMaximumSize(screen_w, screen_h)
    if grow_only and width <= dialog.width() and height <= dialog.height():
        return
    if grow_only:
        width, height = max(width, dialog.width()), max(height, dialog.height())
    dialog.resize(width, height)
    dialog.setProperty("fit_done", 1)
    _centre(dialog, screen_w, screen_h)


def refit_later(dialog: QDialog) -> None:
    """Once the events in hand are done: grow `dialog` to what it now shows (a message that
    appeared, a longer text), never cutting it off."""
    if dialog.property("fit_pending"):
        return
    dialog.setProperty("fit_pending", 1)

    def refit() -> None:
        if not shiboken6.isValid(dialog):
            return
        dialog.setProperty("fit_pending", 0)
        if dialog.isVisible():
            fit_dialog(dialog, grow_only=True)

    QTimer.singleShot(0, refit)


def _needs_scrolling(dialog: QDialog, layout: QLayout, screen_w: int, screen_h: int) -> bool:
    if dialog.property(_WRAPPED):
        return False
    least = layout.totalMinimumSize()
    width = min(max(layout.totalSizeHint().width(), least.width()), screen_w)
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    return least.width() > screen_w or max(least.height(), height) > screen_h


def scroll_contents(dialog: QDialog, old: QLayout) -> None:
    """Move the dialog's layout into a scroll area; its OK / Cancel row stays below it."""
    inner = QWidget()
    inner.setObjectName("fit_inner")
    children = [w for w in dialog.findChildren(
        QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if not w.isWindow()]
    hidden = {id(w) for w in children if w.isHidden()}
    inner.setLayout(old)
    for child in children:
        child.setParent(inner)
        if id(child) not in hidden:
            child.show()
    items = [old.itemAt(i) for i in range(old.count())]
    buttons = [w for w in (item.widget() for item in items if item is not None)
               if isinstance(w, QDialogButtonBox)]
    for box in buttons:
        old.removeWidget(box)
    scroll = QScrollArea()
    scroll.setObjectName("fit_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    scroll.setAccessibleName(dialog.windowTitle())
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    for box in buttons:
        box.setParent(dialog)
        box.setContentsMargins(9, 0, 9, 9)
        outer.addWidget(box)
        box.show()
    dialog.setProperty(_WRAPPED, 1)


def _centre(window: QWidget, screen_w: int, screen_h: int) -> None:
    parent = window.parentWidget()
    anchor = parent.window().frameGeometry().center() if parent is not None else None
    if anchor is None:
        anchor = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry().center()
    x = min(max(anchor.x() - window.width() // 2, 0), max(screen_w - window.width(), 0))
    y = min(max(anchor.y() - window.height() // 2, 0), max(screen_h - window.height(), 0))
    window.move(x, y)


def arrange_forms(root: QWidget) -> None:
    """Labels above fields at large text; beside them (wrapping when long) otherwise."""
    policy = (QFormLayout.RowWrapPolicy.WrapAllRows if text_scale() >= LABELS_ABOVE_FROM
              else QFormLayout.RowWrapPolicy.WrapLongRows)
    for form in root.findChildren(QFormLayout):
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
    own = root.layout()
    if isinstance(own, QFormLayout) and own.rowWrapPolicy() != policy:
        own.setRowWrapPolicy(policy)


# --- tables and lists ----------------------------------------------------------------------------


def fit_columns(table: QTableView) -> None:
    """Grow the columns with the text size (once per size), and never below the heading."""
    header = table.horizontalHeader()
    size = table.font().pointSizeF()
    before = table.property(_FONT_SIZE)
    if before and float(before) > 0 and abs(float(before) - size) > 0.01:
        ratio = size / float(before)
        stretched = _stretched_section(header)
        for column in range(header.count()):
            # A stretched last column fills what is left: grown too, it ran off the side
            # (a table 1,690 px wide in a 1,076 px view at 250%).
            if column != stretched and \
                    header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                header.resizeSection(column, round(header.sectionSize(column) * ratio))
    table.setProperty(_FONT_SIZE, size)
    heading_widths(table)


def _stretched_section(header: QHeaderView) -> int | None:
    """The column that stretchLastSection stretches: the last one shown, in visual order."""
    if not header.stretchLastSection():
        return None
    for visual in reversed(range(header.count())):
        column = header.logicalIndex(visual)
        if not header.isSectionHidden(column):
            return column
    return None


def heading_widths(table: QTableView) -> None:
    header = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    pad = metrics.averageCharWidth() * 2 + header.style().pixelMetric(
        header.style().PixelMetric.PM_HeaderMargin) * 2
    for column in range(header.count()):
        if header.isSectionHidden(column) or \
                header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(title) + pad
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


def size_columns(table: QTableView) -> None:
    """Columns as wide as what they hold, and never narrower than their headings."""
    table.resizeColumnsToContents()
    heading_widths(table)


def keep_rows(table: QTableView, rows: int) -> None:
    """At least `rows` rows stay in view (the page scrolls instead), at any text size."""
    table.setProperty("fit_rows", rows)
    _show_rows(table)


def _show_rows(table: QTableView) -> None:
    rows = table.property("fit_rows")
    if rows:
        line = table.fontMetrics().height() + 8
        table.setMinimumHeight(line * (int(rows) + 1) + 4)


def stack_when_large(splitter: QSplitter) -> QSplitter:
    """Side by side at normal text; one above the other at large text (checked again
    whenever the text size changes)."""
    splitter.setProperty("fit_stack", 1)
    _orient(splitter)
    return splitter


def _orient(splitter: QSplitter) -> None:
    large = text_scale() >= LABELS_ABOVE_FROM
    wanted = Qt.Orientation.Vertical if large else Qt.Orientation.Horizontal
    if splitter.orientation() != wanted:
        splitter.setOrientation(wanted)


def fit_combo(combo: QComboBox) -> None:
    """The list that drops down shows each choice whole (up to the screen's width)."""
    view = combo.view()
    widest = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8
    view.setMinimumWidth(min(widest, available_size(combo)[0] - 20))


def _watch_table(table: QTableView) -> None:
    if table.property("fit_watched"):
        return
    table.setProperty("fit_watched", 1)
    # Tab moves on to the next control and arrows move between cells: a table never keeps
    # the keyboard (found by the AT-SPI walk, tests/ui/test_atspi.py).
    table.setTabKeyNavigation(False)
    model = table.model()
    if model is not None:
        model.modelReset.connect(lambda: heading_widths(table))
        model.headerDataChanged.connect(lambda *_a: heading_widths(table))


class ScreenFitter(QObject):
    """The application-wide watcher (install once with install())."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show:
            if isinstance(watched, QDialog) and watched.isWindow():
                if not watched.property("keys_settled"):
                    access_keys.settle(watched)  # one access key, one place (any language)
                    watched.setProperty("keys_settled", 1)
                fit_dialog(watched)
            elif isinstance(watched, QTableView):
                _watch_table(watched)
                fit_columns(watched)
            elif isinstance(watched, QComboBox):
                fit_combo(watched)
        elif kind == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            window = watched.window()
            if isinstance(window, QDialog) and window.property("fit_done") and \
                    window.isVisible():
                refit_later(window)  # e.g. an error message now shown
        elif kind == QEvent.Type.FontChange:
            if isinstance(watched, QTableView):
                _show_rows(watched)
                if watched.isVisible():
                    fit_columns(watched)
            elif isinstance(watched, QSplitter) and watched.property("fit_stack"):
                _orient(watched)
            elif isinstance(watched, QDialog) and watched.isWindow() and watched.isVisible():
                fit_dialog(watched)
        return False


_fitter: ScreenFitter | None = None


def install() -> None:
    """Start watching (idempotent)."""
    global _fitter
    app = QApplication.instance()
    if _fitter is None and app is not None:
        _fitter = ScreenFitter(app)
        app.installEventFilter(_fitter)


def page_scroll(page: QWidget) -> QScrollArea:
    """A page of the window in a scroll area: tall pages scroll at large text."""
    scroll = QScrollArea()
    scroll.setObjectName("page_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    scroll.setWidget(page)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll
