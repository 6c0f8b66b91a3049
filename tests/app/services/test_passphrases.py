"""Changing the passphrase rewraps the key only; the recovery code sets a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.services.passphrases import change_passphrase, recover_access
from app.services.profiles import CreatedProfile, WrongPassphrase, open_profile
from app.store import keys
from app.store.profiles import ProfileDirectory
from tests.conftest import NAME, PASSPHRASE

NEW = "a brand new passphrase"


def test_passwd_rewraps_only_and_leaves_database_bytes_alone(
        created: CreatedProfile, data_dir: Path) -> None:
    before = created.info.database.read_bytes()
    change_passphrase(data_dir, NAME, PASSPHRASE, NEW)
    assert created.info.database.read_bytes() == before
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, NAME, PASSPHRASE)
    open_profile(data_dir, NAME, NEW).close()
    recovery = next(k for k in ProfileDirectory(data_dir).wrapped_keys(created.info)
                    if k.purpose == "recovery")
    keys.unwrap(recovery, created.recovery_code)  # the recovery code still works


def test_passwd_refuses_short_new_passphrase(created: CreatedProfile, data_dir: Path) -> None:
    with pytest.raises(ValidationError):
        change_passphrase(data_dir, NAME, PASSPHRASE, "short")
    open_profile(data_dir, NAME, PASSPHRASE).close()


def test_recover_sets_passphrase_and_issues_fresh_code(
        created: CreatedProfile, data_dir: Path) -> None:
    before = created.info.database.read_bytes()
    typed = created.recovery_code.lower().replace("-", " ")
    fresh = recover_access(data_dir, NAME, typed, NEW)
    assert fresh != created.recovery_code
    assert created.info.database.read_bytes() == before
    open_profile(data_dir, NAME, NEW).close()
    with pytest.raises(WrongPassphrase):
        recover_access(data_dir, NAME, created.recovery_code, "another new passphrase")
    recover_access(data_dir, NAME, fresh, "another new passphrase")


def test_wrong_recovery_code_is_refused(created: CreatedProfile, data_dir: Path) -> None:
    with pytest.raises(WrongPassphrase, match="recovery code"):
        recover_access(data_dir, NAME, keys.new_recovery_code(), NEW)
