"""The first screen: choose whose records to open, make a new profile, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.store.profiles import ProfileInfo
from ui.accessibility import named
from ui.models.profile_list_model import ProfileListModel
from ui.text_size import emphasise


class ProfilesPage(QWidget):
    open_requested = Signal(object)  # ProfileInfo
    new_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProfileListModel()
        title = QLabel(_("Welcome to CareLedger"))
        emphasise(title, 1.6)
        intro = QLabel(_("Keep track of your care budget: what comes in, what you spend, "
                         "and the statement your council asks for. Choose whose records "
                         "to open."))
        intro.setWordWrap(True)

        self.list = named(QListView(), _("Profiles on this computer"))
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._open_index)
        self.empty = QLabel(_("There are no profiles on this computer yet. "
                              "Make a new one, or try the demo to see how it works."))
        self.empty.setWordWrap(True)

        self.open_button = named(QPushButton(_("&Open")), _("Open the chosen profile"))
        self.open_button.clicked.connect(self._open_current)
        self.new_button = named(QPushButton(_("&New profile…")), _("New profile"))
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button = named(QPushButton(_("Try the &demo")), _("Try the demo"),
                                 _("Opens a demo profile with a year of made-up entries."))
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        for button in (self.open_button, self.new_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_profiles(self, profiles: list[ProfileInfo]) -> None:
        self.model.set_profiles(profiles)
        self.empty.setVisible(not profiles)
        self.open_button.setEnabled(bool(profiles))
        if profiles:
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_current(self) -> None:
        self._open_index(self.list.currentIndex())

    def _open_index(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.profile_at(row))
