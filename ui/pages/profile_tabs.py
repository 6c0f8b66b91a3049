"""The pages of one unlocked profile, as tabs: money, care received, providers, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QToolButton, QWidget

from app.domain.funding import Period
from app.i18n import N_, _
from app.services.context import ProfileContext
from ui.accessibility import named
from ui.fit import page_scroll
from ui.pages.ledger_page import LedgerPage

if TYPE_CHECKING:
    from ui.bank.services_page import ServicesPage
    from ui.charts.overview_page import OverviewPage
    from ui.employer.pa_page import PAPage
    from ui.outcomes.outcomes_page import OutcomesPage
    from ui.register.my_providers_page import MyProvidersPage
    from ui.register.register_page import RegisterPage
    from ui.security.history_page import HistoryPage
    from ui.security.people_page import PeoplePage
    from ui.statements.statement_page import StatementPage


class LaterPage:
    """A tab after the Money tab: its page is built (and its module imported) when the tab
    is first shown or the page is first asked for by name."""

    def __init__(self, attribute: str, title: str, on_change: tuple[str, ...] = ()) -> None:
        self.attribute = attribute
        self.title = title  # marked for translation, translated when shown
        self.on_change = on_change  # what to call on a built page when figures change

    def build(self, tabs: ProfileTabs) -> QWidget:
        return getattr(tabs, "_make_" + self.attribute)()  # type: ignore[no-any-return]


# After the Money tab, in order.
LATER_PAGES = (
    LaterPage("overview_page", N_("O&verview"), ("mark_stale",)),
    LaterPage("services_page", N_("&Care received"), ("refresh", "fill_outcomes")),
    LaterPage("my_providers_page", N_("My &providers"), ("mark_stale",)),
    LaterPage("outcomes_page", N_("&Outcomes"), ("mark_stale",)),
    LaterPage("pa_page", N_("Emplo&ying PAs"), ("mark_stale",)),
    LaterPage("register_page", N_("&Find providers")),
    LaterPage("statement_page", N_("&Statements")),
    LaterPage("history_page", N_("&History"), ("refresh",)),
    LaterPage("people_page", N_("P&eople"), ("refresh",)),
)


def _focus_first_control(page: QWidget) -> None:
    """Focus the page's first control in tab order, as showing a built page does."""
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (page.isAncestorOf(widget) and widget.isEnabled() and widget.isVisibleTo(page)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


class ProfileTabs(QTabWidget):
    """Every page gets its services from the one ProfileContext and shares its undo stack,
    so Ctrl+Z undoes the last change wherever it was made.

    The Money tab is built at once, so the ledger paints as soon as the profile is open; each
    other tab holds an empty placeholder until it is first shown (or its page is asked for,
    as `tabs.people_page`), then its page takes the placeholder's place in the tab."""

    overview_page: OverviewPage
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
        self._built: dict[str, QWidget] = {}
        self._on_built: list[Callable[[QWidget], None]] = []
        self.ledger_page = LedgerPage(ctx)
        self.addTab(self.ledger_page, _("&Money"))
        for later in LATER_PAGES:
            self.addTab(QWidget(), _(later.title))
        self.currentChanged.connect(self._build_at)
        # Any change can move figures on other pages: they reload when next shown.
        self.undo_stack.listeners.append(self._changed)
        self._size_scrollers()

    # --- pages built when first wanted -----------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        """A later page by its name, built when first asked for."""
        for index, later in enumerate(LATER_PAGES, start=1):
            if later.attribute == name:
                return self._build_at(index)
        raise AttributeError(name)

    def _build_at(self, index: int) -> QWidget | None:
        if not 1 <= index <= len(LATER_PAGES):
            return None
        later = LATER_PAGES[index - 1]
        page = self._built.get(later.attribute)
        if page is None:
            page = self._built[later.attribute] = later.build(self)
            holder = super().widget(index)
            assert isinstance(holder, QScrollArea)
            focus = QApplication.focusWidget()
            placeholder = holder.takeWidget()
            holder.setWidget(page)  # the same tab, title and keys: only its page is new
            if placeholder is not None:
                placeholder.deleteLater()
            if focus is not None and (focus is holder or holder.isAncestorOf(focus)):
                _focus_first_control(page)  # the keyboard had come to the empty placeholder
            for callback in self._on_built:
                callback(page)
        return page

    def when_built(self, callback: Callable[[QWidget], None]) -> None:
        """Call `callback` with each page: the ones built already now, the rest when built."""
        self._on_built.append(callback)
        for page in self.built_pages():
            callback(page)

    def build_all(self) -> None:
        self.build_named([later.attribute for later in LATER_PAGES])

    def build_named(self, names: list[str]) -> None:
        """Build these pages (by attribute name), in tab order."""
        for index, later in enumerate(LATER_PAGES, start=1):
            if later.attribute in names:
                self._build_at(index)

    def built_names(self) -> list[str]:
        """The later pages built so far, by attribute name."""
        return list(self._built)

    def built_pages(self) -> list[QWidget]:
        return [self.ledger_page, *self._built.values()]

    def _make_overview_page(self) -> QWidget:
        from ui.charts.overview_page import OverviewPage

        return OverviewPage(self.ctx.charts)

    def _make_services_page(self) -> QWidget:
        from ui.bank.services_page import ServicesPage

        return ServicesPage(self.ctx.visits, self.ctx.undo, providers=self.ctx.providers,
                            outcomes=self.ctx.outcomes, read_only=self.ctx.read_only)

    def _make_my_providers_page(self) -> QWidget:
        from ui.register.my_providers_page import MyProvidersPage

        return MyProvidersPage(self.ctx.providers, self.ctx.undo, read_only=self.ctx.read_only)

    def _make_outcomes_page(self) -> QWidget:
        from ui.outcomes.outcomes_page import OutcomesPage

        return OutcomesPage(self.ctx)

    def _make_pa_page(self) -> QWidget:
        from ui.employer.pa_page import PAPage

        return PAPage(self.ctx.employer, self.ctx.undo, self.ctx.read_only)

    def _make_register_page(self) -> QWidget:
        from ui.register.register_page import RegisterPage

        # Read-only, the register is searched as ever; nothing is added to My providers.
        return RegisterPage(self.ctx.register,
                            None if self.ctx.read_only else self.ctx.providers, self.ctx.undo)

    def _make_statement_page(self) -> QWidget:
        from ui.statements.statement_page import StatementPage

        return StatementPage(
            self.ctx.statements, self.ctx.rules, self.ctx.undo, evidence=self.ctx.evidence,
            check_in=None if self.ctx.read_only else self._check_in_outcomes,
            read_only=self.ctx.read_only)

    def _make_history_page(self) -> QWidget:
        from ui.security.history_page import HistoryPage

        return HistoryPage(self.ctx.history)

    def _make_people_page(self) -> QWidget:
        from ui.security.people_page import PeoplePage

        return PeoplePage(self.ctx.people, self.ctx.undo, self.ctx.read_only)

    # Each page sits in a scroll area (ui.fit.page_scroll), so that at large text a tall page
    # scrolls instead of pushing the window off the screen. These keep the pages themselves
    # what callers see: currentWidget() is the page, setCurrentWidget(page) shows it.

    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]  # noqa: N802
        return super().addTab(page_scroll(page), title)

    def page(self, index: int) -> QWidget | None:
        """The page of tab `index`, built if it was not yet."""
        self._build_at(index)
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt override
        return self.page(self.currentIndex()) or super().currentWidget()

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt override
        for index in range(self.count()):  # without building any page
            holder = super().widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is page:
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
        from ui.outcomes.return_checkin import check_in_before_return

        check_in_before_return(parent, self.ctx.outcomes, self.ctx.undo, period, date.today())

    def _changed(self) -> None:
        for later in LATER_PAGES:
            page = self._built.get(later.attribute)
            for method in later.on_change if page is not None else ():
                getattr(page, method)()  # a page not built yet reads it all when built
        if self.currentWidget() is not self.ledger_page:  # it refreshes after its own changes
            self.ledger_page.refresh()
