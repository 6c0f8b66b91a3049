"""Benchmark against a native peer: CareLedger and HomeBank open the same N transactions.

    .venv/bin/python bench/peers.py [--entries 50000] [--rounds 5] [--keep DIR] [--tree DIR]

Builds N transactions once as a CareLedger profile (through the ledger service, with audit
events) and as a HomeBank .xhb file with the same dates, payees, categories, amounts and
memos. Under its own Xvfb (1366x768) it then opens each, interleaved, for --rounds rounds:
the time from starting the program to its window showing the data (the window's title names
the profile or the file) and the process going idle (no CPU used for half a second; the
time is that of its last busy moment). It prints medians and the ratio, and separately:
  - key derivation (argon2id, by design: CareLedger's only cost HomeBank has no counterpart
    for, as its files are not encrypted);
  - cold start to the first window (CareLedger's profile list; HomeBank with no file);
  - peak memory (VmHWM) of CareLedger with --rss-entries entries and a --register-rows
    provider register in its data folder, and of HomeBank on the same entries.
HomeBank is skipped, with a message, when it is not installed (Debian/Ubuntu:
`sudo apt-get install homebank`). --tree runs CareLedger from another source tree (a copy
of an older commit, say) to compare before and after in one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

NAME = "Bench"
PASSPHRASE = "bench-passphrase"
IDLE_FOR = 0.5  # seconds without CPU that count as idle
TIMEOUT = 120.0
TICK = os.sysconf("SC_CLK_TCK")


# --- the same transactions, twice ------------------------------------------------------------

def transactions(entries: int) -> list[tuple[date, int, str, str, str]]:
    """(date, pence, payee, category code, memo): what bench/ledger.py builds, as data."""
    start = date.today() - timedelta(days=entries // 20)
    rows = []
    for i in range(entries):
        on = start + timedelta(days=i // 20)
        if i % 20 == 0:
            rows.append((on, 168000, "Council", "council_payment", ""))
        else:
            rows.append((on, -(500 + i % 7000), f"Payee {i % 300}", "pa_wages", f"memo {i}"))
    return rows


def build_careledger(tree: Path, data_dir: Path, entries: int) -> None:
    """Through `tree`'s own ledger service (bench/ledger.py's build, with audit events), so
    that each tree opens a profile of its own schema."""
    code = ("import sys; from pathlib import Path; sys.path[:0] = ['.', 'bench']\n"
            "from ledger import build\n"
            f"build(Path({str(data_dir)!r}), {entries})")
    subprocess.run([sys.executable, "-c", code], cwd=tree, check=True, capture_output=True)
    own_computer(tree, data_dir)


def own_computer(tree: Path, data_dir: Path) -> None:
    """The first-run question answered (own computer), so that no dialog comes first."""
    subprocess.run([sys.executable, "-m", "ui.main", "--data-dir", str(data_dir), "settings",
                    "--computer", "own"], cwd=tree, check=True, capture_output=True)


def build_homebank(path: Path, entries: int) -> None:
    """A HomeBank 5 file: one account, the payees and categories, then every transaction
    (dates are GLib Julian days, which are Python's ordinals)."""
    rows = transactions(entries)
    payees = sorted({r[2] for r in rows})
    categories = sorted({r[3] for r in rows})
    payee_key = {name: i + 1 for i, name in enumerate(payees)}
    category_key = {name: i + 1 for i, name in enumerate(categories)}
    lines = ['<?xml version="1.0"?>', '<homebank v="1.4" d="050602">',
             '<properties title="bench" curr="1"/>',
             '<cur key="1" flags="0" iso="GBP" name="Pound Sterling" symb="£" syrp="0" '
             'dchar="." gchar="," frac="2" rate="0" mdate="0"/>',
             '<account key="1" pos="1" type="1" curr="1" name="Care" initial="0" '
             'minimum="0"/>']
    lines += [f'<pay key="{k}" name={quoteattr(n)}/>' for n, k in payee_key.items()]
    lines += [f'<cat key="{k}" name={quoteattr(n)}/>' for n, k in category_key.items()]
    for on, pence, payee, category, memo in rows:
        lines.append(f'<ope date="{on.toordinal()}" amount="{pence / 100:.2f}" account="1" '
                     f'paymode="0" flags="0" payee="{payee_key[payee]}" '
                     f'category="{category_key[category]}" wording={quoteattr(memo)}/>')
    lines.append("</homebank>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_register(data_dir: Path, rows: int) -> bool:
    """A national-size provider register beside the profiles (bench/register.py's rows)."""
    import register as register_bench

    if not register_bench.DEFAULT_DATA.is_dir():
        return False
    from app.services.register import RegisterService

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "HSCA_Active_Locations.csv"
        register_bench.build_file(register_bench.DEFAULT_DATA, rows, file)
        service = RegisterService(data_dir)
        service.import_file(file)
        service.close()
    return True


# --- watching a program under X ---------------------------------------------------------------

class Display:
    """A private Xvfb, so that nothing else's windows are counted. Started again if it has
    gone (other test runs on a shared machine stop Xvfb servers)."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        # A display number of its own, well away from the :0, :99 and the like of test runs.
        self.number = next(n for n in range(160 + os.getpid() % 40, 400)
                           if not Path(f"/tmp/.X{n}-lock").exists())
        self.process = subprocess.Popen(
            ["Xvfb", f":{self.number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp",
             "-noreset"],  # no reset (and a moment without a display) as each client leaves
            stderr=subprocess.DEVNULL)
        deadline = time.perf_counter() + 10
        while not self._socket().exists():
            if self.process.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"Xvfb :{self.number} did not start")
            time.sleep(0.05)

    def _socket(self) -> Path:
        return Path(f"/tmp/.X11-unix/X{self.number}")

    @property
    def name(self) -> str:
        if self.process.poll() is not None or not self._socket().exists():
            self.close()
            self._start()
        return f":{self.number}"

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()


def cpu_ticks(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime + stime


def memory_mb(pid: int, field: str) -> float:
    """VmHWM (the peak) or VmRSS (now) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def window_showing(display: str, title: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                           env=dict(os.environ, DISPLAY=display), capture_output=True)
    return found.returncode == 0


class Run:
    """One start of a program: seconds to its window, to idle, and its peak memory."""

    def __init__(self, command: list[str], env: dict[str, str], title: str, display: str,
                 cwd: Path, wait_idle: bool = True) -> None:
        start = time.perf_counter()
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=errors, start_new_session=True)
        try:
            while not window_showing(display, title):
                if process.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{command} stopped before its window showed:\n{said}")
                if time.perf_counter() - start > TIMEOUT:
                    raise RuntimeError(f"no window titled {title!r}")
                time.sleep(0.005)
            self.window = time.perf_counter() - start
            self.idle = self.window
            if wait_idle:
                last, busy_at = cpu_ticks(process.pid), time.perf_counter()
                while time.perf_counter() - busy_at < IDLE_FOR:
                    time.sleep(0.01)
                    ticks = cpu_ticks(process.pid)
                    if ticks != last:
                        last, busy_at = ticks, time.perf_counter()
                self.idle = max(self.window, busy_at - start)
            self.rss = memory_mb(process.pid, "VmHWM")
            self.rss_idle = memory_mb(process.pid, "VmRSS")
        finally:
            stop(process)
            errors.close()


def stop(process: subprocess.Popen[bytes]) -> None:
    """The program and anything it started (its own session)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def careledger(tree: Path, data_dir: Path, display: str, profile: bool = True,
               wait_idle: bool = True) -> Run:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               CARELEDGER_PASSPHRASE=PASSPHRASE, CARELEDGER_LANG="en")
    command = [sys.executable, "-c", "import sys; from ui.main import main; sys.exit(main())",
               "--data-dir", str(data_dir)]
    if profile:
        command += ["--profile", NAME]
    title = f"{NAME} – CareLedger" if profile else "^CareLedger$"
    return Run(command, env, title, display, tree, wait_idle)


def homebank(file: Path | None, home: Path, display: str, wait_idle: bool = True) -> Run:
    env = dict(os.environ, DISPLAY=display, HOME=str(home), LANG="C.UTF-8")
    command = ["homebank"] + ([str(file)] if file else [])
    title = f"{file.name} - " if file else "HomeBank"
    return Run(command, env, title, display, home, wait_idle)


def derive_seconds(data_dir: Path) -> float:
    from app.store import keys
    from app.store.profiles import ProfileDirectory

    directory = ProfileDirectory(data_dir)
    wrapped = next(w for w in directory.wrapped_keys(directory.list()[0])
                   if w.purpose == "passphrase")
    times = []
    for _ in range(3):
        t = time.perf_counter()
        keys.unwrap(wrapped, PASSPHRASE)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def kdf_memory_mib(data_dir: Path) -> int:
    from app.store.profiles import ProfileDirectory

    directory = ProfileDirectory(data_dir)
    wrapped = next(w for w in directory.wrapped_keys(directory.list()[0])
                   if w.purpose == "passphrase")
    return wrapped.memory_kib // 1024


def medians(rounds: int, runs: dict[str, Callable[[], Run]]) -> dict[str, list[Run]]:
    done: dict[str, list[Run]] = {name: [] for name in runs}
    for _ in range(rounds):  # interleaved: each round runs every program once
        for name, run in runs.items():
            try:
                done[name].append(run())
            except RuntimeError as error:  # e.g. the display was taken away: once more
                print(f"  (again: {str(error).splitlines()[-1]})")
                done[name].append(run())
    return done


def ms(runs: list[Run], attribute: str) -> float:
    return float(statistics.median(getattr(r, attribute) for r in runs)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rss-entries", type=int, default=100_000)
    parser.add_argument("--register-rows", type=int, default=60_000)
    parser.add_argument("--keep", type=Path, default=None, help="build here once, and reuse")
    parser.add_argument("--tree", type=Path, action="append", default=None,
                        help="CareLedger source tree(s) to run (default: this one)")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="careledger-peers-"))
    trees = args.tree or [ROOT]
    has_homebank = shutil.which("homebank") is not None
    if not has_homebank:
        print("HomeBank is not installed: only CareLedger is timed "
              "(sudo apt-get install homebank)")

    def label(tree: Path) -> str:
        return "CareLedger" + ("" if len(trees) == 1 else f" {tree}")

    xhb, hb_home = work / "bench.xhb", work / "hb-home"
    ledgers = {tree: work / f"ledger-{n}" for n, tree in enumerate(trees)}
    empties = {tree: work / f"empty-{n}" for n, tree in enumerate(trees)}
    for tree in trees:
        if not ledgers[tree].exists():
            t = time.perf_counter()
            build_careledger(tree, ledgers[tree], args.entries)
            print(f"built the CareLedger profile ({args.entries:,} entries) with {tree} in "
                  f"{time.perf_counter() - t:.0f} s")
        if not empties[tree].exists():
            empties[tree].mkdir()
            own_computer(tree, empties[tree])
    if has_homebank and not xhb.exists():
        build_homebank(xhb, args.entries)
    hb_home.mkdir(exist_ok=True)

    for tree in trees:  # as the installed bundle has it: no module compiled at start
        subprocess.run([sys.executable, "-m", "compileall", "-q", "app", "ui"], cwd=tree,
                       check=True, stdout=subprocess.DEVNULL)
    print("bytecode compiled ahead in each tree, as in the installed bundle")
    display = Display()
    try:
        # Warm the disk cache once for each, so that every timed round starts the same way.
        for tree in trees:
            careledger(tree, ledgers[tree], display.name)
        if has_homebank:
            homebank(xhb, hb_home, display.name)

        opens: dict[str, Callable[[], Run]] = {
            label(tree): (lambda tree=tree: careledger(tree, ledgers[tree],  # type: ignore
                                                       display.name))
            for tree in trees}
        if has_homebank:
            opens["HomeBank"] = lambda: homebank(xhb, hb_home, display.name)
        done = medians(args.rounds, opens)
        print(f"\nopen {args.entries:,} transactions: window shown with the data, and idle "
              f"(median of {args.rounds}, interleaved)")
        for name, runs in done.items():
            print(f"  {name:<34} window {ms(runs, 'window'):7.0f} ms   idle "
                  f"{ms(runs, 'idle'):7.0f} ms")
        kdf = derive_seconds(ledgers[trees[-1]]) * 1000
        kdf_mib = kdf_memory_mib(ledgers[trees[-1]])
        print(f"  key derivation (argon2id), inside CareLedger's figures: {kdf:.0f} ms")
        if has_homebank:
            theirs = ms(done["HomeBank"], "idle")
            for tree in trees:
                ours = ms(done[label(tree)], "idle")
                print(f"  {label(tree)} / HomeBank: {ours / theirs:.2f}x   without the key "
                      f"derivation: {(ours - kdf) / theirs:.2f}x")

        colds: dict[str, Callable[[], Run]] = {
            label(tree): (lambda tree=tree: careledger(tree, empties[tree],  # type: ignore
                                                       display.name, profile=False,
                                                       wait_idle=False))
            for tree in trees}
        if has_homebank:
            colds["HomeBank"] = lambda: homebank(None, hb_home, display.name, wait_idle=False)
        done = medians(args.rounds, colds)
        print(f"\ncold start to the first window (median of {args.rounds}, interleaved)")
        for name, runs in done.items():
            print(f"  {name:<34} {ms(runs, 'window'):7.0f} ms")

        if not args.skip_rss:
            print(f"\nmemory, {args.rss_entries:,} entries, {args.register_rows:,}-row register "
                  f"beside them, ledger open and idle: the peak (VmHWM; CareLedger's includes "
                  f"argon2id's working memory, {kdf_mib} MiB while the key is derived) and "
                  f"at idle (VmRSS)")
            register = work / "register"
            if not register.exists():
                register.mkdir()
                if not build_register(register, args.register_rows):
                    print("  (no CQC data for the register: measured without it)")
            for n, tree in enumerate(trees):
                rss_dir = work / f"rss-{n}"
                if not rss_dir.exists():
                    build_careledger(tree, rss_dir, args.rss_entries)
                    for file in register.glob("register*"):
                        shutil.copy2(file, rss_dir / file.name)
                run = careledger(tree, rss_dir, display.name)
                print(f"  {label(tree):<34} peak {run.rss:4.0f} MB   idle {run.rss_idle:4.0f} MB")
            if has_homebank:
                big = work / "rss.xhb"
                if not big.exists():
                    build_homebank(big, args.rss_entries)
                theirs_run = homebank(big, hb_home, display.name)
                print(f"  {'HomeBank':<34} peak {theirs_run.rss:4.0f} MB   idle "
                      f"{theirs_run.rss_idle:4.0f} MB")
    finally:
        display.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
