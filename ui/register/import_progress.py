"""Import a register file with a progress bar and Cancel.

The import runs in the window's thread; its progress callback lets Qt handle events, so
the Cancel button works, and the cancel callback reads it. A cancel rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from app.domain.errors import DomainError
from app.i18n import N_, _, ngettext
from app.register.importing import ImportCancelled, TooManyRemovals
from app.services.register import ImportReport, RegisterService

# Import stages as the service names them -> what the bar says.
_STAGES = {"reading": N_("Reading the file…"), "saving rows": N_("Saving providers…"),
           "saving": N_("Updating the search index…")}


class ImportProgress(QProgressDialog):
    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Importing {file}…").format(file=file_name), _("Cancel"), 0, 0,
                         parent)
        self.setWindowTitle(_("Import a register file"))
        self.setAccessibleName(_("Import progress"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)

    def report(self, stage: str, done: int, total: int) -> None:
        self.setLabelText(_(_STAGES.get(stage, stage)))
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        QApplication.processEvents()


def import_with_progress(register: RegisterService, path: Path,
                         parent: QWidget | None = None,
                         confirm_removals: Callable[[str], bool] | None = None
                         ) -> tuple[ImportReport | None, str]:
    """(the report or None, a plain sentence saying what happened). An import that would
    remove many of an area's providers is asked about first (`confirm_removals`)."""
    try:
        return _run(register, path, parent, allow_removals=False)
    except TooManyRemovals as removals:
        ask = confirm_removals or (lambda text: _ask_removals(parent, text))
        if not ask(str(removals)):
            return None, str(removals)
        return _run(register, path, parent, allow_removals=True)


def _run(register: RegisterService, path: Path, parent: QWidget | None,
         allow_removals: bool) -> tuple[ImportReport | None, str]:
    dialog = ImportProgress(path.name, parent)
    try:
        report = register.import_file(path, progress=dialog.report,
                                      cancelled=dialog.wasCanceled,
                                      allow_removals=allow_removals)
    except ImportCancelled as cancelled:
        return None, str(cancelled)
    except TooManyRemovals:
        raise  # asked about by the caller
    except DomainError as error:
        return None, str(error)
    finally:
        dialog.close()
        dialog.deleteLater()
    return report, summary(report)


def _ask_removals(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, _("Remove providers?"), text + "\n\n" + _(
        "Import it anyway and remove them?"))
    return answer == QMessageBox.StandardButton.Yes


def summary(report: ImportReport) -> str:
    text = _("Imported {label}: {added} added, {changed} updated, {removed} removed.").format(
        label=report.file_label, added=report.added, changed=report.changed,
        removed=report.removed)
    if report.rejected:
        first = report.rejected[0]
        text += " " + ngettext(
            "{count} row was rejected (line {line}: {reason})",
            "{count} rows were rejected (first, line {line}: {reason})",
            len(report.rejected)).format(count=len(report.rejected), line=first.line,
                                         reason=first.reason)
    return text
