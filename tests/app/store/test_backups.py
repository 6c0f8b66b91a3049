"""Automatic backups: written on close, rotated, encrypted, useless without the key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from app.services.profiles import CreatedProfile
from app.settings import Settings, save_settings
from app.store import keys
from app.store.backups import automatic_backups, check_copy
from tests.conftest import NAME, PASSPHRASE

PAYEE = "Unmistakable Payee Name"


def test_close_writes_rotating_encrypted_backups(created: CreatedProfile, data_dir: Path,
                                                 data_key_of: Callable[..., bytes]) -> None:
    save_settings(data_dir, Settings(backups_to_keep=2))
    for n in range(3):
        with open_context(data_dir, NAME, PASSPHRASE) as ctx:
            ctx.ledger.add_entry(EntryDraft(date(2025, 5, 3), Money(-100 * (n + 1)), PAYEE,
                                            "pa_wages", ""), date(2025, 6, 1))
    backups = automatic_backups(created.info.folder)
    assert len(backups) == 2
    assert check_copy(backups[0], data_key_of(created.info))
    assert not check_copy(backups[0], keys.new_data_key())  # useless without the key
    assert PAYEE.encode() not in backups[0].read_bytes()
