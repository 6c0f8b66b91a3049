"""The profile's data key, wrapped by a passphrase (argon2id + AES-256-GCM).

The database is encrypted with a random 32-byte data key. Only wrapped copies of that key are
kept on disk, so changing a passphrase rewraps 32 bytes and never rewrites the database.
"""

from __future__ import annotations

import base64
import os
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# Tests lower this to keep hundreds of profile creations quick; files record their own cost.
DEFAULT_COST = KdfCost()


class WrongSecret(Exception):
    """The passphrase or recovery code does not unwrap the key."""


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
    def from_json(cls, data: dict[str, Any]) -> WrappedKey:
        return cls(**data)


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


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
