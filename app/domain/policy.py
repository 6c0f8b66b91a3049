"""The one rule book: every question about the council's (or NHS's) rules is answered here.

A Policy is made from the profile's chosen rule and its categories. The entry dialog, bank
import suggestions, the Money tab, the forecast and the statement all ask it, so none of them
can work a rule out differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.categories import Category, Direction, Permission
from app.domain.council_rules import CouncilRule, return_period
from app.domain.funding import Period, weeks_held
from app.domain.money import Money

UNSORTED_GROUP = "unsorted"


@dataclass(frozen=True)
class Position:
    """Where the money stands on a day against the rule: the figures every screen shows."""

    on: date
    balance: Money
    gross_weekly: Money  # of every stream running that day, at that day's rates
    weeks_held: Decimal | None
    weeks_limit: int
    contingency_weeks: int
    owed: Money  # wages, tax, pension and invoices still to pay out of the balance
    surplus: Money

    @property
    def over_limit(self) -> bool:
        return self.surplus.pence > 0

    @property
    def allowed_weeks(self) -> int:
        return self.weeks_limit + self.contingency_weeks


@dataclass(frozen=True)
class Policy:
    rule: CouncilRule
    categories: Mapping[str, Category]

    # --- categories ----------------------------------------------------------------------

    def permission(self, code: str) -> Permission:
        """The rule's word on a category, else the category's own default."""
        category = self.categories.get(code)
        default = category.permission if category else Permission.NEEDS_APPROVAL
        return dict(self.rule.permissions).get(code, default)

    def needs_reason(self, code: str) -> bool:
        """Spending the council must agree (or does not usually allow) needs the agreement's
        reason recorded with it, whatever screen or import it comes from."""
        return self.permission(code) is not Permission.ALLOWED

    def is_unsorted(self, code: str) -> bool:
        """A holding category for bank lines nobody has given a category yet."""
        category = self.categories.get(code)
        return category is not None and category.group == UNSORTED_GROUP

    def unsorted_code(self, direction: Direction) -> str:
        for category in self.categories.values():
            if category.group == UNSORTED_GROUP and category.direction is direction:
                return category.code
        raise LookupError(f"no unsorted category for money {direction.value}")

    def usable_without_reason(self) -> list[Category]:
        return [c for c in self.categories.values() if not self.needs_reason(c.code)]

    # --- limits --------------------------------------------------------------------------

    @property
    def weeks_limit(self) -> int:
        return self.rule.weeks_held_limit

    @property
    def contingency_weeks(self) -> int:
        return self.rule.contingency_weeks

    @property
    def allowed_weeks(self) -> int:
        return self.rule.allowed_weeks

    def contingency(self, gross_weekly: Money) -> Money:
        return gross_weekly.times(self.contingency_weeks)

    def surplus(self, balance: Money, gross_weekly: Money, owed: Money) -> Money:
        """Money above the limit plus contingency, after what is still owed (never negative).
        Without a weekly budget there is no limit to measure against, so no surplus."""
        if gross_weekly.pence <= 0:
            return Money(0)
        return Money(max(0, balance.pence - self.limit(gross_weekly, owed).pence))

    def limit(self, gross_weekly: Money, owed: Money) -> Money:
        """The most the account may hold before the excess is surplus: the allowed weeks of
        funding plus what is still owed (the balance chart's limit line)."""
        return gross_weekly.times(self.allowed_weeks) + owed

    def position(self, on: date, balance: Money, gross_weekly: Money, owed: Money) -> Position:
        return Position(on, balance, gross_weekly, weeks_held(balance, gross_weekly),
                        self.weeks_limit, self.contingency_weeks, owed,
                        self.surplus(balance, gross_weekly, owed))

    # --- periods -------------------------------------------------------------------------

    def return_period(self, day: date) -> Period:
        """The return period holding `day` (UK financial quarters, halves or years)."""
        return return_period(self.rule.return_frequency, day)
