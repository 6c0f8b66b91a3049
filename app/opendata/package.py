"""One person's open-data package, worked out (pure): the rows of each table and the words
that show the person what will leave before anything is written.

Money is rounded to the nearest £10 (half up) after adding up, so rounding never piles up;
cost per hour is worked out from the exact figures. Days become months.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.domain.funding import Period
from app.opendata.schema import PA_FORM, ROUNDING_POUNDS, SCHEMA_VERSION
from app.outcomes.money import Spend
from app.outcomes.report import OutcomesSummary

Row = dict[str, str]


@dataclass(frozen=True)
class ProviderFigures:
    """One provider from My providers over the period, as open data may show it."""

    kind: str  # registered, personal_assistant, local
    cqc_location_id: str
    org_form: str
    org_form_likely: bool
    names: tuple[str, ...]  # how the ledger and the log name them: for matching, never written
    planned_minutes: int = 0
    delivered_minutes: int = 0
    visits: int = 0
    missed: int = 0
    late: int = 0
    paid_pence: int = 0


@dataclass(frozen=True)
class ProviderValue:
    """Value for money of one of My providers over a period, for the person's own screen:
    beside what they paid and the agreed rate, hours delivered against planned, missed and
    late visits, and how the outcomes the provider served have moved."""

    name: str
    figures: ProviderFigures
    outcomes_served: int
    outcome_change: Decimal | None

    @property
    def cost_per_hour(self) -> Decimal | None:
        return cost_per_hour(self.figures.paid_pence, self.figures.delivered_minutes)


@dataclass(frozen=True)
class OpenDataPackage:
    period: Period
    tables: dict[str, list[Row]] = field(hash=False)
    council_found: bool

    @property
    def package_id(self) -> str:
        return self.tables["package"][0]["package_id"]


def month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def rounded_pounds(pence: int) -> int:
    step = ROUNDING_POUNDS * 100
    return int((Decimal(pence) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * (
        ROUNDING_POUNDS)


def _hours(minutes: int) -> str:
    return str((Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _plain(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def cost_per_hour(paid_pence: int, minutes: int) -> Decimal | None:
    if minutes <= 0:
        return None
    return (Decimal(paid_pence * 60) / minutes / 100).quantize(Decimal("0.01"),
                                                              rounding=ROUND_HALF_UP)


def build_package(period: Period, *, council_code: str, demo: bool, spends: Sequence[Spend],
                  standard_categories: set[str], providers: Sequence[ProviderFigures],
                  outcomes: OutcomesSummary, package_id: str | None = None
                  ) -> OpenDataPackage:
    package = [{"package_id": package_id or secrets.token_hex(16),
                "schema_version": SCHEMA_VERSION, "local_authority": council_code,
                "period_from": month(period.start), "period_to": month(period.end),
                "months": str(months_between(period)), "demo": "true" if demo else "false"}]
    tables = {"package": package,
              "spend": _spend(period, spends, standard_categories),
              "providers": _providers(providers, outcomes),
              "outcomes": _outcomes(outcomes)}
    return OpenDataPackage(period, tables, bool(council_code))


def _spend(period: Period, spends: Sequence[Spend], standard: set[str]) -> list[Row]:
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for spend in spends:
        if period.contains(spend.on) and spend.pence > 0:
            code = spend.category_code if spend.category_code in standard else "other"
            totals[(month(spend.on), code)] += spend.pence
    return [{"month": m, "category": code, "amount": str(rounded_pounds(pence))}
            for (m, code), pence in sorted(totals.items())]


def served(provider: ProviderFigures, outcomes: OutcomesSummary) -> list[int | None]:
    """The change of each outcome this provider was paid or logged for."""
    names = {" ".join(n.casefold().split()) for n in provider.names}
    return [r.trend.change for r in outcomes.reports
            if any(" ".join(d.name.casefold().split()) in names for d in r.deliverers)]


def mean_change(changes: Sequence[int | None]) -> Decimal | None:
    """The average change of the outcomes rated twice or more; None when none was."""
    rated = [c for c in changes if c is not None]
    if not rated:
        return None
    return (Decimal(sum(rated)) / len(rated)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _providers(providers: Sequence[ProviderFigures], outcomes: OutcomesSummary) -> list[Row]:
    rows = []
    for n, p in enumerate(providers, start=1):
        changes = served(p, outcomes)
        change = mean_change(changes)
        pa = p.kind == "personal_assistant"
        rows.append({
            "provider": f"p{n}", "kind": p.kind,
            "cqc_location_id": p.cqc_location_id if p.kind == "registered" else "",
            "org_form": PA_FORM if pa else p.org_form,
            "org_form_likely": "false" if pa else ("true" if p.org_form_likely else "false"),
            "hours_planned": _hours(p.planned_minutes),
            "hours_delivered": _hours(p.delivered_minutes), "visits": str(p.visits),
            "visits_missed": str(p.missed), "visits_late": str(p.late),
            "paid": str(rounded_pounds(p.paid_pence)),
            "cost_per_hour": _plain(cost_per_hour(p.paid_pence, p.delivered_minutes)),
            "outcomes_served": str(len(changes)), "outcome_change": _plain(change)})
    return rows


def _outcomes(outcomes: OutcomesSummary) -> list[Row]:
    rows = []
    for report in sorted(outcomes.reports, key=lambda r: (r.outcome.area_code, r.outcome.id)):
        trend = report.trend
        rows.append({"area": report.outcome.area_code,
                     "first_rating": "" if trend.first is None else str(trend.first),
                     "latest_rating": "" if trend.latest is None else str(trend.latest),
                     "ratings": str(trend.count),
                     "spent": str(rounded_pounds(report.spent.pence))})
    return rows
