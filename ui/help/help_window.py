"""The Easy Read guide in a window of its own: the list of pages and the page itself.

It stays open beside the main window (not modal), so a person can read and do at once. The
page is a QTextBrowser: a screen reader reads it as text, each picture has its alt text, and
it grows with the text size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.help.topics import HELP_DIR, LINK_SCHEME, TOPICS, help_language, load_page
from app.i18n import _
from ui import fit
from ui.accessibility import named

TOPIC_ROLE = Qt.ItemDataRole.UserRole


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("CareLedger help"))
        self.setModal(False)
        self.language = language or help_language()
        self.topics = named(QListWidget(), _("Help pages"))
        for topic in TOPICS:
            item = QListWidgetItem(load_page(topic, self.language).title)
            item.setData(TOPIC_ROLE, topic)
            self.topics.addItem(item)
        self.page = named(QTextBrowser(), _("Help page"))
        self.page.setOpenLinks(False)
        self.page.setSearchPaths([str(HELP_DIR)])
        self.page.document().setDefaultStyleSheet("h1 { font-size: x-large; }")
        self.page.anchorClicked.connect(self._follow)
        splitter = fit.stack_when_large(QSplitter())
        splitter.addWidget(self.topics)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 3)
        # Qt's own "Close" has no Welsh: the button gets our words.
        buttons = QDialogButtonBox()
        close = buttons.addButton(_("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.topics.currentItemChanged.connect(self._chosen)
        self.topic = ""
        self.show_topic(TOPICS[0])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for a page and its pictures; ui.fit keeps it within the screen."""
        line = self.fontMetrics().height()
        width, height = fit.available_size(self)
        return QSize(min(line * 64, width), min(line * 42, height))

    def show_topic(self, topic: str) -> None:
        """Show a page of the guide (the contents for a topic it does not have)."""
        page = load_page(topic, self.language)
        self.topic = page.topic
        self.page.setHtml(page.html)
        self.page.setAccessibleDescription(page.title)
        row = TOPICS.index(page.topic)
        if self.topics.currentRow() != row:
            self.topics.setCurrentRow(row)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(TOPIC_ROLE) != self.topic:
            self.show_topic(item.data(TOPIC_ROLE))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.show_topic(url.path())
            self.page.setFocus()
