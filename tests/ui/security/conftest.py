"""A profile with a short history: made (event 1), then two entries added (events 2, 3)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext


@pytest.fixture
def history_ctx(ctx: ProfileContext) -> ProfileContext:
    for pence in (-1000, -2000):
        ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(pence), "PA", "pa_wages", ""),
                             date(2025, 6, 1))
    return ctx
