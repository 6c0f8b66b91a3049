"""The Outcomes tab: the support plan's outcomes in the person's words, a check-in in a few
key presses (select an outcome, press 1 to 4, or R for the full check-in), each outcome's
ratings as a table, and each provider's value beside the outcomes it served."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.funding import Period
from app.i18n import _, format_money
from app.outcomes.areas import areas_for
from app.outcomes.model import RatedBy, score_words
from app.outcomes.report import OutcomeReport
from app.services.context import ProfileContext
from app.statements.outcomes_text import area_text, deliverer_text
from ui.accessibility import named
from ui.flow_layout import FlowLayout
from ui.models.rows_model import sorted_view
from ui.outcomes.open_data_dialog import OpenDataDialog
from ui.outcomes.outcome_dialogs import OutcomeDialog, RatingDialog
from ui.outcomes.outcomes_models import (
    OutcomeCol,
    OutcomesModel,
    ProvidersModel,
    RatingCol,
    RatingsModel,
)
from ui.widgets import ReloadedWhenShown, message_label


class OutcomesPage(ReloadedWhenShown):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.model, self.ratings, self.providers = OutcomesModel(), RatingsModel(), ProvidersModel()
        self._build()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(_("What you want from your support, in your own words. Select an "
                         "outcome and press 1, 2, 3 or 4 to say how it is going today "
                         "(1 not happening yet, 4 yes, as I want it), or R for a check-in "
                         "with a date and a note."))
        intro.setWordWrap(True)
        self.table = sorted_view(self.model, _("Outcomes"), OutcomeCol.OUTCOME, self)
        self._rows(self.table)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _i: self.change())
        buttons = FlowLayout()  # wraps at large text instead of widening the page
        self.add_button = self._button(_("&Add outcome…"), self.add, buttons)
        self.change_button = self._button(_("C&hange…"), self.change, buttons)
        self.rate_button = self._button(_("&Rate…"), self.rate, buttons)
        self.remove_button = self._button(_("Re&move"), self.remove, buttons)
        self.share_button = self._button(_("&Share open data…"), self.share, buttons)
        self.message = message_label()
        self.details = named(QLabel(), _("About the selected outcome"))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        # Reached by Tab, so that a screen reader reads it (the AT-SPI walk found it skipped).
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ratings_table = sorted_view(self.ratings, _("Ratings of the selected outcome"),
                                         RatingCol.DATE, self)
        self._rows(self.ratings_table)
        self.providers_table = named(QTableView(), _("Providers: value and outcomes"))
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.providers)
        self.providers_table.setModel(proxy)
        self._rows(self.providers_table)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.details)
        for text, table in ((_("Ratings over time (the trend):"), self.ratings_table),
                            (_("Your providers in the last 12 months: hours, reliability, "
                               "cost an hour and the outcomes they served:"),
                             self.providers_table)):
            heading = QLabel(text)
            heading.setWordWrap(True)  # at large text it wraps instead of widening the page
            below.addWidget(heading)
            below.addWidget(table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def _rows(self, table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        named(table.horizontalHeader(), _("Column headings"))

    def _button(self, text: str, slot: Callable[[], object], row: FlowLayout) -> QPushButton:
        button = named(QPushButton(text), text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # --- showing -------------------------------------------------------------------------



    def refresh(self, select: int | None = None) -> None:
        chosen = select if select is not None else self.selected_id()
        year = Period(self.today - timedelta(days=364), self.today)
        self.model.set_rows(list(self.ctx.outcomes.summary(year).reports))
        self.providers.set_rows(self.ctx.open_data.provider_values(year))
        for col in (OutcomeCol.OUTCOME, OutcomeCol.LATEST, OutcomeCol.TREND, OutcomeCol.SPENT):
            self.table.resizeColumnToContents(col)
        self.providers_table.resizeColumnsToContents()
        super().refresh()
        self._select(chosen)

    def _select(self, outcome_id: int | None) -> None:
        proxy = self.table.model()
        rows = [r for r in range(proxy.rowCount())
                if self._report_at(proxy.index(r, 0)).outcome.id == outcome_id]
        row = rows[0] if rows else (0 if proxy.rowCount() else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(proxy.index(row, 0))
        self._show_selected()

    def _report_at(self, index: QModelIndex) -> OutcomeReport:
        proxy = self.table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        return self.model.row_at(proxy.mapToSource(index).row())

    def selected(self) -> OutcomeReport | None:
        index = self.table.currentIndex()
        return self._report_at(index) if index.isValid() else None

    def selected_id(self) -> int | None:
        report = self.selected()
        return report.outcome.id if report else None

    def _show_selected(self, *_args: object) -> None:
        report = self.selected()
        for button in (self.change_button, self.rate_button, self.remove_button):
            button.setEnabled(report is not None and not self.ctx.read_only)
        self.add_button.setEnabled(not self.ctx.read_only)
        if report is None:
            self.details.setText(_("No outcomes yet. Press Add outcome to write the first "
                                   "one."))
            self.ratings.set_rows([])
            return
        o = report.outcome
        people = "; ".join(deliverer_text(d) for d in report.deliverers) or _("nobody yet")
        self.details.setText("\n".join([
            o.text, _("Area: {area}").format(area=area_text(o.area_code)),
            _("Paid for by: {lines}").format(lines="; ".join(report.plan_lines) or _("None")),
            _("Trend: {trend}").format(trend=o.trend.words()),
            _("Spent in the last 12 months: {amount}. Delivered by: {people}").format(
                amount=format_money(report.spent.pence), people=people)]))
        self.ratings.set_rows(list(o.ratings))
        self.ratings_table.resizeColumnsToContents()

    # --- changing ------------------------------------------------------------------------

    def _nation(self) -> str:
        return self.ctx.outcomes.nation()

    def _run(self, label: str, work: Callable[[], object]) -> bool:
        try:
            self.ctx.undo.run(label, work)
        except DomainError as error:
            self._say(str(error))
            return False
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def add(self) -> None:
        dialog = OutcomeDialog(areas_for(self._nation()), self.ctx.plan.lines(), parent=self)
        made: list[int] = []
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                made.append(self.ctx.undo.run(_("Add outcome"), lambda: self.ctx.outcomes.add(
                    dialog.draft(), self.today)).id)
                break
            except DomainError as error:
                dialog.show_problem(str(error))
        if made:
            self._say("")
            self.refresh(made[0])

    def change(self) -> None:
        report = self.selected()
        if report is None:
            return
        dialog = OutcomeDialog(areas_for(self._nation()), self.ctx.plan.lines(),
                               report.outcome, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.ctx.undo.run(_("Change outcome"), lambda: self.ctx.outcomes.change(
                    report.outcome.id, dialog.draft()))
                self.refresh(report.outcome.id)
                return
            except DomainError as error:
                dialog.show_problem(str(error))

    def rate(self) -> None:
        report = self.selected()
        if report is None:
            return
        dialog = RatingDialog(report.outcome, self.today, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self._rate_as(report.outcome.id, *dialog.choice())
                self.refresh(report.outcome.id)
                return
            except DomainError as error:
                dialog.show_problem(str(error))

    def _rate_as(self, outcome_id: int, score: int, on: date, by: RatedBy, note: str) -> None:
        self.ctx.undo.run(_("Rate outcome"), lambda: self.ctx.outcomes.rate(
            outcome_id, score, on, by, note, self.today))

    def quick_rate(self, score: int) -> None:
        """Rated today, by the person: one key press."""
        report = self.selected()
        if report is None or self.ctx.read_only:
            return
        if self._run(_("Rate outcome"), lambda: self.ctx.outcomes.rate(
                report.outcome.id, score, self.today, RatedBy.PERSON, "", self.today)):
            self._say(_("Rated “{text}”: {score} – {words}.").format(
                text=report.outcome.text, score=score, words=score_words(score)))
            self.refresh(report.outcome.id)

    def remove(self) -> None:
        report = self.selected()
        if report is None or self.ctx.read_only:
            return
        if self._run(_("Remove outcome"), lambda: self.ctx.outcomes.remove(report.outcome.id)):
            self._say(_("Removed “{text}” and its ratings. Ctrl+Z puts it back.").format(
                text=report.outcome.text))
            self.refresh()

    def share(self) -> None:
        """Show what open data would leave, and save it only when the person says so."""
        dialog = OpenDataDialog(self.ctx.open_data, self.today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written:
            self._say(_("Saved the open data to {folder}.").format(
                folder=dialog.written[0].parent))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.text() in ("1", "2", "3", "4"):
                self.quick_rate(int(event.text()))
                return True
            if event.text().casefold() == "r":
                self.rate()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.change()
                return True
        return super().eventFilter(watched, event)
