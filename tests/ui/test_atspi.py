"""A real accessibility check, as a screen reader sees the window: the real CareLedger window
under Xvfb with the AT-SPI bus (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), walked from another
process over AT-SPI (tests/ui/atspi_walker.py, in the system Python that has gi's Atspi).

For every page (tab) and the main dialogs: every focusable control has a name and a role, and
pressing Tab (real key events) reaches every focusable control. Skipped, saying what is
missing, where the AT-SPI tools are not installed (see README, "Test setup")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_NAME, PASSPHRASE

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = Path(__file__).with_name("atspi_walker.py")
# Dialogs opened from each page, by the accessible name of the button that opens them.
DIALOGS = {
    "Money": ["Add entry", "Change the chosen entry", "Payee rules",
              "Payments without a receipt", "Check against a bank statement"],
    "My providers": ["Add a personal assistant or local provider"],
    "Employing PAs": ["Add a PA you employ", "Change the chosen PA's record",
                      "Add a payslip for the chosen PA", "Insurance and employer details"],
}


def _missing() -> list[str]:
    missing = [tool for tool in ("xvfb-run", "dbus-run-session", "xdotool")
               if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher",
                                          "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', "
                            "'2.0'); from gi.repository import Atspi"],
                           capture_output=True, check=False) if Path(SYSTEM_PYTHON).exists() \
        else None
    if probe is None or probe.returncode != 0:
        missing.append("python3-gi and gir1.2-atspi-2.0 for /usr/bin/python3")
    return missing


@pytest.mark.skipif(bool(_missing()), reason="no AT-SPI here: needs " + ", ".join(_missing()))
def test_every_page_and_main_dialog_is_named_and_reached_by_tab(demo_dir: Path) -> None:
    app = Path(sys.executable).with_name("careledger")
    command = [str(app)] if app.exists() else [sys.executable, "-m", "ui.main"]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(CARELEDGER_PASSPHRASE=PASSPHRASE, CARELEDGER_LANG="en")
    subprocess.run([*command, "--data-dir", str(demo_dir), "settings", "--computer", "own"],
                   env=env, capture_output=True, check=True, timeout=60)
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
         SYSTEM_PYTHON, str(WALKER), json.dumps(DIALOGS), "--", *command,
         "--data-dir", str(demo_dir), "--profile", DEMO_NAME],
        env=env, capture_output=True, text=True, timeout=400, check=False)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the walker said nothing: {run.stderr[-2000:]}"
    report = json.loads(lines[-1])
    print(report.get("where", ""))
    assert "error" not in report, report
    assert len(report["pages"]) >= 8, report["pages"].keys()  # every tab was walked
    walked = {**report["pages"], **report["dialogs"]}
    problems = {where: {k: found[k] for k in ("unnamed", "tab_misses", "error")
                        if found.get(k)} for where, found in walked.items()}
    problems = {where: found for where, found in problems.items() if found}
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
    assert all(found["controls"] > 0 for found in walked.values()), walked
