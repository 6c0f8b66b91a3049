"""The balance chart: month-end balances from the ledger's rows, the forecast the Statements
page gives, and the council's limit as the Money tab measures surplus."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.charts.balance import month_ends
from app.domain.money import Money
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY


def _raw_balance(conn: Any, day: date) -> int:
    opening = conn.execute("SELECT coalesce(sum(opening_balance), 0) FROM account").fetchone()[0]
    moved = conn.execute('SELECT coalesce(sum(amount), 0) FROM entry WHERE "on" <= ?',
                         (day.isoformat(),)).fetchone()[0]
    return int(opening) + int(moved)


def test_month_ends_from_the_ledger(demo_ctx: ProfileContext, behind_the_app: Any) -> None:
    conn = behind_the_app(demo_ctx)
    history = demo_ctx.charts.balance(DEMO_TODAY)
    past = [p for p in history.points if not p.forecast]
    assert past[-1].on == DEMO_TODAY
    assert all(p.on.day >= 28 for p in past)
    for point in past:
        assert point.balance.pence == _raw_balance(conn, point.on), point.on


def test_the_forecast_ends_where_the_statement_forecast_does(demo_ctx: ProfileContext) -> None:
    history = demo_ctx.charts.balance(DEMO_TODAY)
    ahead = [p for p in history.points if p.forecast]
    assert [p.on for p in ahead] == [date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30)]
    expected = demo_ctx.statements.forecast(DEMO_TODAY, date(2026, 6, 30))
    assert ahead[-1].balance == expected.closing


def test_the_limit_is_where_surplus_begins(demo_ctx: ProfileContext) -> None:
    history = demo_ctx.charts.balance(DEMO_TODAY)
    now = demo_ctx.summary.on(DEMO_TODAY)
    point = history.today
    assert point is not None and point.limit is not None
    assert history.allowed_weeks == now.position.allowed_weeks
    assert now.surplus == Money(max(0, point.balance.pence - point.limit.pence))
    assert point.limit == now.position.weekly.times(history.allowed_weeks) + now.position.owed


def test_month_ends_skip_today_when_it_is_a_month_end() -> None:
    past, ahead = month_ends(date(2026, 3, 31), 2, 2)
    assert past == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert ahead == [date(2026, 4, 30), date(2026, 5, 31)]
    past, ahead = month_ends(date(2026, 3, 10), 1, 1)
    assert past == [date(2026, 2, 28), date(2026, 3, 10)]
    assert ahead == [date(2026, 3, 31)]
