"""The pages of one unlocked profile, as tabs: money, care received, providers, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

from app.i18n import N_, _
from app.services.context import ProfileContext
from ui.accessibility import named
from ui.pages.ledger_page import LedgerPage

if TYPE_CHECKING:
    from app.domain.funding import Period
    from ui.bank.services_page import ServicesPage
    from ui.employer.pa_page import PAPage
    from ui.outcomes.outcomes_page import OutcomesPage
    from ui.register.my_providers_page import MyProvidersPage
    from ui.register.register_page import RegisterPage
    from ui.security.history_page import HistoryPage
    from ui.security.people_page import PeoplePage
    from ui.statements.statement_page import StatementPage


def _services(ctx: ProfileContext) -> QWidget:
    from ui.bank.services_page import ServicesPage

    return ServicesPage(ctx.visits, ctx.undo, outcomes=ctx.outcomes)


def _my_providers(ctx: ProfileContext) -> QWidget:
    from ui.register.my_providers_page import MyProvidersPage

    return MyProvidersPage(ctx.providers, ctx.undo)


def _outcomes(ctx: ProfileContext) -> QWidget:
    from ui.outcomes.outcomes_page import OutcomesPage

    return OutcomesPage(ctx)


def _pa(ctx: ProfileContext) -> QWidget:
    from ui.employer.pa_page import PAPage

    return PAPage(ctx.employer, ctx.undo, ctx.read_only)


def _register(ctx: ProfileContext) -> QWidget:
    from ui.register.register_page import RegisterPage

    return RegisterPage(ctx.register, ctx.providers, ctx.undo)


def _statement(ctx: ProfileContext) -> QWidget:
    from ui.statements.statement_page import StatementPage

    def check_in_outcomes(parent: QWidget, period: Period) -> None:
        from ui.outcomes.return_checkin import check_in_before_return

        check_in_before_return(parent, ctx.outcomes, ctx.undo, period, date.today())

    return StatementPage(ctx.statements, ctx.rules, ctx.undo, evidence=ctx.evidence,
                         check_in=None if ctx.read_only else check_in_outcomes)


def _history(ctx: ProfileContext) -> QWidget:
    from ui.security.history_page import HistoryPage

    return HistoryPage(ctx.history)


def _people(ctx: ProfileContext) -> QWidget:
    from ui.security.people_page import PeoplePage

    return PeoplePage(ctx.people, ctx.undo, ctx.read_only)


# After the Money tab, in order: (attribute, title, how to build it, what to call on a change).
LATER_PAGES: list[tuple[str, str, Callable[[ProfileContext], QWidget], str]] = [
    ("services_page", N_("&Care received"), _services, "fill_outcomes"),
    ("my_providers_page", N_("My &providers"), _my_providers, "mark_stale"),
    ("outcomes_page", N_("&Outcomes"), _outcomes, "mark_stale"),
    ("pa_page", N_("Emplo&ying PAs"), _pa, "mark_stale"),
    ("register_page", N_("&Find providers"), _register, ""),
    ("statement_page", N_("&Statements"), _statement, ""),
    ("history_page", N_("&History"), _history, "refresh"),
    ("people_page", N_("P&eople"), _people, "refresh"),
]


class ProfileTabs(QTabWidget):
    """Every page gets its services from the one ProfileContext and shares its undo stack,
    so Ctrl+Z undoes the last change wherever it was made.

    The Money tab is built at once, so the ledger paints as soon as the profile is open; each
    other tab holds a placeholder until it is first shown (or its page asked for, as
    `tabs.people_page`), then its page takes the placeholder's place."""

    services_page: ServicesPage
    my_providers_page: MyProvidersPage
    outcomes_page: OutcomesPage
    pa_page: PAPage
    register_page: RegisterPage
    statement_page: StatementPage
    history_page: HistoryPage
    people_page: PeoplePage

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, _("Parts of this profile"))
        self.ctx = ctx
        self.undo_stack = ctx.undo
        self.ledger_page = LedgerPage(ctx)
        self.addTab(self.ledger_page, _("&Money"))
        self._built: dict[str, QWidget] = {}
        for _name, title, _make, _on_change in LATER_PAGES:
            self.addTab(QWidget(), _(title))
        self.currentChanged.connect(self._build_shown)
        # Any change can move figures on other pages: they reload when next shown.
        self.undo_stack.listeners.append(self._changed)

    def __getattr__(self, name: str) -> Any:
        """A later page by its name, built when first asked for."""
        for index, (attribute, title, make, _on_change) in enumerate(LATER_PAGES, start=1):
            if attribute == name:
                return self._page(index, attribute, title, make)
        raise AttributeError(name)

    def _page(self, index: int, attribute: str, title: str,
              make: Callable[[ProfileContext], QWidget]) -> QWidget:
        page = self._built.get(attribute)
        if page is not None:
            return page
        page = self._built[attribute] = make(self.ctx)
        current = self.currentIndex()
        placeholder = self.widget(index)
        self.blockSignals(True)  # the same tab stays chosen: nothing to announce
        try:
            self.removeTab(index)
            self.insertTab(index, page, _(title))
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return page

    def _build_shown(self, index: int) -> None:
        if 1 <= index <= len(LATER_PAGES):
            attribute, title, make, _on_change = LATER_PAGES[index - 1]
            self._page(index, attribute, title, make)

    def _changed(self) -> None:
        for attribute, _title, _make, on_change in LATER_PAGES:
            page = self._built.get(attribute)
            if page is not None and on_change:  # one not built yet reads it all when built
                getattr(page, on_change)()
        if self.currentWidget() is not self.ledger_page:  # it refreshes after its own changes
            self.ledger_page.refresh()
