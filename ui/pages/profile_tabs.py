"""The pages of one unlocked profile, as tabs: money, care received, providers, history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QScrollArea, QTabWidget, QToolButton, QWidget

from app.domain.funding import Period
from app.i18n import _
from app.services.context import ProfileContext
from ui.accessibility import named
from ui.bank.services_page import ServicesPage
from ui.charts.overview_page import OverviewPage
from ui.employer.pa_page import PAPage
from ui.fit import page_scroll
from ui.outcomes.outcomes_page import OutcomesPage
from ui.outcomes.return_checkin import check_in_before_return
from ui.pages.ledger_page import LedgerPage
from ui.register.my_providers_page import MyProvidersPage
from ui.register.register_page import RegisterPage
from ui.security.history_page import HistoryPage
from ui.security.people_page import PeoplePage
from ui.statements.statement_page import StatementPage


class ProfileTabs(QTabWidget):
    """Every page gets its services from the one ProfileContext and shares its undo stack,
    so Ctrl+Z undoes the last change wherever it was made."""

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, _("Parts of this profile"))
        self.ctx = ctx
        self.undo_stack = ctx.undo
        self.ledger_page = LedgerPage(ctx)
        self.overview_page = OverviewPage(ctx.charts)
        self.services_page = ServicesPage(ctx.visits, ctx.undo, providers=ctx.providers,
                                          outcomes=ctx.outcomes)
        self.my_providers_page = MyProvidersPage(ctx.providers, ctx.undo)
        self.outcomes_page = OutcomesPage(ctx)
        self.pa_page = PAPage(ctx.employer, ctx.undo, ctx.read_only)
        self.register_page = RegisterPage(ctx.register, ctx.providers, ctx.undo)
        self.statement_page = StatementPage(
            ctx.statements, ctx.rules, ctx.undo, evidence=ctx.evidence,
            check_in=None if ctx.read_only else self._check_in_outcomes)
        self.history_page = HistoryPage(ctx.history)
        self.people_page = PeoplePage(ctx.people, ctx.undo, ctx.read_only)
        for page, title in ((self.ledger_page, _("&Money")),
                            (self.overview_page, _("O&verview")),
                            (self.services_page, _("&Care received")),
                            (self.my_providers_page, _("My &providers")),
                            (self.outcomes_page, _("&Outcomes")),
                            (self.pa_page, _("Emplo&ying PAs")),
                            (self.register_page, _("&Find providers")),
                            (self.statement_page, _("&Statements")),
                            (self.history_page, _("&History")),
                            (self.people_page, _("P&eople"))):
            self.addTab(page, title)
        # Any change can move figures on other pages: they reload when next shown.
        self.undo_stack.listeners.append(self._changed)
        self._size_scrollers()

    # Each page sits in a scroll area (ui.fit.page_scroll), so that at large text a tall page
    # scrolls instead of pushing the window off the screen. These keep the pages themselves
    # what callers see: currentWidget() is the page, setCurrentWidget(page) shows it.

    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]  # noqa: N802
        return super().addTab(page_scroll(page), title)

    def page(self, index: int) -> QWidget | None:
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt override
        return self.page(self.currentIndex()) or super().currentWidget()

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt override
        for index in range(self.count()):
            if self.page(index) is page:
                return index
        return super().indexOf(page)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt override
        self.setCurrentIndex(self.indexOf(page))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._size_scrollers()
        super().changeEvent(event)

    def _size_scrollers(self) -> None:
        """The arrows that scroll the tabs (shown at large text) grow with the text."""
        # Never below the arrow buttons' own least size (Qt halves the width between them).
        least = max((b.minimumSizeHint().width() for b in self.tabBar().findChildren(QToolButton)),
                    default=0)
        arrow = max(QFontMetrics(self.font()).height() + 8, least)  # the new font
        self.tabBar().setStyleSheet(f"QTabBar::scroller {{ width: {2 * arrow}px; }}")

    def _check_in_outcomes(self, parent: QWidget, period: Period) -> None:
        check_in_before_return(parent, self.ctx.outcomes, self.ctx.undo, period, date.today())

    def _changed(self) -> None:
        self.history_page.refresh()
        self.services_page.refresh()
        self.my_providers_page.mark_stale()
        self.outcomes_page.mark_stale()
        self.services_page.fill_outcomes()
        self.pa_page.mark_stale()
        self.people_page.refresh()
        self.overview_page.mark_stale()
        if self.currentWidget() is not self.ledger_page:  # it refreshes after its own changes
            self.ledger_page.refresh()
