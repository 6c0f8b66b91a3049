"""Finding 5: key-derivation settings read from profile.json or a backup were used without
bounds: a time cost of 1e9 never finished, 4 GiB of memory stopped the computer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.app.safety.conftest import NAME, PASS, Cli, make

ROOT = Path(__file__).resolve().parents[3]
CRAFTED: dict[str, dict[str, object]] = {
    "time cost 1e9": {"time_cost": 10**9},
    "4 GiB memory": {"memory_kib": 4 * 1024 * 1024},
    "negative": {"time_cost": -1},
    "a float": {"time_cost": 2.5},
    "text": {"memory_kib": "lots"},
    "parallelism 0": {"parallelism": 0},
    "huge parallelism": {"parallelism": 2**24},
    "short salt": {"salt": "AAAA"},
    "not base64": {"nonce": "@@@@"},
    "strange purpose": {"purpose": "anything"},
    "extra field": {"comment": "hello"},
}
# These would hang or exhaust memory on the code before the fix: run with a time limit.
HUGE = ("time cost 1e9", "4 GiB memory", "huge parallelism")


def _craft(meta: dict[str, Any], change: dict[str, object]) -> dict[str, Any]:
    meta = json.loads(json.dumps(meta))
    for wrapped in meta["keys"]:
        wrapped.update(change)
    return meta


def _careledger(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """The real program, stopped after 30 seconds: a hang fails the test, never the suite."""
    env = {**os.environ, "CARELEDGER_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT)}
    try:
        return subprocess.run([sys.executable, "-m", "ui.main", "--data-dir", str(data_dir),
                               *argv], capture_output=True, text=True, timeout=30, env=env,
                              cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail("CareLedger did not finish within 30 seconds (a hang)")


@pytest.mark.parametrize("case", HUGE)
def test_profile_json_with_huge_costs_is_refused_at_once(data_dir: Path, case: str) -> None:
    info = make(data_dir).info
    meta = json.loads((info.folder / "profile.json").read_text())
    (info.folder / "profile.json").write_text(json.dumps(_craft(meta, CRAFTED[case])))
    done = _careledger(data_dir, "entries", "list", "--profile", NAME)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "not made by CareLedger" in done.stderr


@pytest.mark.parametrize("case", sorted(set(CRAFTED) - set(HUGE)))
def test_crafted_costs_in_profile_json_are_refused(data_dir: Path, case: str, cli: Cli) -> None:
    info = make(data_dir).info
    meta = json.loads((info.folder / "profile.json").read_text())
    (info.folder / "profile.json").write_text(json.dumps(_craft(meta, CRAFTED[case])))
    status, out = cli(data_dir, "entries", "list", "--profile", NAME, CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "not made by CareLedger" in out


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_crafted_costs_in_a_backup_are_refused(data_dir: Path, tmp_path: Path, case: str,
                                               cli: Cli) -> None:
    make(data_dir)
    out = tmp_path / "b.careledger"
    assert cli(data_dir, "backup", NAME, "--out", str(out), CARELEDGER_PASSPHRASE=PASS)[0] == 0
    crafted = tmp_path / "crafted.careledger"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(crafted, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "profile.json":
                data = json.dumps(_craft(json.loads(data), CRAFTED[case])).encode()
            dst.writestr(item, data)
    home = tmp_path / "home"
    done = _careledger(home, "restore", str(crafted)) if case in HUGE else None
    if done is not None:
        status, text = done.returncode, done.stdout + done.stderr
        assert "Traceback" not in text
    else:
        status, text = cli(home, "restore", str(crafted), CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "not made by CareLedger" in text
    assert not list(home.glob("profiles/*"))
