"""Which outcome each payment served, to the penny.

A payment serves an outcome when it is linked to that outcome, or else when its support-plan
line pays for outcomes. A line paying for several outcomes shares its payments between them
equally (the odd pennies go to the lowest-numbered outcomes), so every penny linked to an
outcome is counted once and only once: spend per outcome adds up to the spend linked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Spend:
    """One payment out of the budget."""

    entry_id: int
    on: date
    pence: int  # what left the account, as a positive figure
    payee: str
    category_code: str
    plan_line_id: int | None
    outcome_id: int | None  # linked to one outcome directly


@dataclass(frozen=True)
class Share:
    """The part of one payment that served one outcome."""

    outcome_id: int
    entry_id: int
    on: date
    pence: int
    payee: str
    category_code: str
    direct: bool  # linked to the outcome itself, not through its plan line


def served_by(spend: Spend, outcomes_of_line: Mapping[int, Sequence[int]]) -> tuple[int, ...]:
    if spend.outcome_id is not None:
        return (spend.outcome_id,)
    if spend.plan_line_id is None:
        return ()
    return tuple(sorted(set(outcomes_of_line.get(spend.plan_line_id, ()))))


def shares(spends: Iterable[Spend], outcomes_of_line: Mapping[int, Sequence[int]]
           ) -> list[Share]:
    found = []
    for spend in spends:
        outcomes = served_by(spend, outcomes_of_line)
        if not outcomes or spend.pence <= 0:
            continue
        each, odd = divmod(spend.pence, len(outcomes))
        for n, outcome_id in enumerate(outcomes):
            found.append(Share(outcome_id, spend.entry_id, spend.on, each + (1 if n < odd else 0),
                               spend.payee, spend.category_code,
                               spend.outcome_id is not None))
    return found


def linked_total(spends: Iterable[Spend], outcomes_of_line: Mapping[int, Sequence[int]]) -> int:
    """Pence paid out that serve at least one outcome."""
    return sum(s.pence for s in spends if s.pence > 0 and served_by(s, outcomes_of_line))


def spent_by_outcome(found: Iterable[Share]) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for share in found:
        totals[share.outcome_id] += share.pence
    return dict(totals)
