"""One-file export, and restore: elsewhere, over a profile (keeping a copy), as another name,
never over an open one, and upgrading a backup of an older schema."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError
from app.domain.money import Money
from app.services.backups import ProfileExists, export_profile, restore_profile
from app.services.context import open_context
from app.services.profiles import CreatedProfile, OpenProfile, ProfileInUse, WrongPassphrase
from app.services.profiles import open_profile as unlock
from app.store import database
from app.store.backup_file import NotABackup
from app.store.ledger_db import LedgerDatabase, head_revision
from app.store.profiles import ProfileDirectory, ProfileInfo
from tests.conftest import NAME, PASSPHRASE

TODAY = date(2025, 6, 1)
PAYEE = "Unmistakable Payee Name"
OldProfile = Callable[[str, str], tuple[ProfileInfo, bytes]]


def _add(data_dir: Path, pence: int, name: str = NAME) -> None:
    with open_context(data_dir, name, PASSPHRASE) as ctx:
        ctx.ledger.add_entry(EntryDraft(date(2025, 5, 3), Money(pence), PAYEE, "pa_wages", ""),
                             TODAY)


def _count(data_dir: Path, name: str = NAME) -> int:
    with open_context(data_dir, name, PASSPHRASE, read_only=True) as ctx:
        return ctx.ledger.count()


def _export(data_dir: Path, out: Path) -> Path:
    with unlock(data_dir, NAME, PASSPHRASE, read_only=True) as profile:
        return export_profile(profile, out)


def test_export_is_one_encrypted_file_with_wrapped_keys(created: CreatedProfile,
                                                        data_dir: Path, tmp_path: Path) -> None:
    _add(data_dir, -2500)
    with pytest.raises(DomainError, match="does not exist"):
        _export(data_dir, tmp_path / "usb" / "alex")
    (tmp_path / "usb").mkdir()
    out = _export(data_dir, tmp_path / "usb" / "alex")
    assert out.name == "alex.careledger"
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == [
            "careledger-backup.json", "ledger.db", "profile.json"]
    assert PAYEE.encode() not in out.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["alex.careledger"]  # no work files left


def test_restore_elsewhere_moves_a_profile_between_computers(
        created: CreatedProfile, data_dir: Path, tmp_path: Path) -> None:
    _add(data_dir, -2500)
    out = _export(data_dir, tmp_path / "alex.careledger")
    home = tmp_path / "home"
    result = restore_profile(home, out, PASSPHRASE)
    assert result.kept_copy is None and result.upgraded_from is None
    assert _count(home) == 1
    with open_context(home, NAME, PASSPHRASE, read_only=True) as ctx:
        assert ctx.history.verify().is_whole


def test_restore_over_a_profile_keeps_a_copy_first(created: CreatedProfile, data_dir: Path,
                                                   tmp_path: Path) -> None:
    out = _export(data_dir, tmp_path / "alex.careledger")
    _add(data_dir, -2500)  # made after the backup: restoring would lose it without a copy
    with pytest.raises(ProfileExists, match="--replace"):  # asked first, nothing changed
        restore_profile(data_dir, out, PASSPHRASE)
    assert _count(data_dir) == 1
    result = restore_profile(data_dir, out, PASSPHRASE, replace=True)
    assert _count(data_dir) == 0
    assert result.kept_copy is not None and result.kept_copy.exists()
    again = restore_profile(data_dir, result.kept_copy, PASSPHRASE, replace=True)  # undo it
    assert _count(data_dir) == 1 and again.kept_copy is not None
    assert [p.display_name for p in ProfileDirectory(data_dir).list()] == [NAME]


def test_restore_as_another_name_leaves_the_current_alone(
        created: CreatedProfile, data_dir: Path, tmp_path: Path) -> None:
    out = _export(data_dir, tmp_path / "alex.careledger")
    _add(data_dir, -2500)
    result = restore_profile(data_dir, out, PASSPHRASE, as_name="Alex (old copy)")
    assert result.kept_copy is None
    assert (_count(data_dir), _count(data_dir, "Alex (old copy)")) == (1, 0)


def test_restore_refuses_over_an_open_profile(created: CreatedProfile, data_dir: Path,
                                             tmp_path: Path) -> None:
    out = _export(data_dir, tmp_path / "alex.careledger")
    with unlock(data_dir, NAME, PASSPHRASE), pytest.raises(ProfileInUse):
        restore_profile(data_dir, out, PASSPHRASE, replace=True)
    assert [p.name for p in (data_dir / "profiles").iterdir()] == [created.info.slug]


def test_wrong_passphrase_or_foreign_file_is_refused(created: CreatedProfile, data_dir: Path,
                                                     tmp_path: Path) -> None:
    out = _export(data_dir, tmp_path / "alex.careledger")
    with pytest.raises(WrongPassphrase):
        restore_profile(tmp_path / "home", out, "not the passphrase")
    junk = tmp_path / "junk.careledger"
    junk.write_bytes(b"not a zip")
    with pytest.raises(NotABackup):
        restore_profile(tmp_path / "home", junk, PASSPHRASE)
    assert not list((tmp_path / "home").glob("profiles/*"))


def test_backup_of_an_older_schema_is_upgraded_on_restore(
        make_old_profile: OldProfile, tmp_path: Path) -> None:
    old, data_key = make_old_profile("Old Profile", "0001")
    # An OpenProfile over the old file without the upgrade open_profile would do.
    profile = OpenProfile(old, LedgerDatabase(old.database, data_key, read_only=True), "test",
                          read_only=True, data_key=data_key)
    out = export_profile(profile, tmp_path / "old.careledger")
    profile.db.dispose()
    result = restore_profile(tmp_path / "home", out, PASSPHRASE)
    assert result.upgraded_from == "0001"
    with open_context(tmp_path / "home", "Old Profile", PASSPHRASE) as restored:
        assert database.current_revision(restored.store.engine) == head_revision()
        check = restored.history.verify()
        assert check.is_whole, check  # what was there before the audit trail is its baseline
