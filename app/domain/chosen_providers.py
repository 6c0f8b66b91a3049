"""The person's own providers ("My providers") and the value-for-money sums on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.domain.providers import Source
from app.i18n import _


class ProviderKind(StrEnum):
    AGENCY = "agency"  # a registered provider (care home, home-care agency, ...)
    PA = "pa"  # a personal assistant the person employs
    LOCAL = "local"  # a small local provider or service not in any register


@dataclass(frozen=True)
class ChosenProviderDraft:
    """What a form asks when a provider is added or changed."""

    name: str
    start: date
    source: Source = Source.MANUAL
    source_id: str = ""
    postcode: str = ""
    kind: ProviderKind = ProviderKind.AGENCY
    payee_name: str = ""  # blank: the same as name
    agreed_hourly_rate: Money | None = None
    end: date | None = None
    notes: str = ""
    own_rating: int | None = None


@dataclass(frozen=True)
class ChosenProvider:
    id: int
    name: str
    payee_name: str
    source: Source
    source_id: str
    postcode: str
    kind: ProviderKind
    agreed_hourly_rate: Money | None
    start: date
    end: date | None
    notes: str
    own_rating: int | None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def validate_draft(draft: ChosenProviderDraft) -> None:
    if not draft.name.strip() or len(draft.name.strip()) > 200:
        raise ValidationError("name", _("Give the provider a name (up to 200 letters)."))
    if draft.source is not Source.MANUAL and not draft.source_id.strip():
        raise ValidationError("source_id", _("A provider from a register needs its id."))
    if draft.agreed_hourly_rate is not None and draft.agreed_hourly_rate.pence < 0:
        raise ValidationError("agreed_hourly_rate", _("The hourly rate cannot be below zero."))
    if draft.end is not None and draft.end < draft.start:
        raise ValidationError("end", _("The end date is before the start date."))
    if draft.own_rating is not None and not 1 <= draft.own_rating <= 5:
        raise ValidationError("own_rating", _("Your own rating is from 1 to 5 stars."))


def payee_key(name: str) -> str:
    """How payee names are compared: case, spacing and a final full stop do not count."""
    return " ".join(name.casefold().split()).rstrip(".")


def cost_per_hour(paid: Money, hours: Decimal) -> Money | None:
    """What an hour of care cost, to the penny (half up); None when no hours were delivered."""
    if hours <= 0:
        return None
    pence = (Decimal(paid.pence) / hours).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Money(int(pence))


def cost_per_hour_of_minutes(paid: Money, minutes: int) -> Money | None:
    """The same from whole minutes (as the services log keeps them), in one division."""
    if minutes <= 0:
        return None
    pence = (Decimal(paid.pence * 60) / minutes).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Money(int(pence))


@dataclass(frozen=True)
class ValueForMoney:
    """Payments from the ledger beside the agreed rate and the register's rating."""

    provider: ChosenProvider
    paid: Money  # a positive figure: what went out to this payee in the period
    payments: int
    hours_delivered: Decimal | None
    cost_per_hour: Money | None
    agreed_hourly_rate: Money | None
    rating: str
    rating_date: date | None
    hours_from_log: bool = False  # the hours came from the services log, not the caller

    @property
    def over_agreed_rate(self) -> Money | None:
        """How much more (or, below zero, less) an hour cost than agreed."""
        if self.cost_per_hour is None or self.agreed_hourly_rate is None:
            return None
        return Money(self.cost_per_hour.pence - self.agreed_hourly_rate.pence)
