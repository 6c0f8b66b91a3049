"""An in-memory keyring, so “remember on this computer” can be tested without the OS one."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from memory_keyring import MemoryKeyring

from ui.main_window import MainWindow


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def told(window: MainWindow) -> list[str]:
    """What the window says in message boxes, kept instead of shown (no modal left open)."""
    messages: list[str] = []
    window.tell = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    return messages
