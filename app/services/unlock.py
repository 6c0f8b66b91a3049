"""Unlocking a profile's data key with its passphrase: the tries counted, wrong ones slowed
down (backoff). Kept apart from app/services/profiles.py, and free of SQLAlchemy, so that the
window can derive the key (argon2id: a fifth of a second and 64 MiB, by design) before the
code the open profile needs is imported (`unlock_by_name`): the two never hold memory at
once. Deriving it on a thread beside the imports saved only 30-60 ms on two cores (argon2
uses both) and raised the peak by the size of those imports (176-180 MB against 154 MB)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _, ngettext
from app.store import keys
from app.store.attempts import AttemptCounter, Clock
from app.store.profiles import ProfileDirectory, ProfileInfo

log = logging.getLogger("app.services.profiles")  # where these were said before the split


class WrongPassphrase(DomainError):
    pass


class ProfileNotFound(DomainError):
    pass


class TooManyAttempts(DomainError):
    pass


def unlock_key(directory: ProfileDirectory, info: ProfileInfo, secret: str,
               purpose: str = "passphrase") -> bytes:
    for wrapped in directory.wrapped_keys(info):
        if wrapped.purpose != purpose:
            continue
        try:
            return keys.unwrap(wrapped, secret)
        except keys.WrongSecret:
            continue
    if purpose == "recovery":
        raise WrongPassphrase(_("That recovery code is not right. Check it and try again."))
    raise WrongPassphrase(_("That passphrase is not right. Check it and try again."))


def find_profile(data_dir: Path, name: str) -> tuple[ProfileDirectory, ProfileInfo]:
    directory = ProfileDirectory(data_dir)
    info = directory.find(name)
    if info is None:
        raise ProfileNotFound(_("There is no profile called “{name}”.").format(name=name))
    return directory, info


def unlock_with_backoff(directory: ProfileDirectory, info: ProfileInfo, secret: str,
                        purpose: str = "passphrase", clock: Clock = time.time) -> bytes:
    """Unwrap the data key; after a few wrong tries each further try must wait longer."""
    counter = AttemptCounter(info.folder, clock)
    wait = counter.seconds_to_wait()
    if wait:
        raise TooManyAttempts(ngettext(
            "Too many wrong tries. Wait {n} second, then try again.",
            "Too many wrong tries. Wait {n} seconds, then try again.", wait).format(n=wait))
    try:
        data_key = unlock_key(directory, info, secret, purpose)
    except WrongPassphrase:
        counter.record_failure()
        log.info("wrong %s for a profile", purpose)
        raise
    counter.reset()
    return data_key


def unlock_by_name(data_dir: Path, name: str, passphrase: str,
                   clock: Clock = time.time) -> tuple[ProfileInfo, bytes]:
    """The profile and its data key, unlocked as unlock_with_backoff does."""
    directory, info = find_profile(data_dir, name)
    return info, unlock_with_backoff(directory, info, passphrase, "passphrase", clock)
