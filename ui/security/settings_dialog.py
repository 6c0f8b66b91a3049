"""File → Settings: shared or own computer, idle lock, backups kept, language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _
from app.services.computer import ComputerService
from app.settings import ComputerMode, Settings, save_settings
from ui.accessibility import label_for, named
from ui.security.dialog_buttons import ok_cancel

# Language names are shown in their own language, as people look for their own.
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


class SettingsDialog(QDialog):
    """Saves through the service; `settings_saved` carries the new Settings and what changed."""

    settings_saved = Signal(object)  # SavedSettings

    def __init__(self, service: ComputerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.before = service.settings()
        self.notes: list[str] = []  # what the person is told after saving
        self.setWindowTitle(_("Settings"))
        self.shared = named(QRadioButton(_("This computer is &shared")),
                            _("This computer is shared"),
                            _("Nothing is remembered between sessions."))
        self.own = named(QRadioButton(_("This is my &own computer")),
                         _("This is my own computer"))
        group = QButtonGroup(self)
        group.addButton(self.shared)
        group.addButton(self.own)
        (self.shared if self.before.is_shared else self.own).setChecked(True)
        self.idle_minutes = self._spin(1, 120, self.before.idle_lock_minutes, _(" minutes"))
        self.backups = self._spin(1, 100, self.before.backups_to_keep, "")
        self.language = named(QComboBox(), _("Language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self.before.language))
        self.error = named(QLabel(), _("Message"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000; font-weight: bold")
        self.error.hide()
        self._lay_out()

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def _lay_out(self) -> None:
        computer = QGroupBox(_("Who uses this computer?"))
        box = QVBoxLayout(computer)
        box.addWidget(self.shared)
        box.addWidget(self.own)
        explain = QLabel(_("On a shared computer CareLedger remembers no passphrases. "
                           "Choosing it forgets any it remembers now."))
        explain.setWordWrap(True)
        box.addWidget(explain)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(label_for(_("&Lock after no use for"), self.idle_minutes), self.idle_minutes)
        form.addRow(label_for(_("&Recent backups to keep"), self.backups),
                    self.backups)
        form.addRow(label_for(_("&Language"), self.language), self.language)
        restart = QLabel(_("Older backups are thinned out to one a day for a week, one a week "
                           "for five weeks and one a month for a year. A new language is used "
                           "the next time CareLedger starts."))
        restart.setWordWrap(True)
        buttons = ok_cancel(self, _("&Save"), self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(computer)
        layout.addLayout(form)
        for widget in (restart, self.error, buttons):
            layout.addWidget(widget)

    def chosen(self) -> Settings:
        mode = ComputerMode.SHARED if self.shared.isChecked() else ComputerMode.OWN
        return self.before.with_changes(
            computer=mode, idle_lock_minutes=self.idle_minutes.value(),
            backups_to_keep=self.backups.value(), language=str(self.language.currentData()))

    def save(self) -> Settings | None:
        try:
            settings = self.chosen()
            if settings.computer != self.before.computer:
                self.service.set_mode(settings.computer)  # type: ignore[arg-type]
            save_settings(self.service.data_dir, settings)
        except DomainError as error:
            self.error.setText(str(error))
            self.error.show()
            return None
        self.notes = self._describe(settings)
        self.settings_saved.emit(settings)
        self.accept()
        return settings

    def _describe(self, settings: Settings) -> list[str]:
        notes = []
        if settings.is_shared and not self.before.is_shared:
            notes.append(_("This computer is now marked as shared. CareLedger has forgotten "
                           "every passphrase it remembered here."))
        if settings.language != self.before.language:
            notes.append(_("Close CareLedger and start it again to use the new language."))
        return notes
