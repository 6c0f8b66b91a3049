"""Changing a passphrase and recovering access with the one-time recovery code.

Both rewrap the 32-byte data key in profile.json; the encrypted database is never rewritten.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from app.domain.errors import ValidationError
from app.i18n import _
from app.services.profiles import MIN_PASSPHRASE, find_profile, unlock_with_backoff
from app.store import keys
from app.store.attempts import Clock
from app.store.profiles import ProfileDirectory, ProfileInfo

log = logging.getLogger(__name__)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase",
            _("Choose a passphrase of at least {n} characters. A few words work well.").format(
                n=MIN_PASSPHRASE
            ),
        )


def change_passphrase(data_dir: Path, name: str, current: str, new: str,
                      clock: Clock = time.time) -> None:
    """Rewrap the data key with a new passphrase; the recovery code keeps working."""
    check_new_passphrase(new)
    directory, info = find_profile(data_dir, name)
    data_key = unlock_with_backoff(directory, info, current, "passphrase", clock)
    kept = [k for k in directory.wrapped_keys(info) if k.purpose != "passphrase"]
    directory.replace_keys(info.folder, [keys.wrap(data_key, new, "passphrase"), *kept])
    log.info("passphrase changed for a profile")


def recover_access(data_dir: Path, name: str, recovery_code: str, new_passphrase: str,
                   clock: Clock = time.time) -> str:
    """Set a new passphrase with the recovery code; returns a fresh code (the old one ends)."""
    check_new_passphrase(new_passphrase)
    directory, info = find_profile(data_dir, name)
    code = keys.normalise_recovery_code(recovery_code)
    data_key = unlock_with_backoff(directory, info, code, "recovery", clock)
    return _rewrap_all(directory, info, data_key, new_passphrase)


def _rewrap_all(directory: ProfileDirectory, info: ProfileInfo, data_key: bytes,
                passphrase: str) -> str:
    fresh_code = keys.new_recovery_code()
    directory.replace_keys(info.folder, [keys.wrap(data_key, passphrase, "passphrase"),
                                         keys.wrap(data_key, fresh_code, "recovery")])
    log.info("access recovered for a profile; new recovery code issued")
    return fresh_code
