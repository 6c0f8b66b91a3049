"""Use cases on this computer: shared or own, and “remember on this computer”."""

from __future__ import annotations

from pathlib import Path

from app.services.profiles import OpenProfile, find_profile, open_with_key
from app.settings import ComputerMode, Settings, load_settings, save_settings
from app.store.ledger_db import DamagedProfile
from app.store.profiles import ProfileDirectory
from app.store.remembered_keys import RememberResult, forget_key, recall_key, remember_key


def set_computer_mode(data_dir: Path, mode: ComputerMode) -> Settings:
    """Answer the first-run question (or change it); a shared computer forgets every key."""
    settings = load_settings(data_dir).with_changes(computer=mode)
    save_settings(data_dir, settings)
    if settings.is_shared:
        for info in ProfileDirectory(data_dir).list():
            forget_key(info)
    return settings


def remember_profile(data_dir: Path, profile: OpenProfile) -> RememberResult:
    """Keep the open profile's key in the OS keyring (refused on a shared computer)."""
    return remember_key(load_settings(data_dir), profile.info, profile.data_key)


def forget_profile(data_dir: Path, name: str) -> None:
    _directory, info = find_profile(data_dir, name)
    forget_key(info)


def open_remembered(data_dir: Path, name: str, actor: str | None = None,
                    read_only: bool = False) -> OpenProfile | None:
    """Open without a passphrase when this computer remembers the key; else None."""
    _directory, info = find_profile(data_dir, name)
    data_key = recall_key(load_settings(data_dir), info)
    if data_key is None:
        return None
    try:
        return open_with_key(data_dir, info, data_key, actor, read_only)
    except DamagedProfile:
        # The profile was replaced (restored from another copy): that key is no use any more.
        forget_key(info)
        return None


class ComputerService:
    """The same use cases bound to one data folder, for the window to hold."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)

    def settings(self) -> Settings:
        return load_settings(self.data_dir)

    def set_mode(self, mode: ComputerMode) -> Settings:
        return set_computer_mode(self.data_dir, mode)

    def remember(self, profile: OpenProfile) -> RememberResult:
        return remember_profile(self.data_dir, profile)

    def forget(self, name: str) -> None:
        forget_profile(self.data_dir, name)
