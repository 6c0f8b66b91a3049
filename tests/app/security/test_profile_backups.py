"""Automatic backups on close, one-file export, restore (keeping a copy, upgrading old files)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE, make_old_profile

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError
from app.domain.money import Money
from app.services.backups import ProfileExists, export_profile, restore_profile
from app.services.ledger import LedgerService
from app.services.profiles import CreatedProfile, ProfileInUse, WrongPassphrase, open_profile
from app.settings import Settings, save_settings
from app.store import database, keys
from app.store.backup_file import NotABackup
from app.store.backups import automatic_backups, check_copy
from app.store.profiles import ProfileDirectory

TODAY = date(2024, 6, 1)
PAYEE = "Unmistakable Payee Name"


def _add(data_dir: Path, pence: int, name: str = NAME) -> None:
    with open_profile(data_dir, name, PASSPHRASE) as profile:
        LedgerService(profile).add_entry(
            EntryDraft(date(2024, 5, 3), Money(pence), PAYEE, "pa_wages", ""), TODAY)


def _count(data_dir: Path, name: str = NAME) -> int:
    with open_profile(data_dir, name, PASSPHRASE, read_only=True) as profile:
        return LedgerService(profile).count()


def _export(data_dir: Path, out: Path) -> Path:
    with open_profile(data_dir, NAME, PASSPHRASE, read_only=True) as profile:
        return export_profile(profile, out)


def test_close_writes_rotating_encrypted_backups(created: CreatedProfile, data_dir: Path) -> None:
    save_settings(data_dir, Settings(backups_to_keep=2))
    for n in range(3):
        _add(data_dir, -100 * (n + 1))
    backups = automatic_backups(created.info.folder)
    assert len(backups) == 2
    key = _key(created)
    assert check_copy(backups[0], key)
    assert not check_copy(backups[0], keys.new_data_key())  # useless without the key
    assert PAYEE.encode() not in backups[0].read_bytes()


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
    with open_profile(data_dir, NAME, PASSPHRASE), pytest.raises(ProfileInUse):
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


def test_backup_of_an_older_schema_is_upgraded_on_restore(data_dir: Path,
                                                          tmp_path: Path) -> None:
    old, data_key = make_old_profile(data_dir, "Old Profile", "0001")
    profile = _open_raw(old, data_key)
    out = export_profile(profile, tmp_path / "old.careledger")
    profile.engine.dispose()
    result = restore_profile(tmp_path / "home", out, PASSPHRASE)
    assert result.upgraded_from == "0001"
    with open_profile(tmp_path / "home", "Old Profile", PASSPHRASE) as restored:
        assert database.current_revision(restored.engine) == database.head_revision()


def _open_raw(info, data_key):  # type: ignore[no-untyped-def]
    """An OpenProfile over an old file without the upgrade open_profile would do."""
    from app.services.profiles import OpenProfile

    return OpenProfile(info, database.open_engine(info.database, data_key), "test",
                       read_only=True, data_key=data_key)


def _key(created: CreatedProfile) -> bytes:
    wrapped = ProfileDirectory(created.info.folder.parent.parent).wrapped_keys(created.info)
    return keys.unwrap(next(k for k in wrapped if k.purpose == "passphrase"), PASSPHRASE)
