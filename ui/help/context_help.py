"""Which help page F1 opens: the one about what is on the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

# By the class's name, so that F1 imports no page or dialog that has not been opened.
# The first kind that the page (or dialog) is, decides.
TOPIC_OF: tuple[tuple[str, str], ...] = (
    ("ProfilesPage", "profiles"), ("PassphraseDialog", "profiles"),
    ("NewProfileDialog", "profiles"), ("PeoplePage", "profiles"),
    ("LedgerPage", "entry"), ("EntryDialog", "entry"), ("OverviewPage", "overview"),
    ("BankImportDialog", "bank_import"), ("ReconcileDialog", "bank_import"),
    ("StatementPage", "statement"), ("RegisterPage", "providers"),
    ("MyProvidersPage", "providers"), ("ServicesPage", "visits"), ("OutcomesPage", "outcomes"),
    ("PAPage", "pas"), ("BackupsDialog", "backups"), ("HistoryPage", "backups"),
    ("SettingsDialog", "text_language"),
)


def topic_for(widget: QWidget | None) -> str:
    """The help page for a page or dialog, else the contents."""
    kinds = {kind.__name__ for kind in type(widget).__mro__}
    for kind, topic in TOPIC_OF:
        if kind in kinds:
            return topic
    return "contents"


def topic_of_screen(page: QWidget | None) -> str:
    """The topic of the dialog in front, else of the page shown."""
    return topic_for(QApplication.activeModalWidget() or page)
