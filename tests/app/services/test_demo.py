"""The demo profile: two PAs with a year of timesheets and payslips, payments set against the
payslips, and one reminder due (the insurance renewal) on most days of the year."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.employer.checks_common import State, Topic
from app.employer.records import Part
from app.services.context import open_context
from app.services.demo import create_demo_profile
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("today", [date(2026, 12, 2), date(2026, 8, 15)])
def test_two_pas_a_year_of_payslips_and_one_reminder(tmp_path: Path, today: date) -> None:
    create_demo_profile(tmp_path, "Demo", PASSPHRASE, today=today)
    with open_context(tmp_path, "Demo", PASSPHRASE) as ctx:
        pas = ctx.employer.pas(today)
        assert [pa.name for pa in pas] == ["Jo Evans (PA)", "Sam Patel (PA)"]
        slips = ctx.employer.payslips()
        assert min(s.draft.period_end for s in slips) <= today - timedelta(days=350)
        assert {s.draft.pa_id for s in slips} == {pa.id for pa in pas}
        worked = ctx.visits.visits(today - timedelta(days=364), today)
        assert {v.draft.provider_name for v in worked} >= {pa.name for pa in pas}
        # Wages are paid as each payslip is made; HMRC and pension a month behind.
        owed = ctx.employer.owed(today)
        assert owed.wages.pence == sum(s.outstanding(Part.WAGES).pence for s in slips
                                       if s.draft.period_end <= today)
        assert 0 < owed.total.pence < 400_00  # at most about six weeks of HMRC and pension
        reminders = ctx.employer.reminders(today)
        assert [(r.topic, r.state) for r in reminders] == [(Topic.INSURANCE, State.DUE)]
        assert ctx.history.verify().is_whole


def test_the_demo_account_is_never_overdrawn(tmp_path: Path) -> None:
    create_demo_profile(tmp_path, "Demo", PASSPHRASE, today=date(2026, 12, 2))
    with open_context(tmp_path, "Demo", PASSPHRASE) as ctx:
        rows = ctx.ledger.page(limit=1000)
    assert len(rows) > 150 and min(r.balance.pence for r in rows) >= 0
