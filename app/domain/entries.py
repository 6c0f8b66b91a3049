"""Ledger entries and the rules a new or changed entry must keep."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app.domain.categories import Direction, Permission
from app.domain.errors import NeedsConfirmation, ValidationError
from app.domain.money import Money
from app.domain.policy import Policy
from app.i18n import _, active_locale, format_date, format_money

LARGEST_ENTRY = Money(100_000_000)  # £1,000,000: anything bigger is a typing slip
EARLIEST_DATE = date(2000, 1, 1)
MAX_PAYEE = 200
MAX_MEMO = 2000
MAX_PLAN_LINE = 100


@dataclass(frozen=True)
class EntryDraft:
    """What a form or importer asks to record. The sign of `amount` is in (+) or out (-)."""

    on: date
    amount: Money
    payee: str
    category_code: str
    memo: str = ""
    approval_reason: str = ""
    plan_line: str = ""  # the support-plan line's name; blank for none
    account_id: int | None = None  # None: the profile's first account


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
    plan_line_id: int | None = None
    cleared: bool = False
    reconciled: bool = False
    import_id: str | None = None


@dataclass(frozen=True)
class LedgerRow:
    """An entry as the ledger shows it, with the account balance just after it."""

    entry: Entry
    balance: Money


def validate(draft: EntryDraft, policy: Policy, today: date,
             records_start: date | None = None) -> EntryDraft:
    """Check a draft against the ledger's rules and the council's; returns it tidied (trimmed
    text) or raises a plain-language error."""
    payee = draft.payee.strip()
    memo = draft.memo.strip()
    plan_line = " ".join(draft.plan_line.split())
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
    if records_start is not None and draft.on < records_start:
        raise ValidationError("on", _(
            "That date is before the records start on {start}. Money from before then is in "
            "the opening balance.").format(start=format_date(records_start)))
    if not payee:
        raise ValidationError("payee", _("Say who the money was paid to or came from."))
    if len(payee) > MAX_PAYEE or len(memo) > MAX_MEMO or len(plan_line) > MAX_PLAN_LINE:
        raise ValidationError("memo", _("That text is too long. Make it shorter."))
    category = policy.categories.get(draft.category_code)
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
    if policy.needs_reason(category.code) and not reason:
        raise NeedsConfirmation(reason_question(policy.permission(category.code),
                                                category.name(active_locale())))
    return replace(draft, payee=payee, memo=memo, approval_reason=reason, plan_line=plan_line)


def reason_question(permission: Permission, name: str) -> str:
    """What a form asks when spending needs the council's agreement recorded."""
    if permission is Permission.NOT_ALLOWED:
        return _("The council does not usually allow spending on “{name}”. "
                 "If you have agreed it with them, give the reason.").format(name=name)
    return _("The council must agree spending on “{name}” first. Say when and how they "
             "agreed it, for example “email from the council, 3 May”.").format(name=name)
