"""“Remember on this computer”: a profile's data key kept in the OS keyring.

Only on a computer its owner marked as their own. When no keyring works (a headless machine,
a locked or missing keyring) nothing is stored and the passphrase is asked as usual: the
result says so plainly, it never raises.

Only a real password store will do. keyrings.alt's backends write to plain (or weakly
protected) files in the home folder, and become the default as soon as that package is
installed: with one of them, or the null or failing backend, nothing is stored, a key left
there by an older version is removed, and the person is told.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from app.domain.errors import DomainError
from app.i18n import _
from app.settings import Settings
from app.store.keys import DATA_KEY_BYTES
from app.store.profiles import ProfileInfo

SERVICE = "CareLedger"

log = logging.getLogger(__name__)


class RememberRefused(DomainError):
    pass


@dataclass(frozen=True)
class RememberResult:
    remembered: bool
    message: str  # plain words for the person, whatever happened


def _account(info: ProfileInfo) -> str:
    # The folder path tells two data folders apart; it holds the slug, not the profile's text.
    return f"profile:{info.folder.resolve()}"


# Backends that keep secrets in plain files, or keep nothing: never used for a key.
UNSAFE_BACKENDS = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


def unsafe_backend(backend: object | None = None) -> bool:
    """True when the active keyring (or one in its chain) is not a real password store."""
    backend = keyring.get_keyring() if backend is None else backend
    chained = getattr(backend, "backends", None)
    if type(backend).__module__ == "keyring.backends.chainer" and chained is not None:
        return not chained or any(unsafe_backend(b) for b in chained)
    return type(backend).__module__.startswith(UNSAFE_BACKENDS)


def remember_key(settings: Settings, info: ProfileInfo, data_key: bytes) -> RememberResult:
    if settings.is_shared:
        raise RememberRefused(_("This computer is marked as shared, so CareLedger does not "
                                "remember passphrases on it."))
    if unsafe_backend():
        backend = type(keyring.get_keyring()).__module__
        log.info("keyring refused: %s", backend)
        if not backend.startswith(UNSAFE_BACKENDS[0]) and "chainer" not in backend:
            return _no_store()
        return RememberResult(False, _(
            "This computer has no safe password store (only one that keeps passwords in a "
            "plain file), so CareLedger does not remember the passphrase. You will be asked "
            "for it each time."))
    try:
        keyring.set_password(SERVICE, _account(info), data_key.hex())
        # Some backends (the null one) accept and keep nothing: only a read-back proves it.
        kept = recall_key(settings, info) == data_key
    except (KeyringError, RuntimeError) as exc:  # NoKeyringError, a locked keyring, ...
        log.info("keyring unavailable: %s", type(exc).__name__)
        kept = False
    if not kept:
        return _no_store()
    return RememberResult(True, _("CareLedger will open this profile on this computer "
                                  "without asking for the passphrase."))


def _no_store() -> RememberResult:
    return RememberResult(False, _(
        "This computer has no working password store, so CareLedger cannot remember "
        "the passphrase. You will be asked for it each time."))


def recall_key(settings: Settings, info: ProfileInfo) -> bytes | None:
    """The remembered key, or None (shared computer, nothing stored, no working keyring)."""
    if settings.is_shared:
        return None
    if unsafe_backend():
        forget_key(info)  # a key an older version left in a plain file goes now
        return None
    try:
        stored = keyring.get_password(SERVICE, _account(info))
    except (KeyringError, RuntimeError) as exc:
        log.info("keyring unavailable: %s", type(exc).__name__)
        return None
    try:
        key = bytes.fromhex(stored) if stored else None
    except ValueError:
        return None
    return key if key is not None and len(key) == DATA_KEY_BYTES else None


def forget_key(info: ProfileInfo) -> None:
    """Remove a remembered key; quietly nothing when there was none or no keyring works."""
    try:
        keyring.delete_password(SERVICE, _account(info))
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass
