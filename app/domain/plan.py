"""The support plan's lines: what each pays for and its budget, and spending against them."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.i18n import _

MAX_NAME = 100


@dataclass(frozen=True)
class PlanLine:
    id: int
    name: str
    weekly_budget: Money | None = None


@dataclass(frozen=True)
class PlanSpend:
    """One plan line over a period: its budget for those days and what was spent on it."""

    name: str
    budget: Money | None  # None: the plan gives this line no budget
    spent: Money  # a positive figure: money out carrying this line

    @property
    def left(self) -> Money | None:
        return None if self.budget is None else self.budget - self.spent


def clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > MAX_NAME:
        raise ValidationError("plan_line", _("Give the plan line a name (up to 100 letters)."))
    return clean


def validate_budget(budget: Money | None) -> Money | None:
    if budget is not None and budget.pence < 0:
        raise ValidationError("budget", _("A budget cannot be less than zero."))
    return budget
