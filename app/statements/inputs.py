"""Reading the optional inputs of a return from files: the services summary per provider.

The services log (another part of CareLedger) can hand over `ProviderService` objects
directly; this reads the same thing from JSON for the command line:
    [{"provider": "Sunrise Home Care", "planned_hours": "60", "delivered_hours": "57.5",
      "value_delivered": "900.00", "paid": "930.00"}, ...]
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.files import InputRefused, read_limited
from app.i18n import ParseError, _, parse_money
from app.statements.model import ProviderService

MAX_BYTES = 1024 * 1024  # a year of services per provider is a few KB
FIELDS = ("provider", "planned_hours", "delivered_hours", "value_delivered", "paid")


def services_from_file(path: Path) -> tuple[ProviderService, ...]:
    try:
        data = json.loads(read_limited(path, MAX_BYTES).decode("utf-8"))
    except (InputRefused, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ValidationError("services", _(
            "Could not read the services file {path}. It must be a JSON list.").format(
                path=path)) from error
    if not isinstance(data, list):
        raise ValidationError("services", _("The services file must hold a list."))
    return tuple(_service(item, n) for n, item in enumerate(data, start=1))


def _service(item: Any, n: int) -> ProviderService:
    if not isinstance(item, dict) or any(key not in item for key in FIELDS):
        raise ValidationError("services", _(
            "Item {n} of the services file needs: {fields}.").format(
                n=n, fields=", ".join(FIELDS)))
    try:
        return ProviderService(
            provider=str(item["provider"]).strip(),
            planned_hours=_hours(item["planned_hours"]),
            delivered_hours=_hours(item["delivered_hours"]),
            value_delivered=Money(parse_money(str(item["value_delivered"]))),
            paid=Money(parse_money(str(item["paid"]))),
        )
    except (ParseError, InvalidOperation, ValueError) as error:
        raise ValidationError("services", _(
            "Item {n} of the services file has a figure that is not a number.").format(
                n=n)) from error


def _hours(value: Any) -> Decimal:
    hours = Decimal(str(value))
    if not hours.is_finite() or hours < 0:
        raise ValueError("hours must be a number of zero or more")
    return hours
