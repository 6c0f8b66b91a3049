"""Finding 12: automatic backups, exported backups, the lock file and the log were 0644 and
the data folder 0755, so other accounts on a shared laptop saw profile names; leftover
`.restoring-*` folders and before-restore copies were never cleaned."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.services.profiles import open_profile
from tests.app.safety.conftest import NAME, PASS, Cli, add_entries, make

BANK = Path(__file__).resolve().parents[2] / "fixtures" / "bank"
REGISTER = Path(__file__).resolve().parents[2] / "fixtures" / "register"


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most desktops start programs with: files 0644 unless the code says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _open_to_others(root: Path) -> list[str]:
    found = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return found


def test_everything_careledger_writes_is_owner_only(data_dir: Path, tmp_path: Path,
                                                    usual_umask: None, cli: Cli) -> None:
    make(data_dir)
    add_entries(data_dir, 2)
    out = tmp_path / "usb" / "dilys.careledger"
    out.parent.mkdir(mode=0o755)
    for argv in (("backup", NAME, "--out", str(out)),
                 ("import", "bank", str(BANK / "lloyds.csv"), "--profile", NAME),
                 ("register", "import", str(REGISTER / "cqc_hsca_extract.csv")),
                 ("people", NAME, "--add", "Sam Carer"),
                 ("history", NAME)):
        assert cli(data_dir, *argv, CARELEDGER_PASSPHRASE=PASS)[0] == 0
    with open_profile(data_dir, NAME, PASS):  # the lock file exists while it is open
        assert not _open_to_others(data_dir)
    assert (data_dir / "logs" / "careledger.log").exists()
    assert not _open_to_others(data_dir)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_older_versions_readable_files_are_tightened(data_dir: Path, usual_umask: None,
                                                        cli: Cli) -> None:
    folder = make(data_dir).info.folder
    add_entries(data_dir, 1)
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # as 0.1.0 left them
    assert cli(data_dir, "profile", "list")[0] == 0
    assert not _open_to_others(data_dir)
    assert list((folder / "backups").glob("auto-*.db"))


def test_stale_restore_folders_and_old_kept_copies_are_cleaned(data_dir: Path, tmp_path: Path,
                                                               cli: Cli) -> None:
    make(data_dir)
    out = tmp_path / "b.careledger"
    assert cli(data_dir, "backup", NAME, "--out", str(out), CARELEDGER_PASSPHRASE=PASS)[0] == 0
    for _ in range(3):
        assert cli(data_dir, "restore", str(out), "--replace", CARELEDGER_PASSPHRASE=PASS)[0] == 0
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 3
    # Age them: two 40 days old, and crashed work folders left two days ago.
    old = datetime.now(UTC) - timedelta(days=40)
    for n, path in enumerate(kept[:2]):
        aged = path.with_name(path.name.replace(path.name.split("-")[-2],
                                                (old - timedelta(minutes=n)).strftime(
                                                    "%Y%m%dT%H%M%S%fZ")))
        path.rename(aged)
    crashed = data_dir / "profiles" / ".restoring-0123"
    crashed.mkdir()
    (crashed / "ledger.db").write_bytes(b"x" * 5000)
    fresh = data_dir / "profiles" / ".restoring-4567"  # a restore at work right now
    fresh.mkdir()
    two_days_ago = (datetime.now() - timedelta(days=2)).timestamp()
    os.utime(crashed, (two_days_ago, two_days_ago))
    assert cli(data_dir, "restore", str(out), "--replace", CARELEDGER_PASSPHRASE=PASS)[0] == 0
    left = sorted(p.name for p in (data_dir / "backups").glob("before-restore-*"))
    assert len(left) == 2  # the two aged 40 days are gone; the recent one and the new one stay
    assert kept[2].name in left
    assert not crashed.exists() and fresh.exists()
