"""The one rule book: every question about the council's (or NHS's) rules is answered here.

A Policy is made from the profile's chosen rule and its categories. The entry dialog, bank
import suggestions, the Money tab, the forecast and the statement all ask it, so none of them
can work a rule out differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain.categories import Category, Direction, Permission
from app.domain.council_rules import (
    CouncilRule,
    DueFrom,
    LimitBasis,
    ReturnFrequency,
    return_period,
)
from app.domain.documents import DocumentKind
from app.domain.funding import Period, weeks_held
from app.domain.money import Money

UNSORTED_GROUP = "unsorted"


@dataclass(frozen=True)
class Position:
    """Where the money stands on a day against the rule: the figures every screen shows."""

    on: date
    balance: Money
    gross_weekly: Money  # of every stream running that day, at that day's rates
    weeks_held: Decimal | None  # in weeks of `weekly` (the amount the rule counts)
    weeks_limit: int | None  # None: the rule publishes no limit
    contingency_weeks: int
    owed: Money  # wages, tax, pension and invoices still to pay out of the balance
    surplus: Money
    net_weekly: Money | None = None  # gross less the person's contribution (None: the same)
    basis: LimitBasis = LimitBasis.GROSS
    minimum_weeks: int = 0

    @property
    def weekly(self) -> Money:
        """The weekly amount the limit, the minimum and weeks held are counted in."""
        if self.basis is LimitBasis.NET and self.net_weekly is not None:
            return self.net_weekly
        return self.gross_weekly

    @property
    def over_limit(self) -> bool:
        return self.surplus.pence > 0

    @property
    def allowed_weeks(self) -> int:
        return (self.weeks_limit or 0) + self.contingency_weeks

    @property
    def kept(self) -> Money:
        """What may be held before there is a surplus: the limit and contingency in weeks of
        `weekly`, and what is still owed."""
        return self.weekly.times(self.allowed_weeks) + self.owed

    @property
    def minimum(self) -> Money:
        """The balance the council expects to be kept (zero when it publishes none)."""
        return self.weekly.times(self.minimum_weeks)

    @property
    def below_minimum(self) -> bool:
        return self.minimum_weeks > 0 and self.balance.pence < self.minimum.pence


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
    def weeks_limit(self) -> int | None:
        return self.rule.weeks_held_limit

    @property
    def limit_basis(self) -> LimitBasis:
        return self.rule.limit_basis

    @property
    def minimum_weeks(self) -> int:
        return self.rule.minimum_weeks

    @property
    def contingency_weeks(self) -> int:
        return self.rule.contingency_weeks

    @property
    def allowed_weeks(self) -> int:
        return self.rule.allowed_weeks

    def weekly(self, gross_weekly: Money, net_weekly: Money | None = None) -> Money:
        """The weekly amount the rule counts its limit in: gross, or net of the person's own
        contribution (Harrow, Essex: what the council pays in)."""
        if self.limit_basis is LimitBasis.NET and net_weekly is not None:
            return net_weekly
        return gross_weekly

    def contingency(self, gross_weekly: Money, net_weekly: Money | None = None) -> Money:
        return self.weekly(gross_weekly, net_weekly).times(self.contingency_weeks)

    def surplus(self, balance: Money, gross_weekly: Money, owed: Money,
                net_weekly: Money | None = None) -> Money:
        """Money above the limit plus contingency, after what is still owed (never negative).
        Without a weekly budget, or when the rule publishes no limit, there is no limit to
        measure against, so no surplus."""
        weekly = self.weekly(gross_weekly, net_weekly)
        if weekly.pence <= 0 or not self.rule.has_limit:
            return Money(0)
        kept = weekly.times(self.allowed_weeks) + owed
        return Money(max(0, balance.pence - kept.pence))

    def position(self, on: date, balance: Money, gross_weekly: Money, owed: Money,
                 net_weekly: Money | None = None) -> Position:
        weekly = self.weekly(gross_weekly, net_weekly)
        return Position(on, balance, gross_weekly, weeks_held(balance, weekly),
                        self.weeks_limit, self.contingency_weeks, owed,
                        self.surplus(balance, gross_weekly, owed, net_weekly), net_weekly,
                        self.limit_basis, self.minimum_weeks)

    # --- periods -------------------------------------------------------------------------

    def return_period(self, day: date) -> Period:
        """The return period holding `day` (UK financial quarters, halves or years; a quarter
        for returns made when the council asks)."""
        return return_period(self.rule.return_frequency, day)

    @property
    def on_request(self) -> bool:
        return self.rule.return_frequency is ReturnFrequency.ON_REQUEST

    def due_date(self, period: Period) -> date | None:
        """The day a return for `period` is due, when the council publishes one counted from
        the period's end; None when it is due a number of days after the council asks, or the
        council publishes no date."""
        if self.rule.due_days is None or self.rule.due_from is not DueFrom.PERIOD_END:
            return None
        return period.end + timedelta(days=self.rule.due_days)

    # --- evidence ------------------------------------------------------------------------

    @property
    def required_evidence(self) -> tuple[DocumentKind, ...]:
        """The evidence the council lists, in its order (empty: it publishes no list)."""
        return self.rule.required_evidence
