"""The employer rules as dated data: minimum wage by age, pension thresholds, holiday.

The figures live in resources/employer/*.json, each with its sources and the day it took
effect, so that a new April is a new item in a file, not a change to code. Nothing else in
CareLedger holds these figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.money import Money
from app.paths import RESOURCES

FOLDER = RESOURCES / "employer"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class WageBand:
    min_age: int
    hourly: Money
    living_wage: bool = False  # the National Living Wage rather than a minimum-wage band


@dataclass(frozen=True)
class WageRates:
    """The minimum-wage rates from one day (each 1 April) until the next set."""

    start: date
    bands: tuple[WageBand, ...]  # oldest band first
    apprentice: Money

    def band_for(self, age: int) -> WageBand | None:
        """The band of a worker of `age` (None under 16: below school-leaving age)."""
        return next((b for b in self.bands if age >= b.min_age), None)

    @property
    def top(self) -> WageBand:
        return self.bands[0]


@dataclass(frozen=True)
class MinimumWage:
    rates: tuple[WageRates, ...]  # in date order
    sources: tuple[Source, ...]

    def on(self, day: date) -> WageRates | None:
        found = None
        for rates in self.rates:
            if rates.start <= day:
                found = rates
        return found

    def changes_between(self, start: date, end: date) -> list[WageRates]:
        """Sets of rates that take effect after `start`, up to and including `end`."""
        return [r for r in self.rates if start < r.start <= end]

    @property
    def latest(self) -> WageRates:
        return self.rates[-1]


@dataclass(frozen=True)
class Thresholds:
    trigger: Money  # earnings above which a worker aged 22 to State Pension age is enrolled
    lower: Money  # lower level of qualifying earnings: above it a worker may opt in
    upper: Money


@dataclass(frozen=True)
class PensionYear:
    start: date  # 6 April
    annual: Thresholds
    periods: dict[str, Thresholds]  # weekly, fortnightly, four_weekly, monthly

    def for_period(self, frequency: str) -> Thresholds:
        return self.periods.get(frequency, self.annual)


@dataclass(frozen=True)
class PensionRules:
    years: tuple[PensionYear, ...]
    enrol_min_age: int
    opt_in_min_age: int
    opt_in_max_age: int
    state_pension_age_at_least: int
    re_enrolment_years: int
    re_enrolment_window_months: int
    sources: tuple[Source, ...]

    def on(self, day: date) -> PensionYear | None:
        found = None
        for year in self.years:
            if year.start <= day:
                found = year
        return found


@dataclass(frozen=True)
class HolidayRule:
    start: date  # leave years beginning on or after this day
    weeks: Decimal
    max_days: int
    irregular_percent: Decimal | None  # accrual on hours worked (12.07), when the law sets one


@dataclass(frozen=True)
class HolidayRules:
    rules: tuple[HolidayRule, ...]
    sources: tuple[Source, ...]

    def for_leave_year(self, starts: date) -> HolidayRule:
        found = self.rules[0]
        for rule in self.rules:
            if rule.start <= starts:
                found = rule
        return found


@dataclass(frozen=True)
class EmployerRules:
    minimum_wage: MinimumWage
    pension: PensionRules
    holiday: HolidayRules


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _sources(data: dict[str, Any]) -> tuple[Source, ...]:
    return tuple(Source(s["title"], s["url"]) for s in data["sources"])


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _thresholds(data: dict[str, Any]) -> Thresholds:
    return Thresholds(Money(data["trigger"]), Money(data["lower"]), Money(data["upper"]))


def _in_order(items: tuple[Any, ...], what: str) -> None:
    starts = [item.start for item in items]
    if not starts or starts != sorted(set(starts)):
        raise ValueError(f"{what}: items must be in date order, one a day")


def load_minimum_wage(path: Path) -> MinimumWage:
    data = _read(path)
    rates = tuple(WageRates(
        _day(item["from"]),
        tuple(WageBand(b["min_age"], Money(b["pence"]), b.get("name") == "nlw")
              for b in sorted(item["bands"], key=lambda b: -b["min_age"])),
        Money(item["apprentice_pence"])) for item in data["rates"])
    _in_order(rates, path.name)
    return MinimumWage(rates, _sources(data))


def load_pension(path: Path) -> PensionRules:
    data = _read(path)
    years = tuple(PensionYear(_day(item["from"]), _thresholds(item["annual"]),
                              {k: _thresholds(v) for k, v in item["periods"].items()})
                  for item in data["tax_years"])
    _in_order(years, path.name)
    return PensionRules(years, data["enrol_min_age"], data["opt_in_min_age"],
                        data["opt_in_max_age"], data["state_pension_age_at_least"],
                        data["re_enrolment_years"], data["re_enrolment_window_months"],
                        _sources(data))


def load_holiday(path: Path) -> HolidayRules:
    data = _read(path)
    rules = tuple(HolidayRule(
        _day(item["from"]), Decimal(item["weeks"]), item["max_days"],
        Decimal(item["irregular_accrual_percent"]) if item["irregular_accrual_percent"]
        else None) for item in data["rules"])
    _in_order(rules, path.name)
    return HolidayRules(rules, _sources(data))


def load_rules(folder: Path = FOLDER) -> EmployerRules:
    return EmployerRules(load_minimum_wage(folder / "minimum_wage.json"),
                         load_pension(folder / "pension_thresholds.json"),
                         load_holiday(folder / "holiday.json"))


@cache
def employer_rules() -> EmployerRules:
    """The rules shipped in resources/employer, read once."""
    return load_rules()
