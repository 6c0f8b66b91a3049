"""Combining packages: DuckDB's figures equal a direct computation over the same files, and
any group of fewer than 5 people is suppressed."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.funding import Period
from app.opendata.combine import THRESHOLD, Combined, Group, combine, save
from app.opendata.package import OpenDataPackage
from app.opendata.service import files

RUNS = itertools.count()
FORMS = ["charity", "private_company", "personal_assistant", "mutual"]
CQC = {"1-101": "charity", "1-202": "private_company", "1-303": "mutual"}  # its form
AREAS = ["ca.1.2.e", "er.2.2.a"]


@st.composite
def provider_rows(draw: st.DrawFn) -> dict[str, str]:
    form = draw(st.sampled_from(FORMS))
    registered = form != "personal_assistant" and draw(st.booleans())
    location = draw(st.sampled_from(sorted(CQC))) if registered else ""
    form = CQC[location] if registered else form
    visits = draw(st.integers(0, 60))
    missed = draw(st.integers(0, visits))
    delivered = draw(st.integers(0, 9000)) if visits else 0
    return {"provider": "p1", "kind": "registered" if registered else (
                "personal_assistant" if form == "personal_assistant" else "local"),
            "cqc_location_id": location,
            "org_form": form, "org_form_likely": "false",
            "hours_planned": f"{Decimal(delivered + draw(st.integers(0, 500))) / 4:.2f}",
            "hours_delivered": f"{Decimal(delivered) / 4:.2f}", "visits": str(visits),
            "visits_missed": str(missed), "visits_late": str(draw(st.integers(0, visits - missed))),
            "paid": "0",
            "cost_per_hour": draw(st.sampled_from(["", "12.60", "21.05", "33.33"]))
            if delivered else "",
            "outcomes_served": "1",
            "outcome_change": draw(st.sampled_from(["", "-1.00", "0.50", "2.00"]))}


@st.composite
def outcome_rows(draw: st.DrawFn) -> dict[str, str]:
    ratings = draw(st.integers(0, 12))
    first = draw(st.integers(1, 4))
    return {"area": draw(st.sampled_from(AREAS)),
            "first_rating": str(first) if ratings else "",
            "latest_rating": str(draw(st.integers(1, 4)) if ratings > 1 else first)
            if ratings else "", "ratings": str(ratings), "spent": "0"}


@st.composite
def packages(draw: st.DrawFn) -> list[dict[str, list[dict[str, str]]]]:
    found = []
    for n in range(draw(st.integers(1, 14))):
        providers = draw(st.lists(provider_rows(), max_size=4))
        for i, row in enumerate(providers, start=1):
            row["provider"] = f"p{i}"
        found.append({"package": [{"package_id": f"{n:032x}", "schema_version": "1",
                                   "local_authority": "E08000004", "period_from": "2025-04",
                                   "period_to": "2026-03", "months": "12", "demo": "false"}],
                      "spend": [], "providers": providers,
                      "outcomes": draw(st.lists(outcome_rows(), max_size=3))})
    return found


def write(folder: Path, tables: list[dict[str, list[dict[str, str]]]]) -> None:
    for n, table in enumerate(tables):
        package = OpenDataPackage(Period(date(2025, 4, 1), date(2026, 3, 31)), table, True)
        (folder / f"person{n}").mkdir(parents=True)
        for name, text in files(package).items():
            (folder / f"person{n}" / name).write_text(text, encoding="utf-8")


def q(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def direct(tables: list[dict[str, list[dict[str, str]]]]) -> dict[tuple[str, str], Group]:
    """The same figures computed straight from the rows, with no engine."""
    rows: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for n, table in enumerate(tables):
        for row in table["providers"]:
            rows[("org_form", row["org_form"])].append((n, row))
            if row["kind"] == "registered":
                rows[("provider", row["cqc_location_id"])].append((n, row))
    found = {}
    for (grouping, key), members in rows.items():
        people = len({n for n, _r in members})
        if people < THRESHOLD:
            found[(grouping, key)] = Group(grouping, key)
            continue
        r = [row for _n, row in members]
        visits = sum(int(x["visits"]) for x in r)
        planned = sum((Decimal(x["hours_planned"]) for x in r), Decimal(0))
        delivered = sum((Decimal(x["hours_delivered"]) for x in r), Decimal(0))
        costed = [x for x in r if x["cost_per_hour"]]
        weight = sum(Decimal(x["hours_delivered"]) for x in costed)
        changes = [Decimal(x["outcome_change"]) for x in r if x["outcome_change"]]

        def pct(top: int | Decimal, bottom: int | Decimal) -> Decimal | None:
            return q(Decimal(top) * 100 / Decimal(bottom), "0.1") if bottom else None

        found[(grouping, key)] = Group(
            grouping, key, r[0]["org_form"], people, len(r), visits, planned, delivered,
            pct(delivered, planned), pct(sum(int(x["visits_missed"]) for x in r), visits),
            pct(sum(int(x["visits_late"]) for x in r), visits),
            q(sum(Decimal(x["cost_per_hour"]) * Decimal(x["hours_delivered"])
                  for x in costed) / weight, "0.01") if weight else None,
            q(sum(changes, Decimal(0)) / len(changes), "0.01") if changes else None)
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(tables=packages())
def test_combined_figures_equal_a_direct_computation(tmp_path: Path,
                                                     tables: list[dict[str, list[dict[str, str]]]]
                                                     ) -> None:
    folder = tmp_path / f"run{next(RUNS)}"
    write(folder, tables)
    result = combine([folder])
    assert result.packages == len(tables)
    got = {(g.grouping, g.key): g for g in result.groups if g.grouping != "area"}
    expected = direct(tables)
    assert got.keys() == expected.keys()
    for key, group in expected.items():
        if group.suppressed:
            assert got[key].suppressed and got[key].hours_delivered is None
        else:
            assert got[key] == group, key


def test_small_groups_are_suppressed_and_saved_as_csv_and_pdf(tmp_path: Path) -> None:
    row = {"provider": "p1", "kind": "registered", "cqc_location_id": "1-101",
           "org_form": "charity", "org_form_likely": "false", "hours_planned": "10.00",
           "hours_delivered": "8.00", "visits": "4", "visits_missed": "1", "visits_late": "0",
           "paid": "200", "cost_per_hour": "25.00", "outcomes_served": "1",
           "outcome_change": "1.00"}
    pa = dict(row, kind="personal_assistant", cqc_location_id="", org_form="personal_assistant")
    five = [{"package": [{"package_id": f"{n:032x}", "schema_version": "1",
                          "local_authority": "", "period_from": "2025-04",
                          "period_to": "2026-03", "months": "12", "demo": "false"}],
             "spend": [], "providers": [row] + ([pa] if n < 4 else []),
             "outcomes": [{"area": "ca.1.2.e", "first_rating": "1", "latest_rating": "3",
                           "ratings": "2", "spent": "100"}]} for n in range(5)]
    write(tmp_path / "in", five)
    result: Combined = combine([tmp_path / "in"])
    groups = {(g.grouping, g.key): g for g in result.groups}
    assert groups[("org_form", "charity")].people == 5
    assert groups[("org_form", "charity")].missed_pct == Decimal("25.0")
    assert groups[("org_form", "personal_assistant")].suppressed  # 4 people
    assert groups[("area", "ca.1.2.e")].outcome_change == Decimal("2.00")
    save(result, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "org_form,personal_assistant,personal_assistant,,,,,,,,,,,,,,true" in text
    save(result, tmp_path / "out.pdf")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_folders_that_are_not_packages_are_named(tmp_path: Path) -> None:
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "datapackage.json").write_text('{"version": "9"}')
    result = combine([tmp_path / "odd", tmp_path / "none"])
    assert result.packages == 0 and len(result.skipped) == 2
