"""All the checks together: whose they are, the employer's own dates, and what comes first."""

from __future__ import annotations

from datetime import date

from app.domain.money import Money
from app.employer.checks import CheckInputs, check_all, due, tax_year_end
from app.employer.checks_common import State, Topic
from app.employer.records import (
    PA,
    Born,
    EmployerDetails,
    PADraft,
    PayRate,
    PensionStatus,
    RateKind,
)
from app.employer.rules import employer_rules


def pa(**changes: object) -> PA:
    draft = PADraft("Jo", date(2025, 6, 1), Money(1300), 20 * 60, born=Born(1990),
                    right_to_work_checked=date(2025, 5, 20),
                    pension_status=PensionStatus.ENROLLED, leave_year_start=date(2025, 4, 1))
    draft = PADraft(**{**draft.__dict__, **changes})
    return PA(1, 1, draft, (PayRate(RateKind.STANDARD, draft.start, Money(1300)),))


def run(on: date, *pas: PA, employer: EmployerDetails | None = None) -> list:  # type: ignore[type-arg]
    inputs = CheckInputs(pas, {}, employer or EmployerDetails(insurance_renewal=date(2027, 5, 1)),
                         employer_rules())
    return check_all(inputs, on)


def topics(found: list, state: State) -> list[Topic]:  # type: ignore[type-arg]
    return [f.topic for f in found if f.state is state]


def test_all_well_is_all_ok() -> None:
    found = run(date(2026, 6, 1), pa())
    assert topics(found, State.PROBLEM) == [] and topics(found, State.DUE) == []
    assert {f.topic for f in found} == {Topic.MINIMUM_WAGE, Topic.HOLIDAY, Topic.PENSION,
                                        Topic.DBS, Topic.RIGHT_TO_WORK, Topic.RE_ENROLMENT,
                                        Topic.INSURANCE}
    assert all(f.source.title for f in found)


def test_insurance_a_month_before_and_after() -> None:
    employer = EmployerDetails(insurance_renewal=date(2026, 7, 1))
    assert topics(run(date(2026, 5, 31), pa(), employer=employer), State.DUE) == []
    assert topics(run(date(2026, 6, 1), pa(), employer=employer), State.DUE) == [
        Topic.INSURANCE]
    assert topics(run(date(2026, 7, 2), pa(), employer=employer), State.PROBLEM) == [
        Topic.INSURANCE]


def test_time_limited_permission_to_work() -> None:
    limited = pa(right_to_work_expires=date(2026, 9, 30))
    assert topics(run(date(2026, 8, 1), limited), State.DUE) == [Topic.RIGHT_TO_WORK]
    assert topics(run(date(2026, 10, 1), limited), State.PROBLEM) == [Topic.RIGHT_TO_WORK]


def test_tax_year_end_from_early_march() -> None:
    assert tax_year_end(date(2026, 4, 5)) == date(2026, 4, 5)
    assert tax_year_end(date(2026, 4, 6)) == date(2027, 4, 5)
    assert Topic.TAX_YEAR not in topics(run(date(2026, 2, 28), pa()), State.DUE)
    assert Topic.TAX_YEAR in topics(run(date(2026, 3, 1), pa()), State.DUE)


def test_only_pas_employed_are_checked_and_the_employer_only_with_pas() -> None:
    assert run(date(2025, 5, 1), pa()) == []
    left = pa(end=date(2026, 1, 31))
    assert run(date(2026, 6, 1), left) == []


def test_failed_checks_come_first_then_reminders_by_date() -> None:
    found = run(date(2026, 6, 1), pa(right_to_work_checked=None, dbs_renewal=date(2026, 6, 20)),
                employer=EmployerDetails(insurance_renewal=date(2026, 6, 10)))
    assert [(f.state, f.topic) for f in due(found)] == [
        (State.PROBLEM, Topic.RIGHT_TO_WORK), (State.DUE, Topic.INSURANCE),
        (State.DUE, Topic.DBS)]
