"""Window helpers for the security tests (the in-memory keyring is in tests/conftest.py)."""

from __future__ import annotations

import pytest

from ui.main_window import MainWindow


@pytest.fixture
def told(window: MainWindow) -> list[str]:
    """What the window says in message boxes, kept instead of shown (no modal left open)."""
    messages: list[str] = []
    window.tell = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    return messages
