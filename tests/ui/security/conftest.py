"""An in-memory keyring, so “remember on this computer” can be tested without the OS one."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)
