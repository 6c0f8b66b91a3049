"""Many people's open-data packages compared: by organisation form, by registered provider and
by outcome area. DuckDB reads the CSV files where they lie and adds them up with SQL (the same
SQL a larger engine would run); the divisions are made here with exact decimals.

A group holding fewer than THRESHOLD people (packages) is suppressed: its row says so and
carries no figures, so no one person's figures can be picked out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb

from app.i18n import _
from app.opendata.schema import SCHEMA_VERSION

THRESHOLD = 5
CENTS = Decimal("0.01")
TENTHS = Decimal("0.1")

_LOAD_PROVIDERS = """
CREATE TEMP TABLE p AS
  SELECT regexp_replace(filename, '[/\\\\][^/\\\\]*$', '') AS pkg, kind,
         coalesce(cqc_location_id, '') AS cqc_location_id, org_form,
         CAST(hours_planned AS DECIMAL(12,2)) AS planned,
         CAST(hours_delivered AS DECIMAL(12,2)) AS delivered,
         CAST(visits AS BIGINT) AS visits, CAST(visits_missed AS BIGINT) AS missed,
         CAST(visits_late AS BIGINT) AS late,
         CAST(nullif(cost_per_hour, '') AS DECIMAL(12,2)) AS cph,
         CAST(nullif(outcome_change, '') AS DECIMAL(6,2)) AS change
  FROM read_csv($files, header = true, all_varchar = true, filename = true)
"""
_PROVIDERS = """
SELECT {key} AS grp, {form} AS form, count(DISTINCT pkg), count(*), sum(visits),
       sum(missed), sum(late), sum(planned), sum(delivered),
       sum(cph * delivered) FILTER (WHERE cph IS NOT NULL),
       sum(delivered) FILTER (WHERE cph IS NOT NULL),
       sum(change), count(change)
FROM p {where} GROUP BY grp ORDER BY grp
"""
_AREAS = """
WITH o AS (
  SELECT regexp_replace(filename, '[/\\\\][^/\\\\]*$', '') AS pkg, area,
         CAST(nullif(first_rating, '') AS INTEGER) AS first,
         CAST(nullif(latest_rating, '') AS INTEGER) AS latest,
         CAST(ratings AS INTEGER) AS ratings
  FROM read_csv($files, header = true, all_varchar = true, filename = true)
)
SELECT area, count(DISTINCT pkg), count(*),
       sum(first) FILTER (WHERE ratings >= 2), sum(latest) FILTER (WHERE ratings >= 2),
       count(*) FILTER (WHERE ratings >= 2)
FROM o GROUP BY area ORDER BY area
"""


@dataclass(frozen=True)
class Group:
    grouping: str  # org_form, provider, area
    key: str
    org_form: str = ""
    people: int | None = None  # None when suppressed
    providers: int | None = None
    visits: int | None = None
    hours_planned: Decimal | None = None
    hours_delivered: Decimal | None = None
    delivered_pct: Decimal | None = None
    missed_pct: Decimal | None = None
    late_pct: Decimal | None = None
    cost_per_hour: Decimal | None = None
    outcome_change: Decimal | None = None
    outcomes: int | None = None
    first_rating: Decimal | None = None
    latest_rating: Decimal | None = None

    @property
    def suppressed(self) -> bool:
        return self.people is None


@dataclass(frozen=True)
class Combined:
    packages: int
    groups: tuple[Group, ...]
    skipped: tuple[str, ...]
    threshold: int = THRESHOLD

    @property
    def suppressed(self) -> int:
        return sum(1 for g in self.groups if g.suppressed)


def find_packages(folders: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Package folders (holding datapackage.json) at or one level below each folder given,
    with a reason for each one left out."""
    found: list[Path] = []
    skipped: list[str] = []
    for folder in folders:
        candidates = [folder] if (folder / "datapackage.json").is_file() else sorted(
            p for p in folder.iterdir() if (p / "datapackage.json").is_file()) \
            if folder.is_dir() else []
        if not candidates:
            skipped.append(_("{folder}: no datapackage.json found.").format(folder=folder))
        for package in candidates:
            problem = _problem(package)
            if problem:
                skipped.append(problem)
            else:
                found.append(package)
    return list(dict.fromkeys(found)), skipped


def _problem(package: Path) -> str:
    try:
        descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _("{folder}: datapackage.json could not be read.").format(folder=package)
    if not isinstance(descriptor, dict) or descriptor.get("version") != SCHEMA_VERSION:
        return _("{folder}: not a CareLedger open-data package of version {v}.").format(
            folder=package, v=SCHEMA_VERSION)
    missing = [n for n in ("providers.csv", "outcomes.csv") if not (package / n).is_file()]
    if missing:
        return _("{folder}: {file} is missing.").format(folder=package, file=missing[0])
    return ""


def combine(folders: Sequence[Path], threshold: int = THRESHOLD) -> Combined:
    packages, skipped = find_packages(folders)
    if not packages:
        return Combined(0, (), tuple(skipped), threshold)
    providers = [str(p / "providers.csv") for p in packages]
    outcomes = [str(p / "outcomes.csv") for p in packages]
    con = duckdb.connect()
    try:
        con.execute(_LOAD_PROVIDERS, {"files": providers})  # read once, grouped twice
        by_form = con.execute(_PROVIDERS.format(key="org_form", form="org_form", where=""))\
            .fetchall()
        by_provider = con.execute(_PROVIDERS.format(
            key="cqc_location_id", form="mode(org_form)",
            where="WHERE kind = 'registered' AND cqc_location_id <> ''")).fetchall()
        by_area = con.execute(_AREAS, {"files": outcomes}).fetchall()
    finally:
        con.close()
    groups = ([_provider_group("org_form", row, threshold) for row in by_form]
              + [_provider_group("provider", row, threshold) for row in by_provider]
              + [_area_group(row, threshold) for row in by_area])
    return Combined(len(packages), tuple(groups), tuple(skipped), threshold)


def _ratio(top: Any, bottom: Any, places: Decimal, scale: int = 1) -> Decimal | None:
    if top is None or bottom is None or Decimal(bottom) == 0:
        return None
    return (Decimal(top) * scale / Decimal(bottom)).quantize(places, rounding=ROUND_HALF_UP)


def _provider_group(grouping: str, row: Sequence[Any], threshold: int) -> Group:
    (key, form, people, count, visits, missed, late, planned, delivered, weighted, costed,
     change_sum, changes) = row
    if people < threshold:
        return Group(grouping, key, form)
    return Group(grouping, key, form, int(people), int(count), int(visits),
                 Decimal(planned), Decimal(delivered), _ratio(delivered, planned, TENTHS, 100),
                 _ratio(missed, visits, TENTHS, 100), _ratio(late, visits, TENTHS, 100),
                 _ratio(weighted, costed, CENTS), _ratio(change_sum, changes or None, CENTS))


def _area_group(row: Sequence[Any], threshold: int) -> Group:
    key, people, count, first_sum, latest_sum, rated = row
    if people < threshold:
        return Group("area", key)
    change = None if not rated else _ratio(Decimal(latest_sum) - Decimal(first_sum), rated,
                                           CENTS)
    return Group("area", key, people=int(people), outcomes=int(count),
                 first_rating=_ratio(first_sum, rated or None, CENTS),
                 latest_rating=_ratio(latest_sum, rated or None, CENTS), outcome_change=change)


COLUMNS = ("grouping", "group", "org_form", "people", "providers", "visits", "hours_planned",
           "hours_delivered", "delivered_pct", "missed_pct", "late_pct", "cost_per_hour",
           "outcome_change", "outcomes", "first_rating", "latest_rating", "suppressed")


def rows(result: Combined) -> list[list[str]]:
    def cell(value: object) -> str:
        return "" if value is None else str(value)

    return [[g.grouping, g.key, g.org_form, cell(g.people), cell(g.providers), cell(g.visits),
             cell(g.hours_planned), cell(g.hours_delivered), cell(g.delivered_pct),
             cell(g.missed_pct), cell(g.late_pct), cell(g.cost_per_hour),
             cell(g.outcome_change), cell(g.outcomes), cell(g.first_rating),
             cell(g.latest_rating), "true" if g.suppressed else "false"]
            for g in result.groups]


def save(result: Combined, path: Path) -> Path:
    if path.suffix.lower() == ".pdf":
        from app.opendata.combine_pdf import render_pdf

        render_pdf(result, path)
        return path
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows(result))
    return path
