"""Use cases on the ledger: read pages with balances, add, change and delete entries.

Each public method is one unit of work: one session, one transaction, one audit event per
change. Callers get frozen dataclasses, never ORM rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from app.domain.audit import AuditEvent
from app.domain.categories import Category, Direction, Permission
from app.domain.entries import Entry, EntryDraft, LedgerRow, validate
from app.domain.errors import DomainError, NeedsConfirmation
from app.domain.funding import Period, financial_quarter, weeks_held
from app.domain.money import Money
from app.i18n import _
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event, append_events, load_events
from app.store.ledger_pages import balance_after, entries_below
from app.store.models import (
    AccountRow,
    CategoryRow,
    CouncilRuleRow,
    EntryRow,
    FundingStreamRow,
    PersonRow,
)

PAGE_SIZE = 200


class ReconciledEntryChange(NeedsConfirmation):
    """The entry was checked against a bank statement; changing it needs a clear yes."""


def _check_reconciled(row: EntryRow, confirmed: bool) -> None:
    if row.reconciled and not confirmed:
        raise ReconciledEntryChange(
            _("This entry has been checked against a bank statement. "
              "Change it only if the statement was wrong.")
        )


class EntryNotFound(DomainError):
    pass


@dataclass(frozen=True)
class ProfileDetails:
    """Who the ledger belongs to, for headings."""

    display_name: str
    council_name: str
    council_reference: str


@dataclass(frozen=True)
class LedgerSummary:
    balance: Money
    period: Period
    money_in: Money
    money_out: Money  # a positive figure: what went out
    gross_weekly: Money
    weeks_held: Decimal | None
    weeks_limit: int

    @property
    def over_limit(self) -> bool:
        return self.weeks_held is not None and self.weeks_held > self.weeks_limit


def _pence(value: Money | int | None) -> int:
    """A SQL sum over a Money column comes back as Money (or int when empty via COALESCE)."""
    if isinstance(value, Money):
        return value.pence
    return int(value or 0)




def _entry(row: EntryRow) -> Entry:
    return Entry(row.id, row.on, row.amount, row.payee, row.category_code, row.memo,
                 row.approval_reason, row.account_id, row.created_by, row.created_at)


def _category(row: CategoryRow) -> Category:
    return Category(row.code, row.name_en, row.name_cy, row.grp, Direction(row.direction),
                    Permission(row.permission))


def entry_snapshot(row: EntryRow) -> dict[str, Any]:
    return {"on": row.on.isoformat(), "amount_pence": row.amount.pence, "payee": row.payee,
            "category": row.category_code, "memo": row.memo,
            "approval_reason": row.approval_reason, "account_id": row.account_id}


class LedgerService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    # --- reading -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        with self.profile.session() as s:
            # rowid is insertion order, i.e. the order of the category data file.
            query = select(CategoryRow).order_by(literal_column("rowid"))
            return [_category(r) for r in s.scalars(query)]

    def count(self) -> int:
        with self.profile.session() as s:
            return s.scalar(select(func.count(EntryRow.id))) or 0

    def get_entry(self, entry_id: int) -> Entry:
        with self.profile.session() as s:
            return _entry(self._row(s, entry_id))

    def balance(self) -> Money:
        with self.profile.session() as s:
            return self._balance(s)

    def page(self, after: tuple[date, int] | None = None, limit: int = PAGE_SIZE,
             balance_above: Money | None = None) -> list[LedgerRow]:
        """Up to `limit` rows, newest first, starting just below the key `after` (date, id).

        `balance_above` is the balance before the row just above (known to a caller walking
        down page by page); without it the first balance is summed from the ledger.
        """
        with self.profile.session() as s:
            entries = entries_below(s, after, limit)
            if not entries:
                return []
            balance = (balance_above.pence if balance_above is not None
                       else balance_after(s, entries[0]))
        page = []
        for entry in entries:
            page.append(LedgerRow(entry, Money(balance)))
            balance -= entry.amount.pence
        return page

    def summary(self, today: date) -> LedgerSummary:
        period = financial_quarter(today)
        with self.profile.session() as s:
            money_in, money_out = s.execute(
                select(
                    func.coalesce(func.sum(case((EntryRow.amount > 0, EntryRow.amount))), 0),
                    func.coalesce(func.sum(case((EntryRow.amount < 0, EntryRow.amount))), 0),
                ).where(and_(EntryRow.on >= period.start, EntryRow.on <= period.end))
            ).one()
            balance = self._balance(s, up_to=today)
            stream = s.scalars(select(FundingStreamRow).order_by(FundingStreamRow.id)).first()
            rule = s.scalars(select(CouncilRuleRow).order_by(CouncilRuleRow.id)).first()
        gross = stream.gross_weekly if stream else Money(0)
        return LedgerSummary(
            balance=balance, period=period, money_in=Money(_pence(money_in)),
            money_out=Money(-_pence(money_out)), gross_weekly=gross,
            weeks_held=weeks_held(balance, gross), weeks_limit=rule.weeks_held_limit if rule else 8,
        )

    def details(self) -> ProfileDetails:
        with self.profile.session() as s:
            person = s.scalars(select(PersonRow).order_by(PersonRow.id)).first()
        if person is None:
            return ProfileDetails(self.profile.info.display_name, "", "")
        return ProfileDetails(person.display_name, person.council_name, person.council_reference)

    def audit_events(self) -> list[AuditEvent]:
        with self.profile.session() as s:
            return load_events(s)

    # --- changing ------------------------------------------------------------------------

    def add_entry(self, draft: EntryDraft, today: date | None = None) -> Entry:
        return self.add_entries([draft], today)[0]

    def add_entries(self, drafts: list[EntryDraft], today: date | None = None) -> list[Entry]:
        """Record several entries all-or-nothing: one bad draft and none is saved."""
        with self.profile.session() as s, s.begin():
            categories = self._categories(s)
            account_id = self._default_account(s)
            now = datetime.now(UTC).replace(tzinfo=None)
            rows = []
            for draft in drafts:
                clean = validate(draft, categories, today or date.today())
                rows.append(EntryRow(
                    on=clean.on, amount=clean.amount, payee=clean.payee,
                    category_code=clean.category_code, memo=clean.memo,
                    approval_reason=clean.approval_reason, account_id=account_id,
                    support_plan_line="", cleared=False, reconciled=False,
                    created_by=self.profile.actor, created_at=now,
                ))
            s.add_all(rows)
            s.flush()  # one batched INSERT; gives every row its id for the audit events
            append_events(s, self.profile.actor,
                          [("create", "entry", row.id, entry_snapshot(row)) for row in rows])
            return [_entry(row) for row in rows]

    def update_entry(self, entry_id: int, draft: EntryDraft, today: date | None = None,
                     confirmed: bool = False) -> Entry:
        """Change an entry. One checked against a bank statement changes only when the
        person has `confirmed` it, and the audit event says so."""
        with self.profile.session() as s, s.begin():
            clean = validate(draft, self._categories(s), today or date.today())
            row = self._row(s, entry_id)
            _check_reconciled(row, confirmed)
            before = entry_snapshot(row)
            row.on, row.amount, row.payee = clean.on, clean.amount, clean.payee
            row.category_code, row.memo = clean.category_code, clean.memo
            row.approval_reason = clean.approval_reason
            s.flush()
            detail: dict[str, Any] = {"before": before, "after": entry_snapshot(row)}
            if row.reconciled:
                detail["reconciled_entry_changed"] = True
            append_event(s, self.profile.actor, "update", "entry", row.id, detail)
            return _entry(row)

    def delete_entry(self, entry_id: int, confirmed: bool = False) -> None:
        with self.profile.session() as s, s.begin():
            row = self._row(s, entry_id)
            _check_reconciled(row, confirmed)
            append_event(s, self.profile.actor, "delete", "entry", row.id,
                         {"before": entry_snapshot(row)})
            s.delete(row)

    def is_reconciled(self, entry_id: int) -> bool:
        with self.profile.session() as s:
            return bool(self._row(s, entry_id).reconciled)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, entry_id: int) -> EntryRow:
        row = s.get(EntryRow, entry_id)
        if row is None:
            raise EntryNotFound(_("That entry no longer exists. It may have been deleted."))
        return row

    @staticmethod
    def _categories(s: Session) -> dict[str, Category]:
        return {r.code: _category(r) for r in s.scalars(select(CategoryRow))}

    @staticmethod
    def _default_account(s: Session) -> int:
        account_id = s.scalar(select(AccountRow.id).order_by(AccountRow.id).limit(1))
        if account_id is None:
            raise DomainError(_("This profile has no account to record money in."))
        return account_id

    @staticmethod
    def _balance(s: Session, up_to: date | None = None) -> Money:
        opening = s.scalar(select(func.coalesce(func.sum(AccountRow.opening_balance), 0)))
        query = select(func.coalesce(func.sum(EntryRow.amount), 0))
        if up_to is not None:
            query = query.where(EntryRow.on <= up_to)
        return Money(_pence(opening) + _pence(s.scalar(query)))
