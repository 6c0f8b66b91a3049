"""Benchmark: open a 100,000-entry profile and show the first page of the ledger with balances.

    python bench/ledger.py [--entries N] [--keep DIR] [--repeat R]

Prints CareLedger's figures beside raw sqlcipher3 doing the same work in the same run,
interleaved run by run, and the ratio (machines here are noisy; the ratio is what to compare
between runs). With --keep DIR the profile "Bench" stays under DIR (passphrase:
bench-passphrase) so the window can be timed on it:
    careledger --data-dir DIR --profile Bench
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.entries import EntryDraft  # noqa: E402
from app.domain.funding import Frequency  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.services.context import open_context  # noqa: E402
from app.services.ledger import PAGE_SIZE  # noqa: E402
from app.services.profiles import NewProfile, create_profile, list_profiles  # noqa: E402
from app.store.profiles import ProfileDirectory  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.models.ledger_model import Col, LedgerModel  # noqa: E402
from ui.text_size import TextSize  # noqa: E402

PASSPHRASE = "bench-passphrase"
NAME = "Bench"


def build(data_dir: Path, entries: int) -> None:
    start = date.today() - timedelta(days=entries // 20)
    create_profile(data_dir, NewProfile(NAME, Money(42000), Frequency.FOUR_WEEKLY, start),
                   PASSPHRASE)
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        ledger = ctx.ledger
        chunk = 10_000
        for first in range(0, entries, chunk):
            drafts = []
            for i in range(first, min(first + chunk, entries)):
                on = start + timedelta(days=i // 20)
                if i % 20 == 0:
                    drafts.append(EntryDraft(on, Money(168000), "Council", "council_payment"))
                else:
                    drafts.append(EntryDraft(on, Money(-(500 + i % 7000)), f"Payee {i % 300}",
                                             "pa_wages", f"memo {i}"))
            ledger.add_entries(drafts, today=start + timedelta(days=entries))


def time_app(data_dir: Path) -> tuple[float, float, float]:
    """Seconds to unlock, to show the first page with balances, and to walk every page."""
    t0 = time.perf_counter()
    ctx = open_context(data_dir, NAME, PASSPHRASE)
    t1 = time.perf_counter()
    try:
        ledger = ctx.ledger
        names = {c.code: c.name("en_GB") for c in ledger.categories()}
        t2 = time.perf_counter()
        model = LedgerModel(ledger, names)
        ctx.summary.on(date.today())
        model.data(model.index(0, Col.BALANCE))
        t3 = time.perf_counter()
        while model.canFetchMore():
            model.fetchMore()
        t4 = time.perf_counter()
    finally:
        ctx.close()
    return t1 - t0, t3 - t2, t4 - t3


def time_window(data_dir: Path, app: QApplication) -> float:
    """Seconds from asking the main window to open the profile to its ledger being painted."""
    window = MainWindow(data_dir, TextSize(app))
    window.show()
    app.processEvents()
    t0 = time.perf_counter()
    window.open_with_passphrase(NAME, PASSPHRASE)
    app.processEvents()
    assert window.ledger_page is not None
    window.ledger_page.table.viewport().repaint()
    t1 = time.perf_counter()
    window.lock()
    window.deleteLater()
    app.processEvents()
    return t1 - t0


RAW_PAGE = ('SELECT id, "on", amount, payee, category_code, memo FROM entry '
            'ORDER BY "on" DESC, id DESC LIMIT ?')
RAW_NEXT = ('SELECT id, "on", amount, payee, category_code, memo FROM entry '
            'WHERE ("on", id) < (?, ?) ORDER BY "on" DESC, id DESC LIMIT ?')


def time_raw(data_dir: Path, key: bytes) -> tuple[float, float]:
    """The same work with bare sqlcipher3: first page with running balances, then every page."""
    info = list_profiles(data_dir)[0]
    t0 = time.perf_counter()
    conn = sqlcipher.connect(str(info.database))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    rows = conn.execute(RAW_PAGE, (PAGE_SIZE,)).fetchall()
    opening = conn.execute("SELECT coalesce(sum(opening_balance), 0) FROM account").fetchone()[0]
    balance = opening + conn.execute("SELECT coalesce(sum(amount), 0) FROM entry").fetchone()[0]
    balances = []
    for row in rows:
        balances.append(balance)
        balance -= row[2]
    conn.execute('SELECT sum(amount) FROM entry WHERE "on" BETWEEN ? AND ?',
                 ("2025-01-01", "2025-03-31")).fetchone()
    t1 = time.perf_counter()
    while len(rows) == PAGE_SIZE:
        last = rows[-1]
        rows = conn.execute(RAW_NEXT, (last[1], last[0], PAGE_SIZE)).fetchall()
    t2 = time.perf_counter()
    conn.close()
    return t1 - t0, t2 - t1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="careledger-bench-"))
    if not list_profiles(data_dir):
        t = time.perf_counter()
        build(data_dir, args.entries)
        print(f"built {args.entries:,} entries in {time.perf_counter() - t:.1f} s "
              f"(all through LedgerService.add_entries, with audit events)")
    directory = ProfileDirectory(data_dir)
    info = directory.list()[0]
    from app.services.profiles import unlock_key

    key = unlock_key(directory, info, PASSPHRASE)
    app_runs, raw_runs = [], []
    for _ in range(args.repeat):  # interleaved: both see the same machine, run by run
        app_runs.append(time_app(data_dir))
        raw_runs.append(time_raw(data_dir, key))
    unlock = statistics.median(r[0] for r in app_runs)
    first = statistics.median(r[1] for r in app_runs)
    walk = statistics.median(r[2] for r in app_runs)
    raw_first = statistics.median(r[0] for r in raw_runs)
    raw_walk = statistics.median(r[1] for r in raw_runs)
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        count = ctx.ledger.count()
    print(f"entries: {count:,}   median of {args.repeat} runs")
    print(f"unlock (argon2id + open + schema check): {unlock * 1000:8.1f} ms")
    print(f"first page + balances + summary, app:    {first * 1000:8.1f} ms")
    print(f"same, raw sqlcipher3:                    {raw_first * 1000:8.1f} ms"
          f"   ratio {first / raw_first:.2f}x")
    print(f"every page (lazy fetch to the end), app: {walk * 1000:8.1f} ms")
    print(f"same, raw sqlcipher3:                    {raw_walk * 1000:8.1f} ms"
          f"   ratio {walk / raw_walk:.2f}x")
    shown = statistics.median(time_window(data_dir, app) for _ in range(args.repeat))
    print(f"window: open profile to ledger painted:  {shown * 1000:8.1f} ms"
          f"   (includes the argon2id unlock above)")
    if args.keep:
        print(f"kept in {data_dir} (profile {NAME!r}, passphrase {PASSPHRASE!r})")


if __name__ == "__main__":
    main()
