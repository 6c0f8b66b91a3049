"""The rules files: in date order, each with a source, and read as the published figures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.domain.money import Money
from app.employer.rules import FOLDER, employer_rules, load_minimum_wage, load_rules


def test_every_file_names_its_gov_uk_sources() -> None:
    for path in FOLDER.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["sources"], path.name
        assert all(".gov.uk/" in s["url"] for s in data["sources"]), path.name


def hourly(on: date, age: int) -> Money | None:
    rates = employer_rules().minimum_wage.on(on)
    band = rates.band_for(age) if rates is not None else None
    return band.hourly if band is not None else None


def test_minimum_wage_on_each_side_of_april_2026() -> None:
    assert hourly(date(2026, 3, 31), 21) == Money(1221)
    assert hourly(date(2026, 4, 1), 21) == Money(1271)
    assert hourly(date(2026, 4, 1), 20) == Money(1085)
    assert hourly(date(2026, 4, 1), 17) == Money(800)
    assert hourly(date(2026, 4, 1), 15) is None
    april = employer_rules().minimum_wage.on(date(2026, 4, 1))
    assert april is not None and april.apprentice == Money(800)


def test_before_april_2024_the_living_wage_was_for_23_and_over() -> None:
    rates = employer_rules().minimum_wage.on(date(2023, 6, 1))
    assert rates is not None and rates.top.min_age == 23
    assert hourly(date(2023, 6, 1), 22) == Money(1018)


def test_pension_thresholds_by_tax_year_start_on_6_april() -> None:
    pension = employer_rules().pension
    assert pension.on(date(2024, 4, 5)) is None  # before the first year kept
    year = pension.on(date(2026, 4, 6))
    assert year is not None and year.start == date(2026, 4, 6)
    monthly = year.for_period("monthly")
    assert (monthly.trigger, monthly.lower) == (Money(83300), Money(52000))
    assert year.annual.trigger == Money(1000000)


def test_holiday_12_07_percent_applies_to_leave_years_from_april_2024() -> None:
    holiday = employer_rules().holiday
    assert holiday.for_leave_year(date(2024, 3, 31)).irregular_percent is None
    assert str(holiday.for_leave_year(date(2024, 4, 1)).irregular_percent) == "12.07"


def test_out_of_order_rates_are_refused(tmp_path: Path) -> None:
    data = json.loads((FOLDER / "minimum_wage.json").read_text(encoding="utf-8"))
    data["rates"].reverse()
    (tmp_path / "minimum_wage.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="date order"):
        load_minimum_wage(tmp_path / "minimum_wage.json")


def test_a_new_april_is_a_new_item_in_the_file(tmp_path: Path) -> None:
    for path in FOLDER.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads((tmp_path / "minimum_wage.json").read_text(encoding="utf-8"))
    data["rates"].append({"from": "2027-04-01", "bands": [
        {"min_age": 21, "pence": 1300, "name": "nlw"}, {"min_age": 18, "pence": 1100},
        {"min_age": 16, "pence": 850}], "apprentice_pence": 850})
    (tmp_path / "minimum_wage.json").write_text(json.dumps(data), encoding="utf-8")
    rates = load_rules(tmp_path).minimum_wage.on(date(2027, 4, 1))
    assert rates is not None and rates.top.hourly == Money(1300)
