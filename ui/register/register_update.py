"""Update the register from the internet: choose where from, download on a worker thread with a
progress bar and Cancel, then import on this thread (all or nothing, with its own progress).

The worker only downloads into a temporary file (app.register.download touches no database);
the register's connection stays on the window's thread.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _, format_number
from app.register.download import Download, DownloadCancelled
from app.services.register_update import CQC_DATA_PAGE, RegisterUpdater, UpdateOutcome
from ui.accessibility import named
from ui.register.import_progress import ImportProgress, summary
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


class _Downloader(QThread):
    """Downloads on its own thread. It holds no parent and stays in `_RUNNING` until it ends,
    so a page closed mid-download (the profile locked) only cancels it, never kills it."""

    progressed = Signal(str, int, int)
    downloaded = Signal(object)  # a Download
    failed = Signal(str)

    def __init__(self, updater: RegisterUpdater, url: str) -> None:
        super().__init__()
        self._updater, self._url = updater, url
        self._cancelled = False
        _RUNNING.add(self)
        self.finished.connect(lambda: _RUNNING.discard(self))

    def run(self) -> None:
        try:
            got = self._updater.download(self._url, self.progressed.emit,
                                         lambda: self._cancelled)
        except DomainError as error:
            self.failed.emit(str(error))
            return
        if self._cancelled:  # cancelled (or the page closed) just as it finished
            got.discard()
            self.failed.emit(str(DownloadCancelled()))
            return
        self.downloaded.emit(got)

    def cancel(self) -> None:
        self._cancelled = True


_RUNNING: set[_Downloader] = set()


def _megabytes(size: int) -> str:
    return format_number(Decimal(size).scaleb(-6), places=1)


class RegisterUpdate(QObject):
    """One update: `start()`, then `finished(outcome or None, sentence)` once it is over."""

    finished = Signal(object, str)

    def __init__(self, updater: RegisterUpdater, url: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._updater, self._url, self._parent = updater, url, parent
        self._worker = _Downloader(updater, url)
        parent.destroyed.connect(self._worker.cancel, Qt.ConnectionType.DirectConnection)
        self.progress = QProgressDialog(_("Connecting…"), _("Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(_("Update the register"))
        self.progress.setAccessibleName(_("Download progress"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self._worker.cancel, Qt.ConnectionType.DirectConnection)
        self._worker.progressed.connect(self._show_progress)
        self._worker.downloaded.connect(self._install)
        self._worker.failed.connect(self._failed)  # methods of this object: run on its thread

    def start(self) -> None:
        self._updater.read_state()
        self.progress.show()
        self._worker.start()

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "downloading pages":
            text = _("Downloading page {page} of {pages}…").format(page=done, pages=total)
        elif total:
            text = _("Downloading… {done} of {total} MB").format(done=_megabytes(done),
                                                                 total=_megabytes(total))
        else:
            text = _("Downloading… {done} MB").format(done=_megabytes(done))
        self.progress.setLabelText(text)
        self.progress.setMaximum(total if total else 0)
        if total:
            self.progress.setValue(min(done, total))

    def _failed(self, text: str) -> None:
        self._done(None, text)

    def _install(self, got: Download) -> None:
        self._stop_thread()
        if self.progress.wasCanceled():
            got.discard()
            self._done(None, _("The download was cancelled. The register is unchanged."))
            return
        self.progress.hide()
        name = urlsplit(got.url).path.rstrip("/").rsplit("/", 1)[-1] or urlsplit(got.url).netloc
        dialog = ImportProgress(name, self._parent)
        try:
            outcome = self._updater.install(got, dialog.report, dialog.wasCanceled)
        except DomainError as error:
            self._done(None, str(error))
            return
        finally:
            dialog.close()
            dialog.deleteLater()
        if outcome.report is None:
            self._done(outcome, _("The register is up to date: nothing has changed since "
                                  "the last update."))
        else:
            self._done(outcome, summary(outcome.report))

    def _done(self, outcome: UpdateOutcome | None, text: str) -> None:
        self._stop_thread()
        self.progress.close()
        self.progress.deleteLater()
        self.finished.emit(outcome, text)

    def _stop_thread(self) -> None:
        self._worker.wait()  # its run() has returned: this only joins the thread
