"""Care actually received, visit by visit, and what payments covered.

Hours are kept in whole minutes and rates in pence per hour, so the cost of a visit is exact
(rounded to the nearest penny, half up, once per visit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.chosen_providers import ChosenProvider
from app.domain.errors import ValidationError
from app.domain.money import Money
from app.i18n import _

MAX_MINUTES = 24 * 60
MAX_RATE = 100_00  # £100 an hour: above it, a typing slip


@dataclass(frozen=True)
class VisitDraft:
    on: date
    provider_name: str
    planned_minutes: int
    delivered_minutes: int
    rate_pence: int  # per hour
    missed: bool = False
    late: bool = False
    note: str = ""
    chosen_provider_id: int | None = None


@dataclass(frozen=True)
class Visit:
    id: int
    draft: VisitDraft

    @property
    def cost(self) -> Money:
        """Delivered time at the rate, to the nearest penny."""
        return Money((self.draft.delivered_minutes * self.draft.rate_pence + 30) // 60)


@dataclass(frozen=True)
class Timesheet:
    week_start: date  # a Monday
    visits: tuple[Visit, ...]

    @property
    def planned_minutes(self) -> int:
        return sum(v.draft.planned_minutes for v in self.visits)

    @property
    def delivered_minutes(self) -> int:
        return sum(v.draft.delivered_minutes for v in self.visits)

    @property
    def cost(self) -> Money:
        return Money(sum(v.cost.pence for v in self.visits))


@dataclass(frozen=True)
class PaymentCover:
    """An invoice payment beside the visits it pays for."""

    entry_id: int
    paid: Money  # what left the account (a positive figure)
    planned_minutes: int  # hours invoiced: what was booked
    delivered_minutes: int
    delivered_value: Money

    @property
    def overpaid(self) -> Money:
        """Paid beyond the value of care delivered (negative: care not yet paid for)."""
        return self.paid - self.delivered_value


def validate_visit(draft: VisitDraft) -> VisitDraft:
    name = draft.provider_name.strip()
    if not name or len(name) > 200:
        raise ValidationError("provider", _("Say who gave the care (up to 200 letters)."))
    for field, minutes in (("planned", draft.planned_minutes),
                           ("delivered", draft.delivered_minutes)):
        if not 0 <= minutes <= MAX_MINUTES:
            raise ValidationError(field, _("Hours must be between 0 and 24."))
    if not 0 <= draft.rate_pence <= MAX_RATE:
        raise ValidationError("rate", _("The hourly rate must be between £0 and £100."))
    if draft.missed and draft.delivered_minutes:
        raise ValidationError("missed", _("A missed visit has no delivered hours."))
    return VisitDraft(draft.on, name, draft.planned_minutes, draft.delivered_minutes,
                      draft.rate_pence, draft.missed, draft.late, draft.note.strip(),
                      draft.chosen_provider_id)


def parse_hours(text: str) -> int:
    """'2', '1.5', '1:30' or '0.25' hours to whole minutes."""
    cleaned = (text or "").strip()
    try:
        if ":" in cleaned:
            hours, minutes = cleaned.split(":", 1)
            if not 0 <= int(minutes) < 60:
                raise ValueError(minutes)
            total = int(hours) * 60 + int(minutes)
        else:
            whole, _sep, part = cleaned.partition(".")
            fraction = int(part.ljust(2, "0")[:2]) if part else 0
            total = int(whole or "0") * 60 + (fraction * 60 + 50) // 100
    except ValueError as error:
        raise ValidationError("hours", _("“{text}” is not a number of hours. Type it like 1.5 "
                                         "or 1:30").format(text=cleaned)) from error
    if not cleaned or total < 0:
        raise ValidationError("hours", _("Type a number of hours, like 1.5 or 1:30"))
    return total


def agreed_for(name: str, providers: Sequence[ChosenProvider], on: date
               ) -> tuple[int | None, int | None]:
    """The provider a visit is from (matched by its name or payee name, any case) and their
    agreed rate an hour in pence on that day: what a visit form fills in for them."""
    wanted = " ".join(name.split()).casefold()
    for provider in providers:
        names = {provider.name.casefold(), (provider.payee_name or provider.name).casefold()}
        if wanted and wanted in names and provider.active_on(on):
            rate = provider.agreed_hourly_rate
            return provider.id, rate.pence if rate is not None else None
    return None, None


def minutes_text(minutes: int) -> str:
    """Hours as a person types them back: 2, 1.5, 1:20."""
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return str(hours)
    if rest == 30:
        return f"{hours}.5"
    return f"{hours}:{rest:02d}"
