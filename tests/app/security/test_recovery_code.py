"""Recovery code at creation, passphrase change without rewriting the file, recovery."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE

from app.domain.errors import ValidationError
from app.services.passphrases import change_passphrase, recover_access
from app.services.profiles import CreatedProfile, WrongPassphrase, open_profile
from app.services.recovery_sheet import recovery_sheet_text
from app.store import keys

NEW = "a brand new passphrase"


def test_code_is_six_readable_groups_and_random() -> None:
    code = keys.new_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}", code)
    assert code != keys.new_recovery_code()


def test_typed_code_forgives_case_spaces_and_look_alikes() -> None:
    assert keys.normalise_recovery_code(" abcde fghij-KLMNO ") == "ABCDE-FGH1J-K1MN0"


def test_create_returns_code_that_unwraps_the_same_key(created: CreatedProfile,
                                                       data_dir: Path) -> None:
    wrapped = {k.purpose: k for k in _keys(created)}
    assert set(wrapped) == {"passphrase", "recovery"}
    assert keys.unwrap(wrapped["recovery"], created.recovery_code) == \
        keys.unwrap(wrapped["passphrase"], PASSPHRASE)
    assert created.recovery_code not in repr(created)


def test_passwd_rewraps_only_and_leaves_database_bytes_alone(
        created: CreatedProfile, data_dir: Path) -> None:
    before = created.info.database.read_bytes()
    change_passphrase(data_dir, NAME, PASSPHRASE, NEW)
    assert created.info.database.read_bytes() == before
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, NAME, PASSPHRASE)
    open_profile(data_dir, NAME, NEW).close()
    recovery = next(k for k in _keys(created) if k.purpose == "recovery")
    keys.unwrap(recovery, created.recovery_code)  # the recovery code still works


def test_passwd_refuses_short_new_passphrase(created: CreatedProfile, data_dir: Path) -> None:
    with pytest.raises(ValidationError):
        change_passphrase(data_dir, NAME, PASSPHRASE, "short")


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


def test_sheet_holds_name_and_code_in_groups() -> None:
    code = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"
    text = recovery_sheet_text("Alex", code, date(2024, 5, 1))
    assert "Alex" in text and "ABCDE  FGHIJ  KLMNO  PQRST  UVWXY  Z2345" in text


def _keys(created: CreatedProfile) -> list[keys.WrappedKey]:
    from app.store.profiles import ProfileDirectory

    return ProfileDirectory(created.info.folder.parent.parent).wrapped_keys(created.info)
