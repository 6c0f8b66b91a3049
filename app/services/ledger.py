"""Use cases on the ledger: read pages with balances, add, change and delete entries.

Each public method is one unit of work: one transaction, one audit event (through the one
writer). Callers get frozen dataclasses, never rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.accounts import Account
from app.domain.audit import Cause
from app.domain.categories import Category
from app.domain.entries import Entry, EntryDraft, LedgerRow, validate
from app.domain.errors import DomainError, NeedsConfirmation
from app.domain.money import Money
from app.domain.person import Holder
from app.domain.plan import PlanLine
from app.domain.policy import Policy
from app.i18n import _
from app.services.payees import learn
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

if TYPE_CHECKING:
    from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

PAGE_SIZE = 200


class ReconciledEntryChange(NeedsConfirmation):
    """The entry was checked against a bank statement; changing it needs a clear yes."""


class EntryNotFound(DomainError):
    pass


def _check_reconciled(entry: Entry, confirmed: bool, deleting: bool = False) -> None:
    if entry.reconciled and not confirmed:
        raise ReconciledEntryChange(
            _("This entry has been checked against a bank statement. "
              "Delete it only if the statement was wrong.") if deleting else
            _("This entry has been checked against a bank statement. "
              "Change it only if the statement was wrong."))


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class LedgerService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    # --- reading -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        with self.store.read() as repos:
            return repos.categories.all()

    def policy(self) -> Policy:
        with self.store.read() as repos:
            return repos.policy()

    def plan_lines(self) -> list[PlanLine]:
        with self.store.read() as repos:
            return repos.plan.lines()

    def accounts(self) -> list[Account]:
        with self.store.read() as repos:
            return repos.accounts.all()

    def holder(self) -> Holder:
        with self.store.read() as repos:
            holder = repos.people.holder()
        if holder is None:
            raise DomainError(_("This profile has no budget holder recorded."))
        return holder

    def count(self) -> int:
        with self.store.read() as repos:
            return repos.entries.count()

    def get_entry(self, entry_id: int) -> Entry:
        with self.store.read() as repos:
            return _found(repos.entries.get(entry_id))

    def balance(self, up_to: date | None = None) -> Money:
        with self.store.read() as repos:
            return repos.entries.balance(up_to)

    def page(self, after: tuple[date, int] | None = None, limit: int = PAGE_SIZE,
             balance_above: Money | None = None) -> list[LedgerRow]:
        """Up to `limit` rows, newest first, starting just below the key `after` (date, id).

        `balance_above` is the balance before the row just above (known to a caller walking
        down page by page); without it the first balance is summed from the ledger.
        """
        with self.store.read() as repos:
            entries = repos.entries.below(after, limit)
            if not entries:
                return []
            balance = (balance_above.pence if balance_above is not None
                       else repos.entries.balance_after(entries[0]).pence)
        page = []
        for entry in entries:
            page.append(LedgerRow(entry, Money(balance)))
            balance -= entry.amount.pence
        return page

    def is_reconciled(self, entry_id: int) -> bool:
        return self.get_entry(entry_id).reconciled

    # --- changing ------------------------------------------------------------------------

    def add_entry(self, draft: EntryDraft, today: date | None = None) -> Entry:
        return self.add_entries([draft], today, Cause("add"))[0]

    def add_entries(self, drafts: Sequence[EntryDraft], today: date | None = None,
                    cause: Cause | None = None) -> list[Entry]:
        """Record several entries all-or-nothing: one bad draft and none is saved."""
        with self.store.write(cause or Cause("add")) as (repos, writer):
            policy, day = repos.policy(), today or date.today()
            start, now = repos.accounts.records_start(), now_utc()
            rows = []
            for draft in drafts:
                clean = validate(draft, policy, day, start)
                rows.append(entry_values(clean, self._account_id(repos, clean),
                                         self._plan_line_id(repos, writer, clean.plan_line),
                                         self.store.actor, now))
            ids = writer.insert_many("entry", rows)
            return [_found(repos.entries.get(i)) for i in ids]

    def update_entry(self, entry_id: int, draft: EntryDraft, today: date | None = None,
                     confirmed: bool = False) -> Entry:
        """Change an entry. One checked against a bank statement changes only when the
        person has `confirmed` it, and the audit event says so."""
        with self.store.write(Cause("change", about={"reconciled": confirmed})) as (
                repos, writer):
            old = _found(repos.entries.get(entry_id))
            _check_reconciled(old, confirmed)
            clean = validate(draft, repos.policy(), today or date.today(),
                             repos.accounts.records_start())
            writer.update("entry", (entry_id,), {
                "on": clean.on, "amount": clean.amount, "payee": clean.payee,
                "category_code": clean.category_code, "memo": clean.memo,
                "approval_reason": clean.approval_reason,
                "account_id": self._account_id(repos, clean, old.account_id),
                "plan_line_id": self._plan_line_id(repos, writer, clean.plan_line)})
            if (clean.payee, clean.category_code) != (old.payee, old.category_code):
                self._learn(repos, writer, old, clean)
            return _found(repos.entries.get(entry_id))

    def _learn(self, repos: Repos, writer: Writer, old: Entry, new: EntryDraft) -> None:
        """A corrected payee or category on a line from the bank is remembered for the next
        statement (a payee rule), in the same unit of work: undo takes both back."""
        text = old.memo if old.import_id else repos.matches.bank_text_of(old.id)
        if text:
            learn(repos, writer, self.store.actor, text, new.payee, new.category_code)

    def delete_entry(self, entry_id: int, confirmed: bool = False) -> None:
        """Delete an entry with its links (receipts, checks, visits paid): all come back on
        undo, and the history keeps every image."""
        with self.store.write(Cause("delete", about={"reconciled": confirmed})) as (
                repos, writer):
            _check_reconciled(_found(repos.entries.get(entry_id)), confirmed, deleting=True)
            writer.delete("entry", (entry_id,))

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _account_id(repos: Repos, draft: EntryDraft, current: int | None = None) -> int:
        if draft.account_id is not None:
            if repos.accounts.get(draft.account_id) is None:
                raise DomainError(_("That account no longer exists."))
            return draft.account_id
        if current is not None:
            return current
        account = repos.accounts.first()
        if account is None:
            raise DomainError(_("This profile has no account to record money in."))
        return account.id

    @staticmethod
    def _plan_line_id(repos: Repos, writer: Writer, name: str) -> int | None:
        """The plan line called `name`; a name not in the plan yet is added to it."""
        if not name:
            return None
        line = repos.plan.find(name)
        if line is not None:
            return line.id
        return writer.insert("plan_line", {"name": name, "weekly_budget": None})


def entry_values(draft: EntryDraft, account_id: int, plan_line_id: int | None, actor: str,
                 now: datetime, import_id: str | None = None, cleared: bool = False
                 ) -> dict[str, Any]:
    """The stored fields of a new entry."""
    return {"on": draft.on, "amount": draft.amount, "account_id": account_id,
            "payee": draft.payee, "category_code": draft.category_code,
            "plan_line_id": plan_line_id, "memo": draft.memo,
            "approval_reason": draft.approval_reason, "cleared": cleared, "reconciled": False,
            "import_id": import_id, "created_by": actor, "created_at": now}


def _found(entry: Entry | None) -> Entry:
    if entry is None:
        raise EntryNotFound(_("That entry no longer exists. It may have been deleted."))
    return entry
