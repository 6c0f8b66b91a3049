"""Generated statements never leave part of a file in the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.errors import ValidationError
from app.services import bank_import
from app.services.bank_import import BankImportService, RowStatus
from app.services.profiles import OpenProfile
from app.store.models import EntryRow
from tests.app.importers.bank.statement_strategies import statements
from tests.app.services.bank.bank_profiles import cheap_keys, make_profile

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def shared_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenProfile]:
    with pytest.MonkeyPatch.context() as patch:
        cheap_keys(patch)
        opened = make_profile(tmp_path_factory.mktemp("atomic"))
    yield opened
    opened.close()


def _count(profile: OpenProfile) -> int:
    with profile.session() as s:
        return s.scalar(select(func.count(EntryRow.id))) or 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=statements(), sabotage=st.booleans(), pick=st.integers(0, 100))
def test_commit_is_all_or_nothing(shared_profile: OpenProfile, case: tuple, sabotage: bool,
                                  pick: int) -> None:
    data = case[0]
    service = BankImportService(shared_profile)
    preview = service.preview(data, "gen.csv", 1, today=TODAY)
    new = [r for r in preview.rows if r.status is RowStatus.NEW]
    before = _count(shared_profile)
    if sabotage and new:
        victim = new[pick % len(new)]
        wrong = "pa_wages" if victim.amount and victim.amount.pence > 0 else "council_payment"
        with pytest.raises(ValidationError):
            service.commit(preview.with_choice(victim.line, category_code=wrong), today=TODAY)
        assert _count(shared_profile) == before
        return
    result = service.commit(preview, today=TODAY)
    assert _count(shared_profile) == before + len(new) == before + result.added
    again = service.preview(data, "gen.csv", 1, today=TODAY)
    assert again.count(RowStatus.NEW) == 0


def test_failure_while_writing_leaves_nothing(profile: OpenProfile,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    service = BankImportService(profile)
    sample = Path(__file__).resolve().parents[3] / "fixtures" / "bank" / "lloyds.csv"
    preview = service.preview(sample.read_bytes(), "lloyds.csv", 1, today=TODAY)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(bank_import, "append_event", broken)
    with pytest.raises(RuntimeError):
        service.commit(preview, today=TODAY)
    assert _count(profile) == 0
