"""Bank import speed: 10,000 CSV lines against a 100,000-entry encrypted ledger.

Some of the statement's lines were imported before (found by import id), and some were typed
by hand before the statement came, in the person's own words and up to 3 days earlier (found
by matching). Prints the time of each step of a real import (read; preview with duplicate
detection, suggestions and matching; commit with audit events), the time matching alone
takes, and CPU time, beside a raw sqlite3 executemany of the same new rows into a plain table,
measured in the same run, with the ratios. Aim: the whole import under 1 s.

    .venv/bin/python bench/import.py [--rows 10000] [--ledger 100000] [--typed 0.2]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.audit import Cause  # noqa: E402
from app.domain.funding import Frequency  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.importers.bank import read_statement  # noqa: E402
from app.importers.bank.identity import import_ids  # noqa: E402
from app.services import bank_import  # noqa: E402
from app.services.bank_import import RowStatus  # noqa: E402
from app.services.context import ProfileContext, open_context  # noqa: E402
from app.services.profiles import NewProfile, create_profile  # noqa: E402

PAYEES = ["TESCO STORES", "J EVANS PA WAGES", "HMRC CUMBERNAULD", "NEST PENSIONS",
          "CARE AGENCY LTD", "COUNCIL DIRECT PAYMENT", "DAY CENTRE", "TAXI FIRM"]
# How a person types the same payees by hand.
TYPED = {"TESCO STORES": "Tesco", "J EVANS PA WAGES": "Jo Evans (PA)", "HMRC CUMBERNAULD": "HMRC",
         "NEST PENSIONS": "NEST", "CARE AGENCY LTD": "Care Agency", "COUNCIL DIRECT PAYMENT":
         "Council", "DAY CENTRE": "Day centre", "TAXI FIRM": "Taxi"}


def statement_csv(rows: int, rng: random.Random) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["Date", "Description", "Amount", "Balance"])  # first direct's layout
    start = date(2024, 1, 1)
    for n in range(rows):
        on = start + timedelta(days=n // 14)
        pence = rng.choice([-1, -1, -1, 1]) * rng.randint(100, 90000)
        sign = "-" if pence < 0 else ""
        writer.writerow([on.strftime("%d/%m/%Y"), f"{rng.choice(PAYEES)} {n % 97}",
                         f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}", "0.00"])
    return out.getvalue().encode("utf-8")


def fill_ledger(ctx: ProfileContext, count: int, rng: random.Random,
                known: list[tuple], typed: list[tuple]) -> None:  # type: ignore[type-arg]
    """Load history through the one writer (not timed): older entries, some already-imported
    lines of the statement (duplicates by import id) and some of its payments typed by hand
    (to be matched), so both are really found."""
    now = datetime(2024, 1, 1)
    rows = []
    for n in range(count - len(known) - len(typed)):
        on = date(2015, 1, 1) + timedelta(days=n // 30)
        rows.append(_entry(on, -rng.randint(100, 90000), f"{rng.choice(PAYEES)} {n % 97}",
                           "", None, now))
    for on, pence, text, import_id in known:
        rows.append(_entry(on, pence, text, text, import_id, now))
    for on, pence, text, _import_id in typed:
        payee = TYPED[text.rsplit(" ", 1)[0]]
        rows.append(_entry(on - timedelta(days=rng.randint(0, 3)), pence, payee, "", None, now))
    with ctx.store.write(Cause("bench")) as (_repos, writer):
        writer.insert_many("entry", rows)


def _entry(on: date, pence: int, payee: str, memo: str, import_id: str | None,
           now: datetime) -> dict[str, object]:
    return {"on": on, "amount": Money(pence), "account_id": 1, "payee": payee,
            "category_code": "pa_wages" if pence < 0 else "refund_in", "plan_line_id": None,
            "memo": memo, "approval_reason": "", "cleared": False, "reconciled": False,
            "import_id": import_id, "created_by": "bench", "created_at": now}


def raw_baseline(values: list[tuple[object, ...]]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "raw.db", isolation_level=None)
        conn.execute('CREATE TABLE entry (id INTEGER PRIMARY KEY, "on" DATE, amount INTEGER, '
                     "account_id INTEGER, payee TEXT, category_code TEXT, memo TEXT, "
                     "import_id TEXT)")
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany('INSERT INTO entry ("on", amount, account_id, payee, category_code, '
                         "memo, import_id) VALUES (?,?,?,?,?,?,?)", values)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--ledger", type=int, default=100_000)
    parser.add_argument("--duplicates", type=float, default=0.1,
                        help="share of the statement imported before")
    parser.add_argument("--typed", type=float, default=0.2,
                        help="share of the statement typed by hand before it came")
    options = parser.parse_args()
    rng = random.Random(7)
    data = statement_csv(options.rows, rng)
    parsed = read_statement(data)
    ids = import_ids(parsed.rows)
    already, typed = [], []
    for r, i in zip(parsed.rows, ids, strict=True):
        draw = rng.random()
        if draw < options.duplicates:
            already.append((r.on, r.amount.pence, r.description, i))
        elif draw < options.duplicates + options.typed:
            typed.append((r.on, r.amount.pence, r.description, i))
    with tempfile.TemporaryDirectory() as folder:
        request = NewProfile(display_name="Bench", gross_weekly=Money(40000),
                             frequency=Frequency.FOUR_WEEKLY, start=date(2015, 1, 1))
        create_profile(Path(folder), request, "bench passphrase")
        ctx = open_context(Path(folder), "Bench", "bench passphrase")
        fill_ledger(ctx, options.ledger, rng, already, typed)
        service = ctx.imports
        matching = Timed(bank_import, "_matches")  # as the preview runs it
        cpu0, t0 = time.process_time(), time.perf_counter()
        parsed = service.read(data)
        t1 = time.perf_counter()
        preview = service.preview_parsed(parsed, "bench.csv", 1, today=date(2026, 1, 1))
        t2 = time.perf_counter()
        result = service.commit(preview, today=date(2026, 1, 1))
        t3, cpu = time.perf_counter(), time.process_time() - cpu0
        ctx.close()
    new = [r for r in preview.rows if r.status is RowStatus.NEW]
    raw = raw_baseline([(r.on.isoformat() if r.on else None,
                         r.amount.pence if r.amount else 0, 1, r.payee,
                         r.category_code, r.bank_text, r.import_id) for r in new])
    total = t3 - t0
    print(f"statement lines: {options.rows:,}; ledger entries: {options.ledger:,} (encrypted)")
    print(f"typed by hand before: {len(typed):,}; imported before: {len(already):,}")
    print(f"new {result.added:,}, matched {result.matched:,} ({preview.to_check:,} to check), "
          f"duplicates {preview.count(RowStatus.DUPLICATE):,}, "
          f"rejected {preview.count(RowStatus.REJECTED):,}")
    print(f"read CSV          {t1 - t0:7.3f} s")
    print(f"preview           {t2 - t1:7.3f} s  (duplicate check + suggestions + matching)")
    print(f"  of it matching  {matching.seconds:7.3f} s  (candidates from the ledger, scored, "
          "assigned)")
    print(f"commit            {t3 - t2:7.3f} s  (entries, links, ticks, one audit event)")
    print(f"import total      {total:7.3f} s  {'(under 1 s)' if total < 1 else '(OVER 1 s)'}")
    print(f"import CPU time   {cpu:7.3f} s  (less disturbed by other work on the machine)")
    print(f"raw executemany   {raw:7.3f} s  (plain sqlite3, same {len(new):,} rows)")
    print(f"ratio             {total / raw:7.1f} x  (CPU time: {cpu / raw:.1f} x)")


class Timed:
    """Wraps a function of the import to add up the time spent in it (the matching step)."""

    def __init__(self, module: object, name: str) -> None:
        self.seconds = 0.0
        inner = getattr(module, name)

        def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        setattr(module, name, timed)


if __name__ == "__main__":
    main()
