"""Reconciling an account with a bank statement.

The person enters the statement's closing date and balance, ticks the entries the statement
shows (cleared), and sees the difference until it is zero; then the ticked entries are locked
as reconciled. Changing a locked entry later needs a confirmation and leaves an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.audit import Cause
from app.domain.errors import DomainError
from app.domain.money import Money
from app.i18n import _, format_money
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore
from app.store.repos import Repos


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
class OfferedBalance:
    """The closing balance an imported statement file stated, offered for the check."""

    on: date
    balance: Money
    source: str  # the file's name


def difference_in_words(rec: Reconciliation) -> str:
    """The difference as a person would say it, with where to look."""
    if rec.locked:
        return _("Reconciled and locked.")
    diff = rec.difference.pence
    if diff == 0:
        return _("The ticked entries add up to the statement's balance exactly. You can lock "
                 "them now.")
    amount = format_money(abs(diff))
    if diff > 0:
        return _("The statement shows {amount} more than your ticked entries. Look for money "
                 "in that is not ticked or not recorded, or money out ticked by mistake.").format(
            amount=amount)
    return _("The statement shows {amount} less than your ticked entries. Look for money out "
             "that is not ticked or not recorded, or money in ticked by mistake.").format(
        amount=amount)


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
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def start(self, account_id: int, statement_date: date, closing_balance: Money
              ) -> Reconciliation:
        with self.store.write(Cause("start")) as (repos, writer):
            if repos.accounts.get(account_id) is None:
                raise DomainError(_("That account no longer exists."))
            rec_id = writer.insert("reconciliation", {
                "account_id": account_id, "statement_date": statement_date,
                "closing_balance": closing_balance, "locked": False,
                "created_by": self.store.actor, "created_at": now_utc()})
            return _state(repos, rec_id)

    def offered(self, account_id: int) -> OfferedBalance | None:
        """The latest balance an imported file stated for the account, if any."""
        with self.store.read() as repos:
            found = repos.accounts.latest_stated(account_id)
        return None if found is None else OfferedBalance(*found)

    def get(self, reconciliation_id: int) -> Reconciliation:
        with self.store.read() as repos:
            return _state(repos, reconciliation_id)

    def candidates(self, reconciliation_id: int) -> list[Candidate]:
        """Entries of the account up to the statement date, oldest first."""
        with self.store.read() as repos:
            rec = _state(repos, reconciliation_id)
            entries = repos.entries.between(date.min, rec.statement_date)
        return [Candidate(e.id, e.on, e.amount, e.payee, e.cleared, e.reconciled)
                for e in entries if e.account_id == rec.account_id]

    def set_cleared(self, reconciliation_id: int, entry_id: int, cleared: bool
                    ) -> Reconciliation:
        with self.store.write(Cause("tick" if cleared else "untick")) as (repos, writer):
            rec = _open(repos, reconciliation_id)
            entry = repos.entries.get(entry_id)
            if entry is None or entry.account_id != rec.account_id:
                raise DomainError(_("That entry is not in this account."))
            if entry.on > rec.statement_date:
                raise DomainError(_("That entry is dated after the statement's closing date."))
            if entry.reconciled:
                raise DomainError(_("That entry is already reconciled with an earlier statement."))
            writer.update("entry", (entry_id,), {"cleared": cleared})
            return _state(repos, reconciliation_id)

    def tick_up_to(self, reconciliation_id: int, last_day: date) -> Reconciliation:
        """Tick every entry of the account up to `last_day` (and the statement's date)."""
        with self.store.write(Cause("tick")) as (repos, writer):
            rec = _open(repos, reconciliation_id)
            for entry in repos.entries.between(date.min, min(last_day, rec.statement_date)):
                if entry.account_id == rec.account_id and not entry.reconciled:
                    writer.update("entry", (entry.id,), {"cleared": True})
            return _state(repos, reconciliation_id)

    def lock(self, reconciliation_id: int) -> Reconciliation:
        """Lock the ticked entries as reconciled; refused while there is a difference."""
        with self.store.write(Cause("lock")) as (repos, writer):
            rec = _open(repos, reconciliation_id)
            if rec.difference.pence != 0:
                raise DomainError(_("The ticked entries are {diff} away from the bank statement. "
                                    "Tick or untick entries until the difference is zero.")
                                  .format(diff=format_money(rec.difference.pence)))
            for entry_id in repos.reconciliations.open_cleared_ids(rec.account_id,
                                                                   rec.statement_date):
                writer.update("entry", (entry_id,), {"reconciled": True})
                writer.insert("reconciled_entry", {"reconciliation_id": rec.id,
                                                   "entry_id": entry_id})
            writer.update("reconciliation", (rec.id,), {"locked": True})
            return _state(repos, reconciliation_id)


def _state(repos: Repos, reconciliation_id: int) -> Reconciliation:
    row = repos.reconciliations.get(reconciliation_id)
    if row is None:
        raise DomainError(_("That reconciliation no longer exists."))
    rec_id, account_id, statement_date, closing, locked = row
    return Reconciliation(rec_id, account_id, statement_date, closing,
                          repos.reconciliations.cleared_balance(account_id, statement_date),
                          locked)


def _open(repos: Repos, reconciliation_id: int) -> Reconciliation:
    rec = _state(repos, reconciliation_id)
    if rec.locked:
        raise DomainError(_("This statement is already reconciled and locked."))
    return rec
