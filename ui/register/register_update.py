"""Update the register from the internet: choose where from, then download, check and import
on a worker thread (ui.jobs) with a progress bar and Cancel. A failed, cut-off or cancelled
download, or a file that is not a register, changes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.i18n import _, format_number
from app.services.jobs import JobControl
from app.services.register import RegisterService
from app.services.register_update import CQC_DATA_PAGE, RegisterUpdater, UpdateOutcome
from ui.accessibility import named
from ui.jobs import run_job
from ui.register.import_progress import _STAGES as IMPORT_STAGES
from ui.register.import_progress import summary
from ui.widgets import accept_cancel_buttons, message_label

FEED_SETTING = "register/oruk_feed"


class UpdateSourceDialog(QDialog):
    """Where to update from: CQC's register, or a council's Open Referral UK directory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Update the register"))
        self.cqc = named(QRadioButton(_("&CQC's register of care services in England "
                                        "(about 20 MB, new each month)")),
                         _("CQC's register of care services in England"))
        self.cqc.setChecked(True)
        self.oruk = named(QRadioButton(_("A &council's directory of local services "
                                         "(Open Referral UK)")),
                          _("A council's directory of local services"))
        self.feed = named(QLineEdit(str(QSettings().value(FEED_SETTING, "") or "")),
                          _("Address of the council's directory"))
        self.feed.setPlaceholderText(_("for example https://council.example/api/services"))
        self.feed.textEdited.connect(lambda _text: self.oruk.setChecked(True))
        self.message = message_label()
        note = QLabel(_("Only what has changed since the last update is downloaded. If the "
                        "download fails, the register stays as it was."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.cqc, self.oruk, self.feed, note, self.message):
            layout.addWidget(widget)
        layout.addWidget(accept_cancel_buttons(self, _("&Download"), _("Download"),
                                               self._accept))

    def url(self) -> str:
        return CQC_DATA_PAGE if self.cqc.isChecked() else self.feed.text().strip()

    def _accept(self) -> None:
        if self.oruk.isChecked() and not self.feed.text().strip().startswith(("https://",
                                                                              "http://")):
            self.message.setText(_("Type the directory's web address, starting with "
                                   "https://."))
            self.message.show()
            self.feed.setFocus()
            return
        if self.oruk.isChecked():
            QSettings().setValue(FEED_SETTING, self.feed.text().strip())
        self.accept()


def _megabytes(size: int) -> str:
    return format_number(Decimal(size).scaleb(-6), places=1)


def _label(stage: str, done: int, total: int) -> str:
    """What the progress bar says at each stage of the download and the import."""
    if stage == "downloading pages":
        return _("Downloading page {page} of {pages}…").format(page=done, pages=total)
    if stage == "downloading" and total:
        return _("Downloading… {done} of {total} MB").format(done=_megabytes(done),
                                                             total=_megabytes(total))
    if stage == "downloading":
        return _("Downloading… {done} MB").format(done=_megabytes(done))
    return _(IMPORT_STAGES.get(stage, stage))


def _update(register: RegisterService, url: str, control: JobControl) -> UpdateOutcome:
    """On the worker thread, with its own connection (a SQLite connection belongs to the
    thread that made it): download, check, import, remember."""
    own = RegisterService(register.path.parent)
    try:
        return RegisterUpdater(own).update(
            url, progress=lambda stage, done, total: control.report(
                done, total, _label(stage, done, total)),
            cancelled=control.is_cancelled)
    finally:
        own.close()


def update_with_progress(register: RegisterService, url: str, parent: QWidget | None = None
                         ) -> tuple[UpdateOutcome | None, str]:
    """(the outcome or None, a plain sentence saying what happened)."""
    try:
        outcome = run_job(parent, _("Update the register"),
                          lambda control: _update(register, url, control))
    except DomainError as error:  # a failed or cancelled download, or not a register
        return None, str(error)
    register.forget_counts()  # the search planner's hints describe the old register
    if outcome.report is None:
        return outcome, _("The register is up to date: nothing has changed since the last "
                          "update.")
    return outcome, summary(outcome.report)
