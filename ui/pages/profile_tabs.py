"""The pages of one unlocked profile, as tabs: money, care received, providers, history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QWidget

from app.i18n import _
from app.services.history import HistoryService
from app.services.ledger import LedgerService
from app.services.my_providers import MyProvidersService
from app.services.profiles import OpenProfile
from app.services.register import RegisterService
from app.services.services_log import ServicesLogService
from app.services.statements import StatementService
from app.services.undo import UndoStack
from ui.accessibility import named
from ui.bank.services_page import ServicesPage
from ui.pages.ledger_page import LedgerPage
from ui.register.my_providers_page import MyProvidersPage
from ui.register.register_page import RegisterPage
from ui.security.history_page import HistoryPage
from ui.statements.statement_page import StatementPage


class ProfileTabs(QTabWidget):
    """Every page shares one undo stack, so Ctrl+Z undoes the last change wherever it was."""

    def __init__(self, profile: OpenProfile, data_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, _("Parts of this profile"))
        self.profile = profile
        self.undo_stack = UndoStack()
        self.register = RegisterService(data_dir)
        my_providers = MyProvidersService(profile, self.register)
        self.ledger_page = LedgerPage(LedgerService(profile), self.undo_stack)
        self.services_page = ServicesPage(ServicesLogService(profile), self.undo_stack)
        self.my_providers_page = MyProvidersPage(my_providers)
        self.register_page = RegisterPage(self.register, my_providers)
        self.statement_page = StatementPage(StatementService(profile))
        self.history_page = HistoryPage(HistoryService(profile))
        for page, title in ((self.ledger_page, _("&Money")),
                            (self.services_page, _("&Care received")),
                            (self.my_providers_page, _("My &providers")),
                            (self.register_page, _("&Find providers")),
                            (self.statement_page, _("&Statements")),
                            (self.history_page, _("&History"))):
            self.addTab(page, title)
        # Any change can move figures on other pages: they reload when next shown.
        self.undo_stack.listeners.append(self._changed)

    def _changed(self) -> None:
        self.history_page.refresh()
        self.my_providers_page.mark_stale()

    def close_pages(self) -> None:
        """Release the register database (the profile itself is closed by the window)."""
        self.register.close()
