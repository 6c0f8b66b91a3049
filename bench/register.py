"""Register benchmark: import a national-size HSCA file, then time searches as typed.

Builds a 60,000-row CSV in the CQC HSCA active-locations layout from real rows (the 2021
HSCA care homes, the 2016 care directory and the 2021 API export in shared/data/cqc): every
row keeps one real location's name, town, postcode, council, services and rating; only the
location ids are new. Then it imports the file into a fresh register, runs 200 searches
(prefixes as someone types them, with filters) through RegisterService, and runs the very
same SQL raw on the same database in the same run, printing the ratio.

    .venv/bin/python bench/register.py [--rows 60000] [--data /work/shared/data/cqc]
"""

from __future__ import annotations

import argparse
import ast
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.register.postcodes import locate  # noqa: E402
from app.register.search import (  # noqa: E402
    SearchQuery,
    SortBy,
    build_query,
    choose_driver,
)
from app.services.register import RegisterService  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/cqc")
BANDS = ["Dementia", "Older People", "Physical Disability", "Younger Adults",
         "Learning disabilities or autistic spectrum disorder", "Mental Health"]
SERVICES = {"Care home service with nursing": "Nursing homes",
            "Care home service without nursing": "Residential homes",
            "Domiciliary care service": "Homecare agencies",
            "Supported living service": "Supported living"}
HEADER = ["Location ID", "Location HSCA start date", "Care home?", "Location Name",
          "Location Region", "Location Local Authority", "Location Street Address",
          "Location City", "Location Postal Code", "Location Latitude", "Location Longitude",
          "Location Telephone Number", "Location Latest Overall Rating", "Publication Date",
          "Provider Name", *(f"Service type - {s}" for s in SERVICES),
          *(f"Service user band - {b}" for b in BANDS), "Care homes beds"]
Real = dict[str, str]


def _hsca_rows(data: Path) -> Iterator[Real]:
    with (data / "cqc_hsca_care_homes_england_2021.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            yield {**{k: r.get(k, "") for k in HEADER}, "Location Local Authority": ""}


def _directory_rows(data: Path) -> Iterator[Real]:
    wanted = {v: k for k, v in SERVICES.items()}
    with (data / "cqc_directory_2016-02_extract_7000.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            kinds = [wanted[s] for s in r["Service types"].split("|") if s in wanted]
            if not kinds:
                continue
            parts = [p.strip() for p in r["Address"].split(",")]
            yield {"Location Name": r["Name"], "Location Region": r["Region"],
                   "Location Local Authority": r["Local Authority"],
                   "Location Street Address": ", ".join(parts[:-1]),
                   "Location City": parts[-1], "Location Postal Code": r["Postcode"],
                   "Location Telephone Number": r["Phone number"],
                   "Provider Name": r["Provider name"],
                   **{f"Service type - {k}": "Y" for k in kinds}}


def _api_rows(data: Path) -> Iterator[Real]:
    with (data / "cqc_api_care_homes_devon_somerset_2021-02.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            overall = (ast.literal_eval(r["currentRatings"] or "{}") or {}).get("overall", {})
            kinds = [g["description"] for g in ast.literal_eval(r["gacServiceTypes"] or "[]")]
            yield {"Location Name": r["name"], "Location Region": r["region"],
                   "Location Local Authority": r["localAuthority"],
                   "Location Street Address": r["postalAddressLine1"],
                   "Location City": r["postalAddressTownCity"],
                   "Location Postal Code": r["postalCode"],
                   "Location Latitude": r["onspdLatitude"],
                   "Location Longitude": r["onspdLongitude"],
                   "Location Telephone Number": r["mainPhoneNumber"],
                   "Location Latest Overall Rating": overall.get("rating", ""),
                   "Publication Date": overall.get("reportDate", ""),
                   "Location HSCA start date": "",
                   **{f"Service type - {k}": "Y" for k in kinds if k in SERVICES}}


def build_file(data: Path, rows: int, path: Path) -> list[Real]:
    real = [*_hsca_rows(data), *_directory_rows(data), *_api_rows(data)]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, HEADER, restval="")
        writer.writeheader()
        for n in range(rows):
            row = dict(real[n % len(real)])
            row["Location ID"] = f"1-{9_000_000_000 + n}"  # new ids: the only made-up field
            writer.writerow({k: row.get(k, "") for k in HEADER})
    return real


def searches(real: list[Real], count: int, seed: int = 4) -> list[SearchQuery]:
    """Prefixes of real names and towns, 1 to 10 letters, as a person types them."""
    rng = random.Random(seed)
    postcodes = [r["Location Postal Code"] for r in real if r["Location Postal Code"]]
    councils = sorted({r["Location Local Authority"] for r in real
                       if r["Location Local Authority"]})
    queries = []
    for _ in range(count):
        row = rng.choice(real)
        word = rng.choice([row["Location Name"], row["Location City"]]) or "care"
        text = word[: rng.randint(1, min(10, len(word)))]
        kind = rng.randrange(6)
        near = locate(rng.choice(postcodes)) if kind in (1, 4) else None
        queries.append(SearchQuery(
            text=text,
            service_type=rng.choice(list(SERVICES.values())) if kind in (2, 4) else "",
            rating="Good" if kind == 3 else "",
            council=rng.choice(councils) if kind == 5 else "",
            near=near, within_miles=rng.choice([5.0, 10.0, 25.0]) if near else None,
            sort=rng.choice([None, SortBy.NAME, SortBy.RATING]) if not near else None))
    return queries


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def cpu_timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, this process's CPU) seconds: on a busy machine the CPU figure is the steadier."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        real = build_file(args.data, args.rows, work / "HSCA_Active_Locations.csv")
        service = RegisterService(work)
        file = work / "HSCA_Active_Locations.csv"
        fresh = cpu_timed(lambda: service.import_file(file))
        again = cpu_timed(lambda: service.import_file(file))
        queries = searches(real, args.searches)
        raw = sqlite3.connect(work / "register.db")
        # The raw side runs the very SQL the service ends up running, prepared beforehand.
        prepared = [build_query(q, driver=choose_driver(raw, q)) for q in queries]
        for q, (sql, params) in list(zip(queries, prepared, strict=True))[:20]:  # warm up
            service.search(q)
            raw.execute(sql, params).fetchall()
        ours: list[float] = []
        bare: list[float] = []
        for q, (sql, params) in zip(queries, prepared, strict=True):  # interleaved
            ours.append(timed(partial(service.search, q)))
            bare.append(timed(lambda: raw.execute(sql, params).fetchall()))  # noqa: B023
        found = sum(len(service.search(q)) for q in queries)
        print(f"rows imported          {service.size():>10,}")
        print(f"import (fresh)         {fresh[0]:>10.2f} s   (CPU {fresh[1]:.2f} s; aim < 5 s)")
        print(f"re-import (unchanged)  {again[0]:>10.2f} s   (CPU {again[1]:.2f} s)")
        print(f"searches               {len(queries):>10}   ({found:,} results in all)")
        for label, rank in (("p50", 50), ("p95", 95)):
            a, b = percentile(ours, rank), percentile(bare, rank)
            print(f"search {label}             {a:>10.2f} ms  raw FTS5 SQL {b:.2f} ms  "
                  f"ratio {a / b:.2f}x")
        print(f"search max             {max(ours):>10.2f} ms  raw {max(bare):.2f} ms")
        raw.close()
        service.close()


if __name__ == "__main__":
    main()
