"""The profile's data key, wrapped by a passphrase (argon2id + AES-256-GCM).

The database is encrypted with a random 32-byte data key. Only wrapped copies of that key are
kept on disk, so changing a passphrase rewraps 32 bytes and never rewrites the database.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import asdict, dataclass, fields
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.domain.errors import DomainError
from app.i18n import _

DATA_KEY_BYTES = 32
PURPOSES = ("passphrase", "recovery")
# What CareLedger itself ever writes, with room to grow: a file asking for more (time cost
# 1e9 would never finish; 4 GiB of memory would stop the computer) was not made by it.
TIME_COST = (1, 10)
MEMORY_KIB = (8, 512 * 1024)
PARALLELISM = (1, 16)
WORK_KIB = 2 * 1024 * 1024  # time cost x memory: ten times CareLedger's own (3 x 64 MiB)
_SIZES = {"salt": 16, "nonce": 12, "ciphertext": DATA_KEY_BYTES + 16}


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# Tests lower this to keep hundreds of profile creations quick; files record their own cost.
DEFAULT_COST = KdfCost()


class WrongSecret(Exception):
    """The passphrase or recovery code does not unwrap the key."""


class DamagedKeys(DomainError):
    """A wrapped key that CareLedger did not write: damaged, or made by something else."""

    def __init__(self) -> None:
        super().__init__(_("The key file of this profile or backup is damaged or was not made "
                           "by CareLedger, so it cannot be opened. Use another backup, or the "
                           "profile on the computer where it was made."))


@dataclass(frozen=True)
class WrappedKey:
    purpose: str  # "passphrase" or "recovery"; bound into the ciphertext as associated data
    salt: str
    nonce: str
    ciphertext: str
    time_cost: int
    memory_kib: int
    parallelism: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> WrappedKey:
        """A wrapped key read from a file; DamagedKeys unless every field is sane."""
        names = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or set(data) != names:
            raise DamagedKeys()
        wrapped = cls(**data)
        wrapped.check()
        return wrapped

    def check(self) -> None:
        """Refuse costs outside CareLedger's bounds and values of the wrong size."""
        try:
            ok = (self.purpose in PURPOSES
                  and all(_within(getattr(self, name), bounds) for name, bounds in (
                      ("time_cost", TIME_COST), ("memory_kib", MEMORY_KIB),
                      ("parallelism", PARALLELISM)))
                  and self.memory_kib >= 8 * self.parallelism
                  and self.time_cost * self.memory_kib <= WORK_KIB
                  and all(len(_unb64(getattr(self, name))) == size
                          for name, size in _SIZES.items()))
        except (TypeError, ValueError, binascii.Error):
            ok = False
        if not ok:
            raise DamagedKeys()


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _within(value: object, bounds: tuple[int, int]) -> bool:
    return type(value) is int and bounds[0] <= value <= bounds[1]


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=cost.time_cost, memory_cost=cost.memory_kib,
        parallelism=cost.parallelism, hash_len=32, type=Type.ID,
    )


def wrap(data_key: bytes, secret: str, purpose: str, cost: KdfCost | None = None) -> WrappedKey:
    cost = cost or DEFAULT_COST
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(secret, salt, cost)
    ciphertext = AESGCM(kek).encrypt(nonce, data_key, purpose.encode("ascii"))
    return WrappedKey(purpose, _b64(salt), _b64(nonce), _b64(ciphertext),
                      cost.time_cost, cost.memory_kib, cost.parallelism)


def unwrap(wrapped: WrappedKey, secret: str) -> bytes:
    wrapped.check()
    cost = KdfCost(wrapped.time_cost, wrapped.memory_kib, wrapped.parallelism)
    kek = _derive(secret, _unb64(wrapped.salt), cost)
    try:
        return AESGCM(kek).decrypt(
            _unb64(wrapped.nonce), _unb64(wrapped.ciphertext), wrapped.purpose.encode("ascii")
        )
    except InvalidTag as exc:
        raise WrongSecret() from exc


# --- the one-time recovery code --------------------------------------------------------------

# Crockford's base32: digits and capitals without I, L, O and U, so nothing looks alike;
# typed back, I and L count as 1 and O as 0.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5  # 30 characters of 5 bits: 150 random bits
_LOOK_ALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_recovery_code() -> str:
    """A random code in readable groups, e.g. `K3QJD-7XW2A-...`, shown once at creation."""
    chars = [RECOVERY_ALPHABET[b % 32] for b in os.urandom(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i:i + RECOVERY_GROUP_LEN])
              for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """The canonical form of a typed code: spaces, dashes and case do not matter."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOK_ALIKES)
    size = RECOVERY_GROUP_LEN
    return "-".join(raw[i:i + size] for i in range(0, len(raw), size))
