"""Benchmark: `open-data combine` over many generated packages, beside a raw baseline in the same
run (Python's csv module reading the same files and adding up the same groups, no engine).
Prints both, the ratio, and checks they agree.

Packages are generated with the app's own writer (app.opendata.service.files), 1 to 4
providers and 1 to 5 outcomes each, forms and CQC ids drawn from small pools so that groups
fill up. Generating them is not timed.

    .venv/bin/python bench/open_data.py [--packages 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.funding import Period  # noqa: E402
from app.opendata.combine import THRESHOLD, combine  # noqa: E402
from app.opendata.package import OpenDataPackage  # noqa: E402
from app.opendata.schema import ORG_FORMS  # noqa: E402
from app.opendata.service import files  # noqa: E402

YEAR = Period(date(2025, 4, 1), date(2026, 3, 31))
AREAS = ["ca.1.2.a", "ca.1.2.e", "ca.1.2.g", "er.2.2.a", "er.2.2.b", "er.2.2.i", "ww.2.2.c"]


def generate(folder: Path, count: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    locations = {f"1-{100000 + n}": rng.choice(ORG_FORMS[:6]) for n in range(400)}
    for n in range(count):
        providers = []
        for p in range(1, rng.randint(1, 4) + 1):
            pa = rng.random() < 0.3
            location = "" if pa else rng.choice(sorted(locations))
            visits = rng.randint(0, 200)
            missed = rng.randint(0, visits // 10)
            delivered = rng.randint(0, 800) * 15 if visits else 0
            providers.append({
                "provider": f"p{p}", "kind": "personal_assistant" if pa else "registered",
                "cqc_location_id": location,
                "org_form": "personal_assistant" if pa else locations[location],
                "org_form_likely": "false",
                "hours_planned": f"{Decimal(delivered + rng.randint(0, 40) * 15) / 60:.2f}",
                "hours_delivered": f"{Decimal(delivered) / 60:.2f}", "visits": str(visits),
                "visits_missed": str(missed), "visits_late": str(rng.randint(0, visits - missed)),
                "paid": str(rng.randint(0, 3000) * 10),
                "cost_per_hour": f"{rng.randint(1100, 3500) / 100:.2f}" if delivered else "",
                "outcomes_served": "1",
                "outcome_change": rng.choice(["", "-1.00", "0.00", "0.50", "1.00", "2.00"])})
        outcomes = []
        for _o in range(rng.randint(1, 5)):
            ratings = rng.randint(0, 12)
            outcomes.append({"area": rng.choice(AREAS),
                             "first_rating": str(rng.randint(1, 4)) if ratings else "",
                             "latest_rating": str(rng.randint(1, 4)) if ratings else "",
                             "ratings": str(ratings), "spent": str(rng.randint(0, 900) * 10)})
        tables = {"package": [{"package_id": f"{n:032x}", "schema_version": "1",
                               "local_authority": "E08000004", "period_from": "2025-04",
                               "period_to": "2026-03", "months": "12", "demo": "false"}],
                  "spend": [], "providers": providers, "outcomes": outcomes}
        target = folder / f"{n:05d}"
        target.mkdir(parents=True)
        for name, text in files(OpenDataPackage(YEAR, tables, True)).items():
            (target / name).write_text(text, encoding="utf-8")


def baseline(folder: Path) -> dict[tuple[str, str], tuple[int, Decimal]]:
    """The raw way: open each CSV with the csv module and add up per group."""
    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    hours: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for package in sorted(p for p in folder.iterdir() if (p / "datapackage.json").is_file()):
        with (package / "providers.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                keys = [("org_form", row["org_form"])]
                if row["kind"] == "registered":
                    keys.append(("provider", row["cqc_location_id"]))
                for key in keys:
                    people[key].add(package.name)
                    hours[key] += Decimal(row["hours_delivered"])
        with (package / "outcomes.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                people[("area", row["area"])].add(package.name)
    return {k: (len(v), hours.get(k, Decimal(0))) for k, v in people.items()}


T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packages", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="careledger-opendata-"))
    try:
        if not any(folder.iterdir()) if folder.exists() else True:
            start = time.perf_counter()
            generate(folder, args.packages)
            print(f"generated {args.packages:,} packages in {time.perf_counter() - start:.1f} s")
        result, wall, cpu = timed(lambda: combine([folder]))
        raw, raw_wall, raw_cpu = timed(lambda: baseline(folder))
        print(f"combine (DuckDB):      {wall:6.2f} s wall, {cpu:6.2f} s CPU, "
              f"{result.packages:,} packages, {len(result.groups)} groups "
              f"({result.suppressed} suppressed, fewer than {THRESHOLD} people)")
        print(f"baseline (csv module): {raw_wall:6.2f} s wall, {raw_cpu:6.2f} s CPU "
              "(reading and grouping only: no suppression, no ratios)")
        print(f"ratio combine / baseline: {wall / raw_wall:.2f} wall, {cpu / raw_cpu:.2f} CPU")
        print(f"aim: under 10 s for 10,000 packages: {'met' if wall < 10 else 'NOT met'}")
        for group in result.groups:
            people, hours = raw[(group.grouping, group.key)]
            if group.suppressed:
                assert people < THRESHOLD, group
            else:
                assert group.people == people, (group, people)
                assert group.hours_delivered in (None, hours), (group, hours)
        print("combine and baseline agree on every group")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
