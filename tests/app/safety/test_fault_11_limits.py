"""Finding 11: no size limits. A 1.5 MB ORUK zip bomb took 3.2 GB; a 1.2 MB backup restored
into 1 GB; /dev/zero passed the bank file size check (it says it is empty, and never ends)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.app.safety.conftest import NAME, PASS, Cli, Disk, make

ROOT = Path(__file__).resolve().parents[3]
REGISTER = ROOT / "tests" / "fixtures" / "register"
LIMIT_SECONDS = 30


def _careledger(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """The real program in its own process, stopped after LIMIT_SECONDS: a hang is a failure
    of this test, never a stuck suite."""
    env = {**os.environ, "CARELEDGER_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT)}
    try:
        return subprocess.run([sys.executable, "-m", "ui.main", "--data-dir", str(data_dir),
                               *argv], capture_output=True, text=True, timeout=LIMIT_SECONDS,
                              env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"CareLedger was still reading after {LIMIT_SECONDS} seconds (a hang)")


def _refused(done: subprocess.CompletedProcess[str]) -> str:
    text = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in text and text.strip(), text
    assert "Something went wrong" not in text, text
    return text


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "statement.csv"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom", "fifo"])
@pytest.mark.parametrize("command", ["bank", "register", "restore"])
def test_endless_files_are_refused_at_once(data_dir: Path, fifo: Path, source: str,
                                           command: str) -> None:
    make(data_dir)
    path = str(fifo) if source == "fifo" else source
    argv = {"bank": ("import", "bank", path, "--profile", NAME),
            "register": ("register", "import", path),
            "restore": ("restore", path)}[command]
    started = time.monotonic()
    text = _refused(_careledger(data_dir, *argv))
    assert "not an ordinary file" in text
    assert time.monotonic() - started < LIMIT_SECONDS


def _backup_with_a_bomb(tmp_path: Path, data_dir: Path, unpacked_mb: int) -> Path:
    """A real backup whose ledger.db is swapped for a deflated member of `unpacked_mb` MB."""
    make(data_dir)
    real = tmp_path / "real.careledger"
    assert _careledger(data_dir, "backup", NAME, "--out", str(real)).returncode == 0
    bomb = tmp_path / "bomb.careledger"
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            if item.filename != "ledger.db":
                dst.writestr(item, src.read(item))
        member = zipfile.ZipInfo("ledger.db")
        member.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(member, "w", force_zip64=True) as out:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                out.write(block)
    info = zipfile.ZipFile(bomb).getinfo("ledger.db")
    assert info.file_size / info.compress_size > 500  # a bomb: KBs unpacking to MBs
    return bomb


def test_a_backup_that_unpacks_to_far_more_is_refused(tmp_path: Path, data_dir: Path,
                                                       small_disk: Disk) -> None:
    bomb = _backup_with_a_bomb(tmp_path, data_dir, 64)
    home = small_disk("16m") / "home"  # the old code filled it, then failed with a traceback
    text = _refused(_careledger(home, "restore", str(bomb)))
    assert "not a CareLedger backup" in text
    assert not list(home.glob("profiles/*")) and not list(home.glob("profiles/.*"))


def test_a_backup_whose_sizes_lie_is_refused(tmp_path: Path, data_dir: Path, cli: Cli) -> None:
    make(data_dir)
    real = tmp_path / "real.careledger"
    assert cli(data_dir, "backup", NAME, "--out", str(real), CARELEDGER_PASSPHRASE=PASS)[0] == 0
    raw = bytearray(real.read_bytes())
    central = raw.rfind(b"PK\x01\x02")  # the last member's central record: ledger.db
    raw[central + 24:central + 28] = (1 << 31).to_bytes(4, "little")  # stated size: 2 GB
    lying = tmp_path / "lying.careledger"
    lying.write_bytes(bytes(raw))
    status, out = cli(tmp_path / "home", "restore", str(lying), CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "not a CareLedger backup" in out


def test_a_backup_with_a_huge_profile_json_is_refused(tmp_path: Path, data_dir: Path,
                                                      cli: Cli) -> None:
    make(data_dir)
    real = tmp_path / "real.careledger"
    assert cli(data_dir, "backup", NAME, "--out", str(real), CARELEDGER_PASSPHRASE=PASS)[0] == 0
    for name, content in (("profile.json", "[" * 200_000 + "]" * 200_000),
                          ("careledger-backup.json", json.dumps({"format": 1, "pad": "x" * 10**7})),
                          ("profile.json", json.dumps({"display_name": "x" * 10**7}))):
        crafted = tmp_path / "crafted.careledger"
        with zipfile.ZipFile(real) as src, zipfile.ZipFile(crafted, "w") as dst:
            for item in src.infolist():
                dst.writestr(item, content if item.filename == name else src.read(item))
        status, out = cli(tmp_path / "home", "restore", str(crafted), CARELEDGER_PASSPHRASE=PASS)
        assert status == 1 and "not a CareLedger backup" in out


def test_an_oruk_zip_bomb_is_refused_quickly_and_small(tmp_path: Path, data_dir: Path) -> None:
    bomb = tmp_path / "oruk.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted((REGISTER / "oruk_v3_csv").iterdir()):
            if member.name != "organizations.csv":
                archive.writestr(member.name, member.read_bytes())
        with archive.open("organizations.csv", "w", force_zip64=True) as out:
            out.write(b"id,name\n")
            for _ in range(3 * 1024):  # 3 GB of one column
                out.write(b"0" * (1 << 20))
    assert bomb.stat().st_size < 5 * 1024 * 1024
    # The peak of this program's own memory (VmHWM): ru_maxrss would also count the memory
    # of the test process it was forked from, which Linux keeps across exec.
    script = ("import sys; from ui.main import main; code = main(sys.argv[1:]); "
              "print('peak', next(line.split()[1] for line in open('/proc/self/status') "
              "if line.startswith('VmHWM'))); sys.exit(code)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", script, "--data-dir", str(data_dir),
                               "register", "import", str(bomb)], capture_output=True,
                              text=True, timeout=LIMIT_SECONDS, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail("the import of a zip bomb was still running after 30 seconds")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "unpacks to far more" in done.stderr
    peak_kb = int(done.stdout.split("peak")[1])
    assert peak_kb < 500 * 1024  # under 500 MB (the program itself takes about 100 MB)
