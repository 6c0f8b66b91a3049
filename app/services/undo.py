"""One undo/redo stack for every change in a session (Ctrl+Z / Ctrl+Shift+Z in the window).

Each command wraps service calls and knows its exact inverse. Entries removed by an undo come
back with the same id, flags and links (see entry_snapshots), so later commands on the stack
that name an entry still find it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from app.domain.entries import EntryDraft
from app.i18n import _
from app.services import entry_snapshots
from app.services.bank_import import BankImportService, ImportPreview
from app.services.evidence import EvidenceService
from app.services.ledger import LedgerService, ReconciledEntryChange
from app.services.profiles import OpenProfile
from app.services.reconcile import ReconciliationService
from app.services.services_log import ServicesLogService, VisitDraft


class Command(Protocol):
    label: str

    def do(self) -> None: ...

    def undo(self) -> None: ...


class UndoStack:
    """Run commands, keep them for undo; a new command clears what could be redone."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self.listeners: list[Callable[[], None]] = []  # e.g. to enable menu items

    def push(self, command: Command) -> None:
        command.do()  # a failure here raises and leaves the stack as it was
        self._done.append(command)
        del self._done[:-self.limit]
        self._undone.clear()
        self._changed()

    def undo(self) -> str | None:
        if not self._done:
            return None
        command = self._done[-1]
        command.undo()
        self._undone.append(self._done.pop())
        self._changed()
        return command.label

    def redo(self) -> str | None:
        if not self._undone:
            return None
        command = self._undone[-1]
        command.do()
        self._done.append(self._undone.pop())
        self._changed()
        return command.label

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def _changed(self) -> None:
        for listener in self.listeners:
            listener()


# --- entries -------------------------------------------------------------------------------


@dataclass
class _EntriesCommand:
    """Shared by commands that create entries: undo removes them, redo restores them."""

    profile: OpenProfile
    ids: list[int] = field(default_factory=list)
    saved: list[entry_snapshots.EntrySnapshot] = field(default_factory=list)

    def _remove(self) -> None:
        self.saved = entry_snapshots.remove(self.profile, self.ids, "undo")

    def _restore(self) -> None:
        entry_snapshots.restore(self.profile, self.saved, "redo")


@dataclass
class AddEntry(_EntriesCommand):
    draft: EntryDraft | None = None
    today: date | None = None
    label: str = field(default_factory=lambda: _("Add entry"))

    def do(self) -> None:
        if self.saved:
            self._restore()
        else:
            assert self.draft is not None
            self.ids = [LedgerService(self.profile).add_entry(self.draft, self.today).id]

    def undo(self) -> None:
        self._remove()


@dataclass
class ImportStatement(_EntriesCommand):
    service: BankImportService | None = None
    preview: ImportPreview | None = None
    today: date | None = None
    label: str = field(default_factory=lambda: _("Import bank statement"))

    def do(self) -> None:
        if self.saved:
            self._restore()
        else:
            assert self.service is not None and self.preview is not None
            self.ids = list(self.service.commit(self.preview, self.today).entry_ids)

    def undo(self) -> None:
        if self.ids:
            self._remove()


@dataclass
class DeleteEntry:
    """Delete an entry; `confirmed` when it is reconciled and the person said yes."""

    profile: OpenProfile
    entry_id: int
    confirmed: bool = False
    label: str = field(default_factory=lambda: _("Delete entry"))
    saved: list[entry_snapshots.EntrySnapshot] = field(default_factory=list)

    def do(self) -> None:
        if not self.confirmed and LedgerService(self.profile).is_reconciled(self.entry_id):
            raise ReconciledEntryChange(
                _("This entry has been checked against a bank statement. "
                  "Delete it only if the statement was wrong."))
        self.saved = entry_snapshots.remove(self.profile, [self.entry_id], "delete")

    def undo(self) -> None:
        entry_snapshots.restore(self.profile, self.saved, "undo")


@dataclass
class EditEntry:
    """Change an entry; `confirmed` when it is reconciled and the person said yes."""

    profile: OpenProfile
    entry_id: int
    draft: EntryDraft
    confirmed: bool = False
    today: date | None = None
    label: str = field(default_factory=lambda: _("Change entry"))
    before: EntryDraft | None = None

    def do(self) -> None:
        old = LedgerService(self.profile).get_entry(self.entry_id)
        self.before = EntryDraft(old.on, old.amount, old.payee, old.category_code, old.memo,
                                 old.approval_reason)
        ReconciliationService(self.profile).update_entry(self.entry_id, self.draft,
                                                         self.confirmed, self.today)

    def undo(self) -> None:
        assert self.before is not None
        ReconciliationService(self.profile).update_entry(self.entry_id, self.before,
                                                         self.confirmed, self.today)


# --- reconciliation, evidence, services log ------------------------------------------------


@dataclass
class SetCleared:
    service: ReconciliationService
    reconciliation_id: int
    entry_id: int
    cleared: bool
    label: str = field(default_factory=lambda: _("Tick entry"))

    def do(self) -> None:
        self.service.set_cleared(self.reconciliation_id, self.entry_id, self.cleared)

    def undo(self) -> None:
        self.service.set_cleared(self.reconciliation_id, self.entry_id, not self.cleared)


@dataclass
class LockReconciliation:
    service: ReconciliationService
    reconciliation_id: int
    label: str = field(default_factory=lambda: _("Reconcile statement"))

    def do(self) -> None:
        self.service.lock(self.reconciliation_id)

    def undo(self) -> None:
        self.service.unlock(self.reconciliation_id)


@dataclass
class AttachEvidence:
    service: EvidenceService
    entry_id: int
    name: str
    data: bytes
    label: str = field(default_factory=lambda: _("Attach document"))
    evidence_id: int | None = None
    was_attached: bool = False

    def do(self) -> None:
        before = {e.id for e in self.service.for_entry(self.entry_id)}
        self.evidence_id = self.service.attach(self.entry_id, self.name, self.data).id
        self.was_attached = self.evidence_id in before

    def undo(self) -> None:
        if self.evidence_id is not None and not self.was_attached:
            self.service.detach(self.evidence_id, self.entry_id)


@dataclass
class DetachEvidence:
    service: EvidenceService
    evidence_id: int
    entry_id: int
    label: str = field(default_factory=lambda: _("Remove document"))
    kept: tuple[str, bytes] | None = None  # name and bytes, to attach again on undo

    def do(self) -> None:
        info, data = self.service.content(self.evidence_id)
        self.kept = (info.name, data)
        self.service.detach(self.evidence_id, self.entry_id)

    def undo(self) -> None:
        assert self.kept is not None
        # The same bytes may come back under a new number if nothing else kept them.
        self.evidence_id = self.service.attach(self.entry_id, *self.kept).id


@dataclass
class AddVisit:
    service: ServicesLogService
    draft: VisitDraft
    label: str = field(default_factory=lambda: _("Log visit"))
    visit_id: int | None = None

    def do(self) -> None:
        self.visit_id = self.service.add(self.draft).id

    def undo(self) -> None:
        assert self.visit_id is not None
        self.service.delete(self.visit_id)


@dataclass
class EditVisit:
    service: ServicesLogService
    visit_id: int
    draft: VisitDraft
    label: str = field(default_factory=lambda: _("Change visit"))
    before: VisitDraft | None = None

    def do(self) -> None:
        self.before = self.service.get(self.visit_id).draft
        self.service.update(self.visit_id, self.draft)

    def undo(self) -> None:
        assert self.before is not None
        self.service.update(self.visit_id, self.before)
