"""The Overview's figures: money out by month and category, and the balance with the forecast
against the council's limit. One unit of work each; callers get frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.charts.balance import BalanceHistory, balance_points, month_ends
from app.charts.months import first_of_month, months_up_to
from app.charts.ratings import RatingsByMonth, ratings_by_month
from app.charts.spending import OTHER, MonthlySpending, monthly_spending
from app.domain.funding import gross_weekly_on, net_weekly_on
from app.domain.money import Money
from app.i18n import _, active_locale
from app.services.summary import owed_on, position_on
from app.statements.forecast import RECENT_WEEKS, Spend, daily_balances
from app.store.profile_store import ProfileStore

MONTHS_BACK = 12  # a year of months, or fewer when the records are younger
MONTHS_AHEAD = 3  # the forecast's month ends


@dataclass(frozen=True)
class SpendingChart:
    spending: MonthlySpending
    names: tuple[str, ...]  # each category's name in the person's language


class ChartsService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def spending(self, today: date, months: int = MONTHS_BACK) -> SpendingChart:
        with self.store.read() as repos:
            first = repos.entries.first_date()
            shown = tuple(m for m in months_up_to(today, months)
                          if first is not None and m >= first_of_month(first))
            found = monthly_spending(
                repos.entries.spending(shown[0], today) if shown else [], shown)
            categories = repos.policy().categories
            locale = active_locale()
            names = tuple(_("Other") if code == OTHER else
                          categories[code].name(locale) if code in categories else code
                          for code in found.categories)
            return SpendingChart(found, names)

    def balance(self, today: date, back: int = MONTHS_BACK,
                ahead: int = MONTHS_AHEAD) -> BalanceHistory:
        with self.store.read() as repos:
            policy = repos.policy()
            streams = repos.funding.streams()
            first = repos.entries.first_date() or today
            past_days, future_days = month_ends(today, back, ahead)
            past_days = [d for d in past_days if d >= first or d == today]

            def limit(day: date, owed: Money) -> Money | None:
                """None where the rule sets no limit or there is no weekly budget."""
                gross, net = gross_weekly_on(streams, day), net_weekly_on(streams, day)
                if not policy.rule.has_limit or policy.weekly(gross, net).pence <= 0:
                    return None
                return policy.limit(gross, owed, net)

            past = [(day, repos.entries.balance(day),
                     limit(day, owed_on(repos, policy, day).total)) for day in past_days]
            now = position_on(repos, policy, today)
            since = today - timedelta(days=7 * RECENT_WEEKS)
            history = [Spend(on, amount, code) for on, amount, code
                       in repos.entries.spending(since + timedelta(days=1), today)]
            forecast = (daily_balances(now, future_days[-1], streams, history)
                        if future_days else iter(()))
            points = balance_points(past, forecast, future_days,
                                    lambda day: limit(day, now.owed))
            return BalanceHistory(points, policy.allowed_weeks)

    def ratings(self, today: date, months: int = MONTHS_BACK) -> RatingsByMonth:
        """Each outcome's rating by month, over the months since the first rating."""
        with self.store.read() as repos:
            outcomes = [o for o in repos.outcomes.all() if o.ratings]
            first = min((r.on for o in outcomes for r in o.ratings), default=None)
            shown = tuple(m for m in months_up_to(today, months)
                          if first is not None and m >= first_of_month(first))
            return ratings_by_month(outcomes, shown)
