"""Start the Qt application and the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import data_dir, global_parser
from app.cli.secrets import PASSPHRASE_ENV
from app.domain.errors import DomainError
from app.i18n import _, set_locale
from app.paths import RESOURCES
from app.services.restore_area import clean_stale
from app.settings import choose_language, load_settings
from app.store.profiles import ProfileDirectory
from ui.errors import install_exception_hook, setup_logging, show_failure
from ui.main_window import MainWindow
from ui.text_size import TextSize


def run_window(argv: Sequence[str]) -> int:
    args, _rest = global_parser().parse_known_args(list(argv))
    folder = data_dir(args)
    log_path = setup_logging(folder)  # also makes the data folder owner-only
    set_locale(choose_language(args.lang, load_settings(folder)))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CareLedger")
    app.setOrganizationName("CareLedger")
    QApplication.setWindowIcon(QIcon(str(RESOURCES / "icons" / "careledger.svg")))
    QApplication.setDesktopFileName("careledger")  # Wayland: the icon via the .desktop file
    install_exception_hook(log_path)
    try:
        clean_stale(folder)  # restores that crashed, kept copies past their time
        text_size = TextSize(app, QSettings())  # type: ignore[arg-type]
        if args.text_size:
            text_size.apply_percent(args.text_size)
        window = MainWindow(folder, text_size)
    except Exception as error:  # e.g. a data folder that cannot be read: say so, plainly
        show_failure(error, log_path)
        return 1
    window.show()
    window.ask_first_run_question()
    if args.profile:
        open_requested_profile(window, args.profile)
    return int(app.exec())


def open_requested_profile(window: MainWindow, name: str) -> None:
    """`--profile NAME`: unlock with CARELEDGER_PASSPHRASE, or ask in the window."""
    match = next((p for p in ProfileDirectory(window.data_dir).list()
                  if p.display_name.casefold() == name.casefold() or p.slug == name), None)
    if match is None:
        QMessageBox.warning(window, _("CareLedger"),
                            _("There is no profile called “{name}”.").format(name=name))
        return
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is not None:
        from app.services.profiles import ProfileInUse, open_profile

        try:
            try:
                window.open_with_passphrase(match.display_name, passphrase)
            except ProfileInUse as busy:  # open in another window: offered read-only, once
                window.enter_profile(window.read_only_instead(busy, lambda: open_profile(
                    window.data_dir, match.display_name, passphrase, read_only=True)))
            return
        except ProfileInUse:
            return  # not wanted read-only: nothing more to ask
        except DomainError as error:
            QMessageBox.warning(window, _("CareLedger"), str(error))
    window.ask_and_open(match)
