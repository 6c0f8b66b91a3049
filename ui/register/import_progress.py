"""Import a register file on a worker thread, with a progress bar and Cancel.

The worker opens its own connection to the register (a SQLite connection belongs to the thread
that made it); the window's connection then sees the new rows. A cancel rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import DomainError
from app.i18n import N_, _, ngettext
from app.register.importing import ImportCancelled, TooManyRemovals
from app.services.jobs import Cancelled, JobControl
from app.services.register import ImportReport, RegisterService
from ui.jobs import run_job

# Import stages as the service names them -> what the bar says.
_STAGES = {"reading": N_("Reading the file…"), "saving rows": N_("Saving providers…"),
           "saving": N_("Updating the search index…")}


def _import(register: RegisterService, path: Path, control: JobControl,
            allow_removals: bool) -> ImportReport:
    own = RegisterService(register.path.parent)
    try:
        return own.import_file(
            path, progress=lambda stage, done, total: control.report(
                done, total, _(_STAGES.get(stage, stage))),
            cancelled=control.is_cancelled, allow_removals=allow_removals)
    finally:
        own.close()


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
    try:
        report = run_job(parent, _("Importing {file}…").format(file=path.name),
                         lambda control: _import(register, path, control, allow_removals))
    except (ImportCancelled, Cancelled) as cancelled:
        return None, str(cancelled)
    except TooManyRemovals:
        raise  # asked about by the caller
    except DomainError as error:
        return None, str(error)
    register.forget_counts()  # the search planner's hints describe the old register
    register.reconnect_if_replaced()  # a damaged register the import set aside
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
