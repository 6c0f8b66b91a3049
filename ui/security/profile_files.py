"""File menu actions on a profile's keys and files: back up, restore, change or recover access.

The window passes itself in; it provides `data_dir`, `profile`, `selected_profile_name()`,
`lock()`, `show_profiles()` and `tell(title, text)`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.errors import DomainError
from app.i18n import _, format_when
from app.services.auto_backups import (
    AutoRestoreResult,
    BackupListing,
    list_backups,
    restore_automatic,
)
from app.services.backups import (
    RestoreResult,
    export_profile,
    profile_in_backup,
    restore_profile,
)
from app.services.passphrases import change_passphrase, recover_access
from app.settings import load_settings
from app.store.backup_file import SUFFIX
from app.store.ledger_file import LedgerDamaged
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.security.backups_dialog import BackupsDialog
from ui.security.new_passphrase_dialog import (
    change_passphrase_dialog,
    forgotten_passphrase_dialog,
)
from ui.security.recovery_dialog import RecoveryCodeDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def forget_file_dialog_places() -> None:
    """Qt's file dialog keeps its last folder and history for every Qt program: on a shared
    computer those could point at someone's own folders, so they are removed."""
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        qt.remove(key)
    qt.endGroup()
    qt.sync()


class ProfileFiles(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # --- choosing files (replaced in tests: a native dialog cannot be driven) -------------

    def choose_backup_destination(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self.window, _("Back up to a file"), str(Path.home() / suggested),
            _("CareLedger backups (*{suffix})").format(suffix=SUFFIX))
        self._after_file_dialog()
        return Path(path) if path else None

    def choose_backup_source(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, _("Restore from a backup"), str(Path.home()),
            _("CareLedger backups (*{suffix} profile.json)").format(suffix=SUFFIX))
        self._after_file_dialog()
        return Path(path) if path else None

    def _after_file_dialog(self) -> None:
        if load_settings(self.window.data_dir).is_shared:
            forget_file_dialog_places()

    # --- actions ---------------------------------------------------------------------------

    def back_up(self) -> Path | None:
        profile = self.window.profile
        if profile is None:
            return None
        out = self.choose_backup_destination(
            f"careledger-{profile.info.slug}-{date.today().isoformat()}{SUFFIX}")
        if out is None:
            return None
        try:
            written = export_profile(profile, out)
        except DomainError as error:
            self.window.tell(_("Could not back up"), str(error))
            return None
        self.window.tell(_("Backed up"), _(
            "The backup is saved in {path}. It is encrypted: it opens only with the "
            "passphrase this profile has now. Keep it somewhere safe, away from this "
            "computer.").format(path=written))
        return written

    def confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(self.window, _("Replace a profile?"), _(
            "There is already a profile called “{name}” on this computer. Replace it with "
            "the backup? The profile here now is kept whole, with its own passphrase and "
            "backups, so it can be brought back.").format(name=name))
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> RestoreResult | None:
        source = self.choose_backup_source()
        if source is None:
            return None
        try:
            _name, existing = profile_in_backup(self.window.data_dir, source)
        except DomainError as error:
            self.window.tell(_("Could not restore"), str(error))
            return None
        if existing is not None and not self.confirm_replace(existing):
            return None
        self.window.lock()  # the open profile may be the one the backup replaces
        dialog = PassphraseDialog(
            source.name, lambda passphrase: restore_profile(
                self.window.data_dir, source, passphrase, replace=existing is not None),
            self.window, title=_("Restore from a backup"),
            intro=_("Type the passphrase this backup was made with."),
            action=_("&Restore"))
        if not (dialog.exec() and isinstance(dialog.result_value, RestoreResult)):
            return None
        result = dialog.result_value
        self.window.show_profiles()
        self.window.tell(_("Restored"), self._describe(result))
        return result

    @staticmethod
    def _describe(result: RestoreResult) -> str:
        text = _("{name} is restored from the backup.").format(name=result.info.display_name)
        if result.kept_copy is not None:
            text += " " + _("The profile that was here before is kept whole in {path}, in "
                            "case you need it back: restore its profile.json from there.").format(
                                path=result.kept_copy)
        return text

    # --- automatic backups -------------------------------------------------------------

    def choose_automatic_backup(self, name: str, found: list[BackupListing]
                                ) -> BackupListing | None:
        dialog = BackupsDialog(name, found, self.window)
        return dialog.chosen if dialog.exec() else None

    def restore_automatic(self) -> AutoRestoreResult | None:
        """Put one of the chosen profile's automatic backups back (asks the passphrase)."""
        name = self.window.current_profile_name()
        if name is None:
            return None
        self.window.lock()  # the open records are the ones a backup replaces
        dialog = PassphraseDialog(
            name, lambda passphrase: (passphrase, list_backups(
                self.window.data_dir, name, passphrase)),
            self.window, title=_("Restore an automatic backup"),
            intro=_("Type the passphrase for {name} to see its backups.").format(name=name),
            action=_("&Show backups"))
        if not (dialog.exec() and isinstance(dialog.result_value, tuple)):
            return None
        passphrase, found = dialog.result_value
        if not found:
            self.window.tell(_("No backups yet"), _(
                "This profile has no automatic backups yet. One is made each time it is "
                "closed after a change."))
            return None
        chosen = self.choose_automatic_backup(name, found)
        if chosen is None:
            return None
        return self._restore_backup(name, passphrase, chosen.number)

    def _restore_backup(self, name: str, passphrase: str,
                        number: int | None) -> AutoRestoreResult | None:
        try:
            result = restore_automatic(self.window.data_dir, name, passphrase, number)
        except DomainError as error:
            self.window.tell(_("Could not restore"), str(error))
            return None
        self.window.show_profiles()
        self.window.tell(_("Restored"), _(
            "{name} is back as it was on {when}. The records that were there are kept as a "
            "backup too, in case you need them.").format(
                name=name, when=format_when(result.restored.made_at)))
        return result

    def confirm_restore_newest(self, damaged: LedgerDamaged) -> bool:
        answer = QMessageBox.question(self.window, _("Records damaged"), str(damaged) + "\n\n"
                                      + _("Restore the newest good backup now?"))
        return answer == QMessageBox.StandardButton.Yes

    def offer_newest_backup(self, name: str, passphrase: str, damaged: LedgerDamaged) -> bool:
        """When a profile's records cannot be read: offer its newest good backup; True once
        it is back in place."""
        if damaged.backup is None or not self.confirm_restore_newest(damaged):
            return False
        return self._restore_backup(name, passphrase, None) is not None

    def change_passphrase(self) -> bool:
        name = self.window.current_profile_name()
        if name is None:
            return False

        def submit(current: str, new: str) -> None:
            change_passphrase(self.window.data_dir, name, current, new)

        dialog = change_passphrase_dialog(name, submit, self.window)
        if not dialog.exec():
            return False
        self.window.tell(_("Passphrase changed"), _(
            "The passphrase for {name} is changed. Use the new one from now on.").format(
                name=name))
        return True

    def recover_access(self) -> bool:
        name = self.window.current_profile_name()
        if name is None:
            return False
        dialog = forgotten_passphrase_dialog(
            name, lambda code, new: recover_access(self.window.data_dir, name, code, new),
            self.window)
        if not (dialog.exec() and isinstance(dialog.result_value, str)):
            return False
        RecoveryCodeDialog(name, dialog.result_value, parent=self.window).exec()
        return True
