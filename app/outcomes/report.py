"""Each outcome over a period: its ratings, its trend, what was spent on it and who delivered
it. Pure: the window, the command line, the statement and open data all use this one sum."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.funding import Period
from app.domain.money import Money
from app.outcomes.model import Outcome, Rating, Trend, trend_of
from app.outcomes.money import Share, Spend, linked_total, served_by, shares


@dataclass(frozen=True)
class ServedVisit:
    """A logged visit and the outcome it served (its own link, else its payment's)."""

    visit_id: int
    provider: str
    delivered_minutes: int
    outcome_id: int | None  # linked to the visit itself
    entry_id: int  # a payment covering it, 0 when none


@dataclass(frozen=True)
class OutcomeInputs:
    """What the sums read from the profile for a period."""

    outcomes: Sequence[Outcome]
    spends: Sequence[Spend]  # payments out in the period
    outcomes_of_line: Mapping[int, Sequence[int]]
    plan_line_names: Mapping[int, str]
    visits: Sequence[ServedVisit] = ()


@dataclass(frozen=True)
class Deliverer:
    """Someone paid, or whose visits were logged, for an outcome."""

    name: str
    paid: Money
    delivered_minutes: int


@dataclass(frozen=True)
class OutcomeReport:
    outcome: Outcome
    plan_lines: tuple[str, ...]
    ratings: tuple[Rating, ...]  # in the period, oldest first
    trend: Trend  # over the ratings in the period
    spent: Money  # its share of the payments in the period
    deliverers: tuple[Deliverer, ...]  # most paid first
    shares: tuple[Share, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class OutcomesSummary:
    period: Period
    reports: tuple[OutcomeReport, ...]
    linked: Money  # payments in the period that served an outcome
    not_linked: Money  # payments in the period that served none

    @property
    def total_spent(self) -> Money:
        return Money(sum(r.spent.pence for r in self.reports))


def summarise(period: Period, inputs: OutcomeInputs) -> OutcomesSummary:
    spends = [s for s in inputs.spends if period.contains(s.on)]
    found = shares(spends, inputs.outcomes_of_line)
    by_outcome: dict[int, list[Share]] = defaultdict(list)
    for share in found:
        by_outcome[share.outcome_id].append(share)
    minutes = _visit_minutes(inputs, spends)
    reports = tuple(_report(period, o, inputs, by_outcome.get(o.id, []), minutes.get(o.id, {}))
                    for o in inputs.outcomes)
    linked = linked_total(spends, inputs.outcomes_of_line)
    return OutcomesSummary(period, reports, Money(linked),
                           Money(sum(s.pence for s in spends) - linked))


def _visit_minutes(inputs: OutcomeInputs, spends: Sequence[Spend]
                   ) -> dict[int, dict[str, int]]:
    """Minutes delivered per outcome and provider: a visit counts for its own outcome, else
    for the outcomes its payment served (shared like the payment)."""
    by_entry = {s.entry_id: served_by(s, inputs.outcomes_of_line) for s in spends}
    found: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for visit in inputs.visits:
        outcomes = ((visit.outcome_id,) if visit.outcome_id is not None
                    else by_entry.get(visit.entry_id, ()))
        for n, outcome_id in enumerate(outcomes):
            each, odd = divmod(visit.delivered_minutes, len(outcomes))
            found[outcome_id][visit.provider] += each + (1 if n < odd else 0)
    return found


def _report(period: Period, outcome: Outcome, inputs: OutcomeInputs, found: list[Share],
            minutes: Mapping[str, int]) -> OutcomeReport:
    paid: dict[str, int] = defaultdict(int)
    for share in found:
        paid[share.payee] += share.pence
    names = set(paid) | set(minutes)
    deliverers = tuple(sorted((Deliverer(n, Money(paid.get(n, 0)), minutes.get(n, 0))
                               for n in names), key=lambda d: (-d.paid.pence,
                                                               -d.delivered_minutes, d.name)))
    ratings = outcome.ratings_between(period.start, period.end)
    return OutcomeReport(
        outcome=outcome,
        plan_lines=tuple(inputs.plan_line_names.get(i, "") for i in outcome.plan_line_ids),
        ratings=ratings, trend=trend_of(ratings),
        spent=Money(sum(s.pence for s in found)), deliverers=deliverers, shares=tuple(found))
