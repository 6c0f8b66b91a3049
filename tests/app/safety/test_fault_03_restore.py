"""Finding 3: `restore` replaced an existing profile without asking and without its
passphrase; the kept "before-restore" copy was named to the second (two restores in one
second collided) and the replaced profile's own backups were deleted."""

from __future__ import annotations

from pathlib import Path

from app.services.profiles import open_profile
from app.store.backups import automatic_backups
from tests.app.safety.conftest import (
    NAME,
    PASS,
    Cli,
    add_entries,
    count_entries,
    fingerprint,
    make,
)

OTHER_PASS = "someone else's passphrase"


def _export(data_dir: Path, out: Path, cli: Cli) -> Path:
    status, text = cli(data_dir, "backup", NAME, "--out", str(out), CARELEDGER_PASSPHRASE=PASS)
    assert status == 0, text
    return out


def test_restore_over_a_profile_asks_first(data_dir: Path, tmp_path: Path, cli: Cli) -> None:
    make(data_dir)
    backup = _export(data_dir, tmp_path / "old.careledger", cli)
    add_entries(data_dir, 2)
    before = fingerprint(data_dir / "profiles")
    status, out = cli(data_dir, "restore", str(backup), CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "--replace" in out
    assert fingerprint(data_dir / "profiles") == before
    assert count_entries(data_dir) == 2


def test_a_stranger_of_the_same_name_is_kept_under_their_own_passphrase(
        data_dir: Path, tmp_path: Path, cli: Cli) -> None:
    """A backup brought from another computer, of another person with the same name."""
    elsewhere = tmp_path / "elsewhere"
    make(elsewhere)
    backup = _export(elsewhere, tmp_path / "theirs.careledger", cli)
    make(data_dir, passphrase=OTHER_PASS)
    add_entries(data_dir, 3, passphrase=OTHER_PASS)
    status, out = cli(data_dir, "restore", str(backup), "--replace", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0, out
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in out
    assert automatic_backups(kept[0])  # its own automatic backups went with it
    # It comes back with its own passphrase, and only with that.
    status, out = cli(data_dir, "restore", str(kept[0]), "--as", "Returned",
                      CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "not the passphrase" in out
    status, out = cli(data_dir, "restore", str(kept[0]), "--as", "Returned",
                      CARELEDGER_PASSPHRASE=OTHER_PASS)
    assert status == 0, out
    assert count_entries(data_dir, "Returned", OTHER_PASS) == 3


def test_two_restores_in_one_second_keep_two_copies(data_dir: Path, tmp_path: Path,
                                                     cli: Cli) -> None:
    make(data_dir)
    backup = _export(data_dir, tmp_path / "b.careledger", cli)
    add_entries(data_dir, 1)
    for _ in range(3):
        assert cli(data_dir, "restore", str(backup), "--replace",
                   CARELEDGER_PASSPHRASE=PASS)[0] == 0
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 3
    counts = []
    for n, copy in enumerate(kept):
        name = f"Copy {n}"
        assert cli(data_dir, "restore", str(copy), "--as", name, CARELEDGER_PASSPHRASE=PASS)[0] == 0
        counts.append(count_entries(data_dir, name))
    assert sorted(counts) == [0, 0, 1]  # the one with the entry is among them


def test_an_open_profile_is_never_replaced(data_dir: Path, tmp_path: Path, cli: Cli) -> None:
    make(data_dir)
    backup = _export(data_dir, tmp_path / "b.careledger", cli)
    with open_profile(data_dir, NAME, PASS):
        status, out = cli(data_dir, "restore", str(backup), "--replace",
                          CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "open" in out
    assert not list((data_dir / "backups").glob("before-restore-*"))
