"""Remembering a profile's key in the OS keyring on one's own computer (or failing plainly),
and forgetting every key when the computer is marked shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from app.services.computer import (
    forget_profile,
    open_remembered,
    remember_profile,
    set_computer_mode,
)
from app.services.profiles import CreatedProfile, open_profile
from app.settings import ComputerMode
from app.store.remembered_keys import RememberRefused, RememberResult
from tests.conftest import NAME, PASSPHRASE, MemoryKeyring


def _backend(monkeypatch: pytest.MonkeyPatch, name: str) -> Iterator[None]:
    old = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
    keyring.core.init_backend()
    try:
        yield
    finally:
        keyring.set_keyring(old)


@pytest.fixture
def failing_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _backend(monkeypatch, "keyring.backends.fail.Keyring")


@pytest.fixture
def null_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _backend(monkeypatch, "keyring.backends.null.Keyring")


def _remember_on_own_computer(data_dir: Path) -> RememberResult:
    set_computer_mode(data_dir, ComputerMode.OWN)
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        return remember_profile(data_dir, profile)


def test_own_computer_remembers_key_in_the_keyring(
        created: CreatedProfile, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    assert _remember_on_own_computer(data_dir).remembered
    assert memory_keyring.stored
    reopened = open_remembered(data_dir, NAME)
    assert reopened is not None
    reopened.close()
    forget_profile(data_dir, NAME)
    assert open_remembered(data_dir, NAME) is None


def test_marking_computer_shared_forgets_keys_and_refuses_remembering(
        created: CreatedProfile, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    set_computer_mode(data_dir, ComputerMode.OWN)
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        remember_profile(data_dir, profile)
        set_computer_mode(data_dir, ComputerMode.SHARED)
        assert keyring.get_password("CareLedger", f"profile:{created.info.folder.resolve()}") \
            is None
        with pytest.raises(RememberRefused, match="shared"):
            remember_profile(data_dir, profile)
    assert open_remembered(data_dir, NAME) is None


def test_first_run_unanswered_refuses_remembering(
        created: CreatedProfile, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        with pytest.raises(RememberRefused):
            remember_profile(data_dir, profile)


def test_no_working_keyring_carries_on_with_passphrase(
        created: CreatedProfile, data_dir: Path, failing_keyring: None) -> None:
    result = _remember_on_own_computer(data_dir)
    assert not result.remembered
    assert "asked for it each time" in result.message
    assert open_remembered(data_dir, NAME) is None
    forget_profile(data_dir, NAME)  # nothing to forget: no error


def test_null_keyring_remembers_nothing(
        created: CreatedProfile, data_dir: Path, null_keyring: None) -> None:
    assert not _remember_on_own_computer(data_dir).remembered
    assert open_remembered(data_dir, NAME) is None


def test_stale_remembered_key_is_forgotten(
        created: CreatedProfile, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    assert _remember_on_own_computer(data_dir).remembered
    account = f"profile:{created.info.folder.resolve()}"
    keyring.set_password("CareLedger", account, "00" * 32)  # as after a restore over it
    assert open_remembered(data_dir, NAME) is None
    assert keyring.get_password("CareLedger", account) is None
