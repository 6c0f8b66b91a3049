"""The main window: the profile list first, then one profile's pages once it is unlocked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.domain.errors import DomainError
from app.i18n import _, active_locale
from app.settings import load_settings, save_settings
from app.store.profiles import ProfileDirectory
from ui import access_keys, fit
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.help.help_key import HelpKey
from ui.pages.profiles_page import ProfilesPage
from ui.security.idle_lock import IdleLock
from ui.security.kept_work import FormWatcher, KeptWork
from ui.security.lock_countdown import LockCountdown
from ui.text_size import TextSize

# The first screen is the profile list: the services behind an open profile (SQLAlchemy, the
# pages) and the dialogs are imported when first used, not before the window shows.
if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.computer import ComputerService
    from app.services.context import ProfileContext
    from app.services.profiles import OpenProfile, ProfileInUse
    from app.store.profiles import ProfileInfo
    from ui.help.help_window import HelpWindow
    from ui.pages.ledger_page import LedgerPage
    from ui.pages.profile_tabs import ProfileTabs
    from ui.security.people_page import PeoplePage
    from ui.security.profile_files import ProfileFiles


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, text_size: TextSize | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._computer: ComputerService | None = None
        self._files: ProfileFiles | None = None
        self.text_size = text_size or TextSize(QApplication.instance())  # type: ignore[arg-type]
        self.ctx: ProfileContext | None = None
        self.ledger_page: LedgerPage | None = None
        self.profile_view: ProfileTabs | None = None
        self.help_window: HelpWindow | None = None
        # Figures are hidden again after some minutes without input (shared laptops).
        # A countdown warns first; what was being typed comes back after unlocking.
        self.idle_lock = IdleLock(load_settings(data_dir).idle_lock_minutes, self)
        self.countdown = LockCountdown(self)
        self.idle_lock.warning.connect(self.countdown.show_seconds)
        self.idle_lock.warning_ended.connect(self.countdown.hide)
        self.idle_lock.idle_timed_out.connect(self.lock_when_idle)
        self.forms = FormWatcher(self)
        self.help_key = HelpKey(self.show_help, self)  # F1 in a form too
        self.kept: KeptWork | None = None  # in memory only
        self.setWindowTitle("CareLedger")
        fit.install()  # every dialog and table fits the screen at any text size
        width, height = fit.available_size(self)
        self.resize(min(1100, width), min(720, height))

        self.stack = QStackedWidget()
        self.profiles_page = ProfilesPage()
        self.profiles_page.open_requested.connect(self.ask_and_open)
        self.profiles_page.new_requested.connect(self.new_profile)
        self.profiles_page.demo_requested.connect(self.open_demo)
        self.profiles_scroll = fit.page_scroll(self.profiles_page)
        self.stack.addWidget(self.profiles_scroll)
        self.setCentralWidget(self.stack)
        self._build_menus()
        access_keys.settle(self.profiles_page, self.menu_keys)
        self.show_profiles()

    @property
    def people_page(self) -> PeoplePage | None:
        """The open profile's People tab (built when first asked for)."""
        return self.profile_view.people_page if self.profile_view is not None else None

    @property
    def computer(self) -> ComputerService:
        if self._computer is None:
            from app.services.computer import ComputerService

            self._computer = ComputerService(self.data_dir)
        return self._computer

    @property
    def files(self) -> ProfileFiles:
        """The File menu's backups and passphrases."""
        if self._files is None:
            from ui.security.profile_files import ProfileFiles

            self._files = ProfileFiles(self)
        return self._files

    # --- menus -----------------------------------------------------------------------------

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(_("&File"))
        file_menu.addAction(self._action(_("&New profile…"), self.new_profile))
        file_menu.addAction(self._action(_("Open the &demo"), self.open_demo))
        self.lock_action = self._action(_("&Lock and switch profile"), self.lock,
                                        "Ctrl+L")
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.backup_action = self._action(_("&Back up to a file…"), lambda: self.files.back_up())
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self._action(_("&Restore from a backup…"),
                                         lambda: self.files.restore()))
        self.restore_automatic_action = self._action(_("Restore an &automatic backup…"),
                                                     lambda: self.files.restore_automatic())
        file_menu.addAction(self.restore_automatic_action)
        self.change_passphrase_action = self._action(_("&Change passphrase…"),
                                                     lambda: self.files.change_passphrase())
        file_menu.addAction(self.change_passphrase_action)
        self.forgotten_action = self._action(_("&Forgotten passphrase…"),
                                             lambda: self.files.recover_access())
        file_menu.addAction(self.forgotten_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Se&ttings…"), self.edit_settings))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        view = menus.addMenu(_("&View"))
        view.addAction(self._action(_("&Larger text"), self.text_size.larger, "Ctrl++"))
        view.addAction(self._action(_("&Smaller text"), self.text_size.smaller, "Ctrl+-"))
        view.addAction(self._action(_("&Normal text size"), self.text_size.reset, "Ctrl+0"))

        help_menu = menus.addMenu(_("&Help"))
        self.help_action = self._action(_("CareLedger &help"), self.show_help, "F1")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self._action(_("&About CareLedger"), self.about))
        self.settle_menu_keys()

    def settle_menu_keys(self) -> None:
        """One access key for each menu, and for each item within a menu (any language)."""
        self.menu_keys: set[str] = set()
        access_keys.settle_actions(self.menuBar().actions(), self.menu_keys)
        for action in self.menuBar().actions():
            if action.menu() is not None:
                access_keys.settle_menu(action.menu())  # type: ignore[arg-type]

    # --- profiles --------------------------------------------------------------------------

    def show_profiles(self) -> None:
        profiles = ProfileDirectory(self.data_dir).list()
        self.profiles_page.set_profiles(profiles)
        self.stack.setCurrentWidget(self.profiles_scroll)
        self._enable_profile_actions(opened=False, any_profiles=bool(profiles))
        self.setWindowTitle("CareLedger")

    def _enable_profile_actions(self, opened: bool, any_profiles: bool) -> None:
        self.lock_action.setEnabled(opened)
        self.backup_action.setEnabled(opened)
        self.change_passphrase_action.setEnabled(opened or any_profiles)
        self.restore_automatic_action.setEnabled(opened or any_profiles)
        self.forgotten_action.setEnabled(opened or any_profiles)

    @property
    def profile(self) -> OpenProfile | None:
        """The open profile itself (its files, key and engine), for the File menu."""
        return self.ctx.profile if self.ctx is not None else None

    def current_profile_name(self) -> str | None:
        """The open profile, or else the one chosen in the list."""
        if self.ctx is not None:
            return self.ctx.info.display_name
        row = self.profiles_page.list.currentIndex().row()
        if 0 <= row < self.profiles_page.model.rowCount():
            return self.profiles_page.model.profile_at(row).display_name
        return None

    def ask_first_run_question(self) -> None:
        """Shared computer or own? Asked once; the answer decides what is remembered."""
        if load_settings(self.data_dir).is_first_run:
            from ui.security.first_run_dialog import FirstRunDialog

            FirstRunDialog(self.computer, self).exec()
            self._keep_language_in_use()
            self.idle_lock.set_minutes(self.computer.settings().idle_lock_minutes)

    def _keep_language_in_use(self) -> None:
        # The language CareLedger started in is kept, so settings.json does not override it.
        settings = self.computer.settings()
        language = "cy" if active_locale().startswith("cy") else "en"
        if not settings.is_first_run and settings.language != language:
            save_settings(self.data_dir, settings.with_changes(language=language))

    def edit_settings(self) -> None:
        from ui.security.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.computer, self)
        if dialog.exec():
            self.idle_lock.set_minutes(self.computer.settings().idle_lock_minutes)
            if dialog.notes:
                self.tell(_("Settings saved"), "\n\n".join(dialog.notes))

    def ask_and_open(self, info: ProfileInfo) -> OpenProfile | None:
        from app.services.profiles import OpenProfile, ProfileInUse, open_profile
        from app.store.ledger_file import LedgerDamaged

        remembered = self._open_if_remembered(info.display_name)
        if remembered is not None:
            return self.enter_profile(remembered)

        def unlock(passphrase: str) -> OpenProfile:
            try:
                return self.open_by_passphrase(info.display_name, passphrase)
            except LedgerDamaged as damaged:  # the newest good backup is offered
                if not self.files.offer_newest_backup(info.display_name, passphrase, damaged):
                    raise
                return open_profile(self.data_dir, info.display_name, passphrase)
            except ProfileInUse as busy:
                return self.read_only_instead(busy, lambda: open_profile(
                    self.data_dir, info.display_name, passphrase, read_only=True))

        own = not self.computer.settings().is_shared
        dialog = PassphraseDialog(info.display_name, unlock, self, offer_remember=own)
        if not (dialog.exec() and isinstance(dialog.result_value, OpenProfile)):
            return None
        if dialog.wants_remembering:
            self.remember(dialog.result_value)
        return self.enter_profile(dialog.result_value)

    def _open_if_remembered(self, name: str) -> OpenProfile | None:
        """No passphrase asked when this (own) computer remembers the profile's key."""
        from app.services.computer import open_remembered
        from app.services.profiles import ProfileInUse

        try:
            return open_remembered(self.data_dir, name)
        except ProfileInUse as busy:
            if not self.confirm_read_only(str(busy)):
                return None
            return open_remembered(self.data_dir, name, read_only=True)

    def remember(self, profile: OpenProfile) -> bool:
        """Keep the key in the OS keyring; when there is none, say so and carry on."""
        try:
            result = self.computer.remember(profile)
        except DomainError as refused:
            self.tell(_("Not remembered"), str(refused))
            return False
        if not result.remembered:
            self.tell(_("Not remembered"), result.message)
        return result.remembered

    def enter_profile(self, profile: OpenProfile) -> OpenProfile | None:
        """Ask who is at the keyboard when several people act for it, then show it."""
        from app.services.context import ProfileContext
        from ui.security.who_dialog import WhoIsUsingDialog

        ctx = ProfileContext(profile, self.data_dir)
        people = [] if profile.read_only else ctx.people.list()
        if len(people) > 1:
            dialog = WhoIsUsingDialog(people, self)
            name = dialog.chosen_name() if dialog.exec() else None
            if name is None:
                ctx.close()  # nobody said who they are: nothing is opened
                return None
            ctx.people.act_as(name)
        self.show_profile(ctx)
        return profile

    def open_with_passphrase(self, name: str, passphrase: str) -> None:
        self.enter_profile(self.open_by_passphrase(name, passphrase))

    def open_by_passphrase(self, name: str, passphrase: str) -> OpenProfile:
        """open_profile, with the key derived before the open profile's code (SQLAlchemy, the
        pages) is first imported, so that argon2id's working memory and theirs never add up."""
        from app.services.unlock import unlock_by_name

        info, data_key = unlock_by_name(self.data_dir, name, passphrase)
        from app.services.profiles import open_with_key

        return open_with_key(self.data_dir, info, data_key)

    def read_only_instead(self, busy: ProfileInUse, open_read_only: Callable[[], OpenProfile]
                          ) -> OpenProfile:
        """Another window writes the profile: offer it read-only; `busy` again when the
        person says no."""
        if not self.confirm_read_only(str(busy)):
            raise busy
        return open_read_only()

    def confirm_read_only(self, message: str) -> bool:
        answer = QMessageBox.question(
            self, _("Profile in use"), message + "\n\n" + _("Open it to read only?"))
        return answer == QMessageBox.StandardButton.Yes

    def new_profile(self) -> None:
        from app.services.context import ProfileContext
        from app.services.profiles import NewProfile, OpenProfile, create_profile, open_profile
        from ui.dialogs.new_profile_dialog import NewProfileDialog

        def create(request: NewProfile, passphrase: str) -> OpenProfile:
            created = create_profile(self.data_dir, request, passphrase)
            self.show_recovery_code(created.info.display_name, created.recovery_code)
            return open_profile(self.data_dir, created.info.display_name, passphrase)

        dialog = NewProfileDialog(create, self)
        if dialog.exec() and isinstance(dialog.created, OpenProfile):
            self.show_profile(ProfileContext(dialog.created, self.data_dir))

    def show_recovery_code(self, name: str, code: str) -> None:
        from ui.security.recovery_dialog import RecoveryCodeDialog

        RecoveryCodeDialog(name, code, parent=self).exec()

    def open_demo(self) -> None:
        """Made on a worker thread (a few seconds) with progress; then opened."""
        from app.services.demo import DEFAULT_DEMO_NAME, create_demo_profile
        from app.services.profiles import DEMO_PASSPHRASE, open_profile
        from ui.jobs import run_job

        existing = next((p for p in ProfileDirectory(self.data_dir).list() if p.is_demo), None)
        name = existing.display_name if existing else DEFAULT_DEMO_NAME
        try:
            if existing is None:
                run_job(self, _("Making the demo"), lambda control: create_demo_profile(
                    self.data_dir, name, DEMO_PASSPHRASE, control=control))
            profile = open_profile(self.data_dir, name, DEMO_PASSPHRASE)
        except DomainError as error:
            QMessageBox.warning(self, _("Could not open the demo"), str(error))
            self.show_profiles()
            return
        self.enter_profile(profile)

    def show_profile(self, ctx: ProfileContext) -> None:
        from ui.pages.profile_tabs import ProfileTabs

        self.lock()
        self.ctx = ctx
        profile = ctx.profile
        self.profile_view = ProfileTabs(ctx)
        self.ledger_page = self.profile_view.ledger_page
        self.stack.addWidget(self.profile_view)
        self.settle_page_keys(self.profile_view)
        self.stack.setCurrentWidget(self.profile_view)
        self._enable_profile_actions(opened=True, any_profiles=True)
        title = _("{name} – CareLedger").format(name=profile.info.display_name)
        if profile.read_only:
            title = _("{title} (read only)").format(title=title)
        self.setWindowTitle(title)
        self.ledger_page.table.setFocus()
        self.forms.root = self.profile_view
        self._bring_back_work(profile.info.display_name)
        self.idle_lock.start()

    def _bring_back_work(self, name: str) -> None:
        kept, self.kept = self.kept, None
        if kept is None or kept.profile != name:  # another profile: forgotten, not shown
            return
        assert self.profile_view is not None
        # The kept values are found by where they sit: in the pages built when they were kept
        # (only those: building all ten took half a second).
        self.profile_view.build_named(kept.pages)
        self.forms.bring_back(kept)
        self.statusBar().showMessage(_("Everything you were typing is back as you left it."),
                                     15_000)

    def settle_page_keys(self, tabs: ProfileTabs) -> None:
        """The tabs' keys after the menus'; each page's after both, as the page is built
        (one page shows at once)."""
        keys = set(self.menu_keys)
        access_keys.settle_tabs(tabs, keys)
        tabs.when_built(lambda page: access_keys.settle(page, keys))

    def lock_when_idle(self) -> None:
        """Keep what was being typed (memory only), close the forms, then lock."""
        if self.ctx is not None and self.profile_view is not None:
            self.kept = self.forms.keep(self.ctx.profile.info.display_name)
            self.kept.pages = self.profile_view.built_names()
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and window.isVisible():
                window.reject()
        self.lock()

    def lock(self) -> None:
        """Close the open profile and hide every figure: back to the profile list."""
        self.idle_lock.stop()
        self.forms.root = None
        if self.profile_view is not None:
            self.stack.removeWidget(self.profile_view)
            self.profile_view.deleteLater()
            self.profile_view = None
            self.ledger_page = None
        ctx, self.ctx = self.ctx, None
        try:
            if ctx is not None:
                ctx.close()
        except DomainError as error:  # saved, but e.g. no room for the backup after it
            self.tell(_("Backup not made"), str(error))
        finally:
            self.show_profiles()

    # --- other -----------------------------------------------------------------------------

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def show_help(self) -> None:
        """The guide at the page about what is on the screen (F1)."""
        from ui.help.context_help import topic_of_screen
        from ui.help.help_window import HelpWindow

        shown = self.stack.currentWidget()
        page = (self.profile_view.currentWidget() if shown is self.profile_view
                and self.profile_view is not None else self.profiles_page)
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        # Over a form (a modal dialog) the guide must be modal too, or it could not be
        # scrolled or closed; beside the window it is not, so both can be used.
        in_front = QApplication.activeModalWidget()
        if in_front is not None and in_front is self.help_window:
            return  # F1 in the guide itself: it is already open
        self.help_window.show_topic(topic_of_screen(page))
        modality = (Qt.WindowModality.ApplicationModal if in_front is not None
                    else Qt.WindowModality.NonModal)
        if self.help_window.windowModality() != modality:
            self.help_window.hide()  # modality only changes while hidden
            self.help_window.setWindowModality(modality)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def about(self) -> None:
        QMessageBox.about(self, _("About CareLedger"), _(
            "CareLedger {version}. Keeps your care budget records private on this computer."
        ).format(version=__version__))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.lock()
        super().closeEvent(event)


def focusable_children(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()]
