"""Reconciling an account with a bank statement.

The person enters the statement's closing date and balance, ticks the entries the statement
shows (cleared), and sees the difference until it is zero; then the ticked entries are locked
as reconciled. Changing a locked entry later needs a confirmation and leaves an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.domain.entries import Entry, EntryDraft
from app.domain.errors import DomainError
from app.domain.money import Money
from app.i18n import _, format_money
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event
from app.store.models import AccountRow, EntryRow
from app.store.models_bank import ReconciledEntryRow, ReconciliationRow


@dataclass(frozen=True)
class Reconciliation:
    id: int
    account_id: int
    statement_date: date
    closing_balance: Money
    cleared_balance: Money  # opening balance plus every cleared entry up to the statement date
    locked: bool

    @property
    def difference(self) -> Money:
        """What is still unexplained: zero when the ticked entries match the statement."""
        return self.closing_balance - self.cleared_balance


@dataclass(frozen=True)
class Candidate:
    """An entry that may appear on the statement, with its tick."""

    entry_id: int
    on: date
    amount: Money
    payee: str
    cleared: bool
    reconciled: bool


class ReconciliationService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    def start(self, account_id: int, statement_date: date, closing_balance: Money
              ) -> Reconciliation:
        with self.profile.session() as s, s.begin():
            if s.get(AccountRow, account_id) is None:
                raise DomainError(_("That account no longer exists."))
            row = ReconciliationRow(
                account_id=account_id, statement_date=statement_date,
                closing_balance=closing_balance, locked=False, created_by=self.profile.actor,
                created_at=datetime.now(UTC).replace(tzinfo=None))
            s.add(row)
            s.flush()
            append_event(s, self.profile.actor, "start", "reconciliation", row.id,
                         {"account_id": account_id, "statement_date": statement_date.isoformat(),
                          "closing_pence": closing_balance.pence})
            return self._state(s, row)

    def get(self, reconciliation_id: int) -> Reconciliation:
        with self.profile.session() as s:
            return self._state(s, self._row(s, reconciliation_id))

    def candidates(self, reconciliation_id: int) -> list[Candidate]:
        """Entries of the account up to the statement date, oldest first."""
        with self.profile.session() as s:
            rec = self._row(s, reconciliation_id)
            rows = s.scalars(select(EntryRow).where(
                EntryRow.account_id == rec.account_id, EntryRow.on <= rec.statement_date
            ).order_by(EntryRow.on, EntryRow.id))
            return [Candidate(r.id, r.on, r.amount, r.payee, r.cleared, r.reconciled)
                    for r in rows]

    def set_cleared(self, reconciliation_id: int, entry_id: int, cleared: bool
                    ) -> Reconciliation:
        with self.profile.session() as s, s.begin():
            rec = self._row(s, reconciliation_id)
            self._check_open(rec)
            entry = s.get(EntryRow, entry_id)
            if entry is None or entry.account_id != rec.account_id:
                raise DomainError(_("That entry is not in this account."))
            if entry.on > rec.statement_date:
                raise DomainError(_("That entry is dated after the statement's closing date."))
            if entry.reconciled:
                raise DomainError(_("That entry is already reconciled with an earlier statement."))
            entry.cleared = cleared
            return self._state(s, rec)

    def lock(self, reconciliation_id: int) -> Reconciliation:
        """Lock the ticked entries as reconciled; refused while there is a difference."""
        with self.profile.session() as s, s.begin():
            rec = self._row(s, reconciliation_id)
            self._check_open(rec)
            state = self._state(s, rec)
            if state.difference.pence != 0:
                raise DomainError(_("The ticked entries are {diff} away from the bank statement. "
                                    "Tick or untick entries until the difference is zero.")
                                  .format(diff=format_money(state.difference.pence)))
            ids = list(s.scalars(self._cleared_open(rec)))
            s.execute(update(EntryRow).where(EntryRow.id.in_(ids)).values(reconciled=True))
            s.add_all(ReconciledEntryRow(reconciliation_id=rec.id, entry_id=i) for i in ids)
            rec.locked = True
            append_event(s, self.profile.actor, "lock", "reconciliation", rec.id,
                         {"entry_ids": ids, "closing_pence": rec.closing_balance.pence})
            return self._state(s, rec)

    def unlock(self, reconciliation_id: int) -> Reconciliation:
        """Undo a lock: the entries it locked become editable again (kept as cleared)."""
        with self.profile.session() as s, s.begin():
            rec = self._row(s, reconciliation_id)
            ids = list(s.scalars(select(ReconciledEntryRow.entry_id).where(
                ReconciledEntryRow.reconciliation_id == rec.id)))
            s.execute(update(EntryRow).where(EntryRow.id.in_(ids)).values(reconciled=False))
            s.execute(delete(ReconciledEntryRow).where(
                ReconciledEntryRow.reconciliation_id == rec.id))
            rec.locked = False
            append_event(s, self.profile.actor, "unlock", "reconciliation", rec.id,
                         {"entry_ids": ids})
            return self._state(s, rec)

    def update_entry(self, entry_id: int, draft: EntryDraft, confirmed: bool = False,
                     today: date | None = None) -> Entry:
        """Change an entry; a reconciled one only when the person has confirmed it (the
        ledger checks and records that in the same transaction as the change)."""
        return LedgerService(self.profile).update_entry(entry_id, draft, today, confirmed)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, reconciliation_id: int) -> ReconciliationRow:
        row = s.get(ReconciliationRow, reconciliation_id)
        if row is None:
            raise DomainError(_("That reconciliation no longer exists."))
        return row

    @staticmethod
    def _check_open(rec: ReconciliationRow) -> None:
        if rec.locked:
            raise DomainError(_("This statement is already reconciled and locked."))

    @staticmethod
    def _cleared_open(rec: ReconciliationRow):  # type: ignore[no-untyped-def]
        return select(EntryRow.id).where(
            EntryRow.account_id == rec.account_id, EntryRow.on <= rec.statement_date,
            EntryRow.cleared.is_(True), EntryRow.reconciled.is_(False))

    @staticmethod
    def _state(s: Session, rec: ReconciliationRow) -> Reconciliation:
        opening = s.scalar(select(AccountRow.opening_balance).where(
            AccountRow.id == rec.account_id)) or Money(0)
        cleared = s.scalar(select(func.coalesce(func.sum(EntryRow.amount), 0)).where(
            EntryRow.account_id == rec.account_id, EntryRow.on <= rec.statement_date,
            (EntryRow.cleared.is_(True)) | (EntryRow.reconciled.is_(True))))
        pence = cleared.pence if isinstance(cleared, Money) else int(cleared or 0)
        return Reconciliation(rec.id, rec.account_id, rec.statement_date, rec.closing_balance,
                              opening + Money(pence), rec.locked)
