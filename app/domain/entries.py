"""Ledger entries and the rules a new or changed entry must keep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.categories import Category, Direction, Permission
from app.domain.errors import NeedsConfirmation, ValidationError
from app.domain.money import Money
from app.i18n import _, active_locale, format_money

LARGEST_ENTRY = Money(100_000_000)  # £1,000,000: anything bigger is a typing slip
EARLIEST_DATE = date(2000, 1, 1)
MAX_PAYEE = 200
MAX_MEMO = 2000


@dataclass(frozen=True)
class EntryDraft:
    """What a form or importer asks to record. The sign of `amount` is in (+) or out (-)."""

    on: date
    amount: Money
    payee: str
    category_code: str
    memo: str = ""
    approval_reason: str = ""


@dataclass(frozen=True)
class Entry:
    id: int
    on: date
    amount: Money
    payee: str
    category_code: str
    memo: str
    approval_reason: str
    account_id: int
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class LedgerRow:
    """An entry as the ledger shows it, with the account balance just after it."""

    entry: Entry
    balance: Money


def validate(draft: EntryDraft, categories: dict[str, Category], today: date) -> EntryDraft:
    """Check a draft; returns it tidied (trimmed text) or raises a plain-language error."""
    payee = draft.payee.strip()
    memo = draft.memo.strip()
    if draft.amount.pence == 0:
        raise ValidationError("amount", _("Type an amount that is not zero."))
    if abs(draft.amount) > LARGEST_ENTRY:
        raise ValidationError(
            "amount",
            _("That amount is more than {limit}. Check it and try again.").format(
                limit=format_money(LARGEST_ENTRY.pence)
            ),
        )
    if draft.on < EARLIEST_DATE or draft.on > today + timedelta(days=366):
        raise ValidationError("on", _("The date must be between 2000 and a year from today."))
    if not payee:
        raise ValidationError("payee", _("Say who the money was paid to or came from."))
    if len(payee) > MAX_PAYEE or len(memo) > MAX_MEMO:
        raise ValidationError("memo", _("That text is too long. Make it shorter."))
    category = categories.get(draft.category_code)
    if category is None:
        raise ValidationError("category", _("Choose a category from the list."))
    incoming = draft.amount.pence > 0
    if incoming != (category.direction is Direction.IN):
        message = (
            _("“{name}” is for money in. Choose a money-out category.")
            if category.direction is Direction.IN
            else _("“{name}” is for money out. Choose a money-in category.")
        )
        raise ValidationError("category", message.format(name=category.name(active_locale())))
    reason = draft.approval_reason.strip()
    if category.permission is Permission.NOT_ALLOWED and not reason:
        raise NeedsConfirmation(
            _(
                "The council does not usually allow spending on “{name}”. "
                "If you have agreed it with them, give the reason."
            ).format(name=category.name(active_locale()))
        )
    return EntryDraft(draft.on, draft.amount, payee, draft.category_code, memo, reason)
