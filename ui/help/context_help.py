"""Which help page F1 opens: the one about what is on the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from ui.bank.import_dialog import BankImportDialog
from ui.bank.reconcile_dialog import ReconcileDialog
from ui.bank.services_page import ServicesPage
from ui.charts.overview_page import OverviewPage
from ui.dialogs.entry_dialog import EntryDialog
from ui.dialogs.new_profile_dialog import NewProfileDialog
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.employer.pa_page import PAPage
from ui.outcomes.outcomes_page import OutcomesPage
from ui.pages.ledger_page import LedgerPage
from ui.pages.profiles_page import ProfilesPage
from ui.register.my_providers_page import MyProvidersPage
from ui.register.register_page import RegisterPage
from ui.security.backups_dialog import BackupsDialog
from ui.security.history_page import HistoryPage
from ui.security.people_page import PeoplePage
from ui.security.settings_dialog import SettingsDialog
from ui.statements.statement_page import StatementPage

# The first kind that the page (or dialog) is, decides.
TOPIC_OF: tuple[tuple[type[QWidget], str], ...] = (
    (ProfilesPage, "profiles"), (PassphraseDialog, "profiles"),
    (NewProfileDialog, "profiles"), (PeoplePage, "profiles"),
    (LedgerPage, "entry"), (EntryDialog, "entry"), (OverviewPage, "overview"),
    (BankImportDialog, "bank_import"), (ReconcileDialog, "bank_import"),
    (StatementPage, "statement"), (RegisterPage, "providers"), (MyProvidersPage, "providers"),
    (ServicesPage, "visits"), (OutcomesPage, "outcomes"), (PAPage, "pas"),
    (BackupsDialog, "backups"), (HistoryPage, "backups"), (SettingsDialog, "text_language"),
)

def topic_for(widget: QWidget | None) -> str:
    """The help page for a page or dialog, else the contents."""
    for kind, topic in TOPIC_OF:
        if isinstance(widget, kind):
            return topic
    return "contents"


def topic_of_screen(page: QWidget | None) -> str:
    """The topic of the dialog in front, else of the page shown."""
    return topic_for(QApplication.activeModalWidget() or page)
