"""Import a register file on a worker thread, with a progress bar and Cancel.

The worker opens its own connection to the register (a SQLite connection belongs to the thread
that made it); the window's connection then sees the new rows. A cancel rolls everything back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.errors import DomainError
from app.i18n import N_, _, ngettext
from app.register.importing import ImportCancelled
from app.services.jobs import Cancelled, JobControl
from app.services.register import ImportReport, RegisterService
from ui.jobs import run_job

# Import stages as the service names them -> what the bar says.
_STAGES = {"reading": N_("Reading the file…"), "saving rows": N_("Saving providers…"),
           "saving": N_("Updating the search index…")}


def _import(register: RegisterService, path: Path, control: JobControl) -> ImportReport:
    own = RegisterService(register.path.parent)
    try:
        return own.import_file(
            path, progress=lambda stage, done, total: control.report(
                done, total, _(_STAGES.get(stage, stage))),
            cancelled=control.is_cancelled)
    finally:
        own.close()


def import_with_progress(register: RegisterService, path: Path,
                         parent: QWidget | None = None) -> tuple[ImportReport | None, str]:
    """(the report or None, a plain sentence saying what happened)."""
    try:
        report = run_job(parent, _("Importing {file}…").format(file=path.name),
                         lambda control: _import(register, path, control))
    except (ImportCancelled, Cancelled) as cancelled:
        return None, str(cancelled)
    except DomainError as error:
        return None, str(error)
    register.forget_counts()  # the search planner's hints describe the old register
    return report, summary(report)


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
