"""Benchmark: a year of entries to a statement PDF, beside reportlab rendering the same rows as
a bare single table (plain strings, default style) in the same run. A line per size, then how
the time grows (a statement should grow linearly: 20k at most 4.5x the 5k time).

Times are CPU seconds of this process (time.process_time): on a shared machine wall-clock
time swings with other work, CPU time much less. Wall-clock is printed beside it.

    .venv/bin/python bench/statement.py [--entries 1000 5000 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table  # noqa: E402

from app.domain.categories import load_categories  # noqa: E402
from app.domain.council_rules import find_template  # noqa: E402
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Period  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.domain.person import Holder  # noqa: E402
from app.domain.policy import Policy  # noqa: E402
from app.i18n import format_date, format_money  # noqa: E402
from app.statements import build  # noqa: E402
from app.statements.builder import Ledger  # noqa: E402
from app.statements.model import StatementEntry, StatementInputs  # noqa: E402
from app.statements.pdf import render_pdf  # noqa: E402

YEAR = Period(date(2025, 4, 1), date(2026, 3, 31))
PAYEES = ["Jo Evans (PA)", "Sam Patel (PA)", "HMRC PAYE", "Sunrise Home Care (demo)",
          "Seaview Respite and Short Breaks Community Interest Company (demo, North Wales)",
          "Payroll service", "Workplace pension"]
OUT = ["pa_wages", "paye_ni", "agency_care", "respite", "pension", "payroll_fee", "activities"]


def entries(count: int, seed: int = 6) -> list[StatementEntry]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, count + 1):
        on = YEAR.start + timedelta(days=rng.randrange(365))
        incoming = i % 12 == 0
        pence = rng.randint(1000, 180000)
        rows.append(StatementEntry(
            i, on, Money(pence if incoming else -pence),
            "Demo Borough Council" if incoming else rng.choice(PAYEES),
            "council_payment" if incoming else rng.choice(OUT),
            "" if incoming else rng.choice(["Personal care", "Getting out", ""]),
            cleared=rng.random() < 0.95, evidence_ref=f"R-{i:05d}" if i % 3 == 0 else ""))
    return rows


def bare_rows(rows: list[StatementEntry]) -> list[list[str]]:
    names = {c.code: c.name_en for c in load_categories()}
    table = [["Date", "Payee or payer", "Category", "Support plan line", "Evidence", "In", "Out"]]
    for e in sorted(rows, key=lambda e: (e.on, e.id)):
        amount = format_money(abs(e.amount.pence))
        table.append([format_date(e.on), e.payee, names[e.category_code], e.support_plan_line,
                      e.evidence_ref, amount if e.amount.pence > 0 else "",
                      amount if e.amount.pence < 0 else ""])
    return table


def time_bare(rows: list[StatementEntry], out: Path) -> tuple[float, float]:
    wall, start = time.perf_counter(), time.process_time()
    table = Table(bare_rows(rows), repeatRows=1)
    SimpleDocTemplate(str(out), pagesize=A4).build([table])
    return time.process_time() - start, time.perf_counter() - wall


def time_statement(rows: list[StatementEntry], out: Path) -> tuple[float, float, float]:
    wall, start = time.perf_counter(), time.process_time()
    stream = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(44000),
                                Frequency.FOUR_WEEKLY, YEAR.start, Money(3500))
    policy = Policy(find_template("yearly_4_weeks_contingency"),
                    {c.code: c for c in load_categories()})
    uncleared = [e for e in rows if not e.cleared]
    statement = build(YEAR, holder=Holder("Alex Example", "Demo Borough Council", "DEMO-0001"),
                      policy=policy, streams=[stream],
                      ledger=Ledger(Money(50000), rows, uncleared),
                      inputs=StatementInputs(audit_hash="0" * 64, generated_on=YEAR.end))
    built = time.process_time()
    render_pdf(statement, out)
    return built - start, time.process_time() - start, time.perf_counter() - wall


def measure(count: int, repeat: int, folder: Path) -> tuple[float, float, float, float, float]:
    """Best CPU and wall seconds of the bare table and the statement, and the build alone."""
    rows = entries(count)
    bare, bare_wall, full, full_wall, builds = [], [], [], [], []
    for n in range(repeat):  # interleaved so both see the same machine state
        cpu, wall = time_bare(rows, folder / f"bare{count}-{n}.pdf")
        bare.append(cpu)
        bare_wall.append(wall)
        b, f, w = time_statement(rows, folder / f"statement{count}-{n}.pdf")
        builds.append(b)
        full.append(f)
        full_wall.append(w)
    return min(bare), min(bare_wall), min(full), min(full_wall), min(builds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    opts = parser.parse_args()
    from reportlab.lib import rl_accel

    accelerated = type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    print(f"best of {opts.repeat}, CPU seconds (wall in brackets); reportlab's C accelerator "
          f"(rl-accel): {'in use' if accelerated else 'not installed'}")
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in opts.entries:
            bare, bare_wall, full, full_wall, build_cpu = measure(count, opts.repeat,
                                                                  Path(folder))
            times[count] = (full, bare)
            print(f"{count:>7,} entries: statement {full:7.3f} s ({full_wall:.3f} s; build "
                  f"{build_cpu * 1000:.0f} ms)  bare table {bare:7.3f} s ({bare_wall:.3f} s)"
                  f"  ratio {full / bare:.2f}x", flush=True)
    counts = sorted(times)
    for small, large in zip(counts, counts[1:], strict=False):
        print(f"{large:,} / {small:,} entries: statement {times[large][0] / times[small][0]:.2f}x"
              f", bare table {times[large][1] / times[small][1]:.2f}x "
              f"(linear: {large / small:.1f}x)")


if __name__ == "__main__":
    main()
