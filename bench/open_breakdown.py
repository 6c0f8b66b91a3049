"""Where the time of opening a profile goes, step by step, in one process: the figures behind
bench/peers.py's single number, for whoever makes the open faster next.

    .venv/bin/python bench/open_breakdown.py DATA_DIR [--profile NAME] [--passphrase P]

DATA_DIR holds a profile (bench/peers.py --keep DIR leaves one in DIR/ledger-0, and
bench/ledger.py --keep DIR one in DIR). Each step runs once, in the order the window runs them
(the key first, then the open profile's code); run it a few times and take the middle. Peak
memory (VmHWM) is printed after each step. Runs on the offscreen platform unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--profile", default="Bench")
    parser.add_argument("--passphrase", default="bench-passphrase")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[tuple[str, float, int]] = []
    last = time.perf_counter()

    def step(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        steps.append((name, (now - last) * 1000, peak_mb()))
        last = now

    from PySide6.QtWidgets import QApplication
    step("import PySide6")
    import ui.application  # noqa: F401
    from ui.main_window import MainWindow
    step("import the first window's code")
    qapp = QApplication.instance() or QApplication([])
    window = MainWindow(args.data_dir)
    window.show()
    qapp.processEvents()
    step("first window shown")
    from app.services.unlock import unlock_by_name
    info, key = unlock_by_name(args.data_dir, args.profile, args.passphrase)
    step("key derived (argon2id)")
    import app.services.context  # noqa: F401
    import ui.pages.profile_tabs  # noqa: F401
    from app.services.profiles import open_with_key
    step("import the rest of the profile's code")
    profile = open_with_key(args.data_dir, info, key)
    step("open the database (schema check, who acts)")
    window.enter_profile(profile)
    qapp.processEvents()
    step("Money tab built and painted")
    loaded = "sqlalchemy" in sys.modules  # reads need none of it: it comes at the first write
    window.lock()
    total = sum(ms for _name, ms, _peak in steps)
    print(f"{'step':<44}{'ms':>8}{'share':>8}{'peak MB':>9}")
    for name, ms, peak in steps:
        print(f"{name:<44}{ms:8.0f}{ms / total:8.0%}{peak:9d}")
    print(f"{'in all (after the interpreter started)':<44}{total:8.0f}")
    print(f"SQLAlchemy loaded by then: {'yes' if loaded else 'no'}")


if __name__ == "__main__":
    main()
