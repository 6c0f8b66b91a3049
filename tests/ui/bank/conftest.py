"""A fresh profile whose records may start early enough for the sample bank statements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.services.context import ProfileContext


@pytest.fixture
def bank_ctx(make_ctx: Callable[..., ProfileContext]) -> ProfileContext:
    """£420 a week from 1 January 2020, no entries yet (the samples run from 2023 on)."""
    return make_ctx(start=date(2020, 1, 1))
