"""Where the money stands on a day: the Money tab's figures and `careledger summary`.

The statement and the forecast take their figures from the same functions, so every screen
gives the same balance, weeks held, limit and surplus for the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.funding import Period, gross_weekly_on, net_weekly_on
from app.domain.money import Money
from app.domain.owed import NOTHING_OWED, Liabilities
from app.domain.policy import Policy, Position
from app.employer.owed import derived_owed
from app.store.profile_store import ProfileStore
from app.store.repos import Repos


@dataclass(frozen=True)
class Summary:
    period: Period  # the return period holding the day
    money_in: Money  # in that period, up to the day
    money_out: Money  # a positive figure
    position: Position

    @property
    def on(self) -> date:
        return self.position.on

    @property
    def balance(self) -> Money:
        return self.position.balance

    @property
    def weeks_held(self) -> Decimal | None:
        return self.position.weeks_held

    @property
    def weeks_limit(self) -> int | None:
        return self.position.weeks_limit

    @property
    def surplus(self) -> Money:
        return self.position.surplus

    @property
    def over_limit(self) -> bool:
        return self.position.over_limit


def owed_on(repos: Repos, policy: Policy, day: date) -> Liabilities:
    """What is owed on `day`. Wages, HMRC and pension come from payslips, less the payments
    linked to them; amounts entered by hand in the day's return period are used instead when
    there are no payslips, or when they were entered for a day on or after the latest pay
    period's end (newer than the payslips). Unpaid invoices are always entered by hand."""
    found = repos.owed.latest(policy.return_period(day).start, day)
    hand = found[1] if found else NOTHING_OWED
    last_slip = repos.employer.latest_period_end(day)
    if last_slip is None or (found is not None and found[0] >= last_slip):
        return hand
    derived = derived_owed(repos.employer.payslips(end=day), repos.employer.allocations(day),
                           day)
    return Liabilities(derived.wages, derived.hmrc, derived.pension, hand.unpaid_invoices,
                       from_payslips=True)


def position_on(repos: Repos, policy: Policy, day: date) -> Position:
    """Balance at the end of `day` against the rule, with every funding stream and what is
    owed counted."""
    streams = repos.funding.streams()
    return policy.position(day, repos.entries.balance(day), gross_weekly_on(streams, day),
                           owed_on(repos, policy, day).total, net_weekly_on(streams, day))


class SummaryService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def on(self, day: date) -> Summary:
        with self.store.read() as repos:
            policy = repos.policy()
            period = policy.return_period(day)
            money_in, money_out = repos.entries.totals(period.start, min(day, period.end))
            return Summary(period, money_in, money_out, position_on(repos, policy, day))
