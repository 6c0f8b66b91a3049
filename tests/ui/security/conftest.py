"""Qt runs offscreen; keys derive cheaply (files record their own cost)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.store import keys  # noqa: E402


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
