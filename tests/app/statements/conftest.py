"""Fixtures for statement tests: small ledgers built in memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

from app.domain.categories import load_categories
from app.domain.council_rules import find_template
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Period
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.domain.person import Holder
from app.domain.plan import PlanLine
from app.domain.policy import Policy
from app.statements import Statement, build
from app.statements.builder import Ledger
from app.statements.model import EvidenceInputs, StatementEntry, StatementInputs

STREAM = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(44000),
                            Frequency.FOUR_WEEKLY, date(2025, 4, 1), Money(3500))
HOLDER = Holder("Alex Example", "Demo Borough Council", "DEMO-0001", "", "carer")
QUARTER = Period(date(2025, 4, 1), date(2025, 6, 30))
CATEGORIES = {c.code: c for c in load_categories()}
MakeStatement = Callable[..., Statement]


NOTHING = Money(0)


def statement_of(entries: Sequence[StatementEntry], opening: Money = NOTHING,
                 inputs: StatementInputs | None = None, rule_code: str = "quarterly_8_weeks",
                 period: Period = QUARTER, owed: Liabilities | None = None,
                 streams: Sequence[FundingStream] = (STREAM,),
                 plan_lines: Sequence[PlanLine] = (),
                 evidence: EvidenceInputs | None = None) -> Statement:
    """A statement over `entries`: those not cleared and dated up to the end count as not yet
    on the bank statement, as the profile's query gives them."""
    uncleared = [e for e in entries if not e.cleared and e.on <= period.end]
    return build(period, holder=HOLDER, policy=Policy(find_template(rule_code), CATEGORIES),
                 streams=streams, ledger=Ledger(opening, entries, uncleared, plan_lines),
                 owed=owed, inputs=inputs, evidence=evidence)


@pytest.fixture
def make_statement() -> MakeStatement:
    return statement_of


@pytest.fixture
def tmp_pdf(tmp_path: Path) -> Path:
    return tmp_path / "return.pdf"
