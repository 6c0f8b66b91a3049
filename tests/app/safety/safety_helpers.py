"""Builders shared by the fault suite (a unique module name on purpose)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import CreatedProfile, NewProfile, create_profile, open_profile
from app.store import keys
from app.store.profiles import ProfileDirectory, ProfileInfo

NAME = "Dilys Example"
PASS = "fault suite passphrase"
TODAY = date(2025, 6, 1)


def request(name: str = NAME) -> NewProfile:
    return NewProfile(display_name=name, gross_weekly=Money(42000),
                      frequency=Frequency.FOUR_WEEKLY, start=date(2025, 4, 1))


def make(data_dir: Path, name: str = NAME, passphrase: str = PASS) -> CreatedProfile:
    return create_profile(data_dir, request(name), passphrase)


def add_entries(data_dir: Path, count: int = 1, name: str = NAME, payee: str = "Shop",
                passphrase: str = PASS) -> None:
    with open_profile(data_dir, name, passphrase) as profile:
        ledger = LedgerService(profile)
        for n in range(count):
            ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-(n + 1) * 100), payee,
                                        "pa_wages", ""), TODAY)


def count_entries(data_dir: Path, name: str = NAME, passphrase: str = PASS) -> int:
    with open_profile(data_dir, name, passphrase, read_only=True) as profile:
        return LedgerService(profile).count()


def data_key(data_dir: Path, info: ProfileInfo, passphrase: str = PASS) -> bytes:
    wrapped = ProfileDirectory(data_dir).wrapped_keys(info)
    return keys.unwrap(next(k for k in wrapped if k.purpose == "passphrase"), passphrase)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below `folder` by name, with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
