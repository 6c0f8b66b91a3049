"""At a glance: balance today, money in and out this period, weeks held against the limit."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from app.i18n import _, format_date, format_money, format_number
from app.services.summary import Summary
from ui.accessibility import named
from ui.text_size import emphasise
from ui.widgets import WARNING_STYLE


class SummaryPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.balance = self._figure(_("Balance today"))
        self.money_in = self._figure(_("Money in this period"))
        self.money_out = self._figure(_("Money out this period"))
        self.weeks = self._figure(_("Weeks of money held"))
        self.status = named(QLabel(), _("Weeks held status"))
        self.status.setWordWrap(True)
        self.period = QLabel()
        self.period.setWordWrap(True)

        grid = QGridLayout(self)
        grid.setHorizontalSpacing(32)
        for column, (caption, value) in enumerate(
            ((_("Balance today"), self.balance), (_("Money in this period"), self.money_in),
             (_("Money out this period"), self.money_out), (_("Weeks held"), self.weeks))
        ):
            grid.addWidget(QLabel(caption), 0, column)
            grid.addWidget(value, 1, column)
        grid.addWidget(self.period, 2, 0, 1, 4)
        grid.addWidget(self.status, 3, 0, 1, 4)

    def _figure(self, name: str) -> QLabel:
        label = named(QLabel("–"), name)
        emphasise(label, 1.4)
        return label

    def show_summary(self, summary: Summary) -> None:
        self.balance.setText(format_money(summary.balance.pence))
        self.money_in.setText(format_money(summary.money_in.pence))
        self.money_out.setText(format_money(summary.money_out.pence))
        self.period.setText(_("This period: {start} to {end}").format(
            start=format_date(summary.period.start), end=format_date(summary.period.end)))
        if summary.weeks_held is None:
            self.weeks.setText("–")
            self.status.setText(_("Add your weekly budget to see how many weeks you hold."))
            return
        self.weeks.setText(format_number(summary.weeks_held))
        self.status.setText(status_text(summary))
        self.status.setStyleSheet(WARNING_STYLE if status_is_warning(summary) else "")
        self.weeks.setAccessibleDescription(self.status.text())


def status_is_warning(summary: Summary) -> bool:
    p = summary.position
    return p.over_limit or p.balance.pence < 0 or p.below_minimum


def status_text(summary: Summary) -> str:
    """The words under the figures: over the limit, overdrawn, below the minimum, or fine.
    The figures are the policy's (after the contingency and what is still owed)."""
    p = summary.position
    allowed = p.allowed_weeks
    if p.over_limit:
        return _("⚠ More than the {limit} weeks the council allows. About {surplus} may be "
                 "taken back. Talk to your council about it.").format(
            limit=allowed, surplus=format_money(p.surplus.pence))
    if p.balance.pence < 0:
        return _("⚠ The account is overdrawn. Tell your council.")
    if p.below_minimum:
        return _("⚠ Below the {weeks} weeks ({minimum}) the council expects you to keep.").format(
            weeks=p.minimum_weeks, minimum=format_money(p.minimum.pence))
    if p.weeks_limit is None:
        return _("Your council publishes no weeks limit.")
    return _("Within the {limit} weeks the council allows.").format(limit=allowed)

