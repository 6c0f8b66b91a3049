"""Fixtures for statement tests: small ledgers built in memory, and a demo profile on disk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.categories import load_categories
from app.domain.council_rules import find_template
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Period
from app.domain.money import Money
from app.i18n import set_locale
from app.statements import Statement, build
from app.statements.model import Holder, StatementEntry, StatementInputs

STREAM = FundingStream(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(44000),
                       Frequency.FOUR_WEEKLY, date(2025, 4, 1), Money(3500))
HOLDER = Holder("Alex Example", "Demo Borough Council", "DEMO-0001", "", "carer")
QUARTER = Period(date(2025, 4, 1), date(2025, 6, 30))


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_locale("en")
    yield
    set_locale("en")


NOTHING = Money(0)
NO_INPUTS = StatementInputs()


def make_statement(entries: list[StatementEntry], opening: Money = NOTHING,
                   inputs: StatementInputs = NO_INPUTS, rule_code: str = "quarterly_8_weeks",
                   period: Period = QUARTER) -> Statement:
    return build(period, holder=HOLDER, rule=find_template(rule_code), streams=[STREAM],
                 categories=load_categories(), opening=opening, entries=entries, inputs=inputs)


@pytest.fixture
def tmp_pdf(tmp_path: Path) -> Path:
    return tmp_path / "return.pdf"
