"""The employer checks, each with a plain reason and the rule's source.

Pure: records and the rules in, findings out. Each finding says whose it is, what was found,
what to do, by when, and which published page the rule comes from. `due()` are the ones a
person must act on (the Money tab, `careledger pa check`); the statement shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.employer import holiday, pension
from app.employer.checks_common import (
    SOON,
    Finding,
    State,
    Topic,
    hours_text,
    source_of,
)
from app.employer.records import PA, EmployerDetails, Payslip, add_months
from app.employer.rules import EmployerRules
from app.employer.wages import bank_holiday_findings, minimum_wage_findings
from app.i18n import _, format_date

__all__ = ["CheckInputs", "Finding", "State", "Topic", "check_all", "due", "hours_text"]

TAX_YEAR_WARNING = timedelta(days=35)


@dataclass(frozen=True)
class CheckInputs:
    pas: Sequence[PA]
    payslips: dict[int, list[Payslip]]  # by PA id, oldest first
    employer: EmployerDetails
    rules: EmployerRules
    worked_minutes: dict[int, list[tuple[date, int, int]]] = field(default_factory=dict)
    # by PA id: (day, minutes delivered, pence an hour logged) from the services log


def check_all(inputs: CheckInputs, on: date, since: date | None = None) -> list[Finding]:
    """Every check for every PA employed on `on` (or, with `since`, at any time from `since`
    to `on`: a return period), then the employer's own duties."""
    found: list[Finding] = []
    start = since or on
    current = [pa for pa in inputs.pas if pa.start <= on and (pa.end is None or pa.end >= start)]
    for pa in sorted(current, key=lambda p: p.name.casefold()):
        slips = inputs.payslips.get(pa.id, [])
        worked = inputs.worked_minutes.get(pa.id, [])
        found += minimum_wage_findings(pa, slips, inputs.rules, on, since)
        found += bank_holiday_findings(pa, worked, on, since)
        found += holiday.findings(pa, slips, worked, inputs.rules.holiday, on)
        found += pension.findings(pa, slips, inputs.rules.pension, on)
        found += _dbs(pa, inputs.employer, on)
        found += _right_to_work(pa, on)
    if current:
        found += pension.re_enrolment(inputs.pas, inputs.employer, inputs.rules.pension, on)
        found += _insurance(inputs.employer, on)
        found += _tax_year_end(on)
    return found


def due(findings: Iterable[Finding]) -> list[Finding]:
    """What needs doing: failed checks first, then reminders by date."""
    todo = [f for f in findings if f.state is not State.OK]
    return sorted(todo, key=lambda f: (f.state is not State.PROBLEM, f.due or date.max,
                                       f.pa.casefold(), f.topic.value))


# --- dates to keep --------------------------------------------------------------------------


def dated(topic: Topic, pa: str, when: date | None, on: date, texts: dict[State, str],
          action: str, source: str, warn: timedelta = SOON) -> list[Finding]:
    """A date to keep: overdue, due within `warn`, or fine."""
    if when is None:
        return []
    if when < on:
        state = State.PROBLEM
    elif when - on <= warn:
        state = State.DUE
    else:
        state = State.OK
    text = texts[state].format(name=pa, date=format_date(when))
    return [Finding(topic, state, pa, text, action if state is not State.OK else "", when,
                    source_of(source))]


def dbs_renewal(pa: PA, employer: EmployerDetails) -> date | None:
    """The PA's own renewal date, else the check date plus the council's rule."""
    d = pa.draft
    if d.dbs_renewal is not None:
        return d.dbs_renewal
    if d.dbs_checked is not None and employer.dbs_renew_months:
        return add_months(d.dbs_checked, employer.dbs_renew_months)
    return None


def _dbs(pa: PA, employer: EmployerDetails, on: date) -> list[Finding]:
    renewal = dbs_renewal(pa, employer)
    if renewal is None:
        text = (_("DBS check done on {date}; no renewal date (ask your council how often it "
                  "wants DBS checks renewed).").format(date=format_date(pa.draft.dbs_checked))
                if pa.draft.dbs_checked else _("No DBS check recorded."))
        return [Finding(Topic.DBS, State.OK, pa.name, text, "", None, source_of("dbs"))]
    return dated(Topic.DBS, pa.name, renewal, on, {
        State.PROBLEM: _("The DBS check was due for renewal on {date}."),
        State.DUE: _("The DBS check is due for renewal on {date}."),
        State.OK: _("DBS check renews on {date}.")},
        _("Apply for a new DBS check (or check the DBS Update Service) and record the date."),
        "dbs")


def _right_to_work(pa: PA, on: date) -> list[Finding]:
    d = pa.draft
    if d.right_to_work_checked is None:
        return [Finding(Topic.RIGHT_TO_WORK, State.PROBLEM, pa.name,
                        _("No right-to-work check recorded."),
                        _("Check their right to work in the UK (it must be done before they "
                          "start) and record the date."), None, source_of("right_to_work"))]
    if d.right_to_work_expires is None:
        return [Finding(Topic.RIGHT_TO_WORK, State.OK, pa.name,
                        _("Right to work checked on {date}.").format(
                            date=format_date(d.right_to_work_checked)), "", None,
                        source_of("right_to_work"))]
    return dated(Topic.RIGHT_TO_WORK, pa.name, d.right_to_work_expires, on, {
        State.PROBLEM: _("Their permission to work in the UK ended on {date}."),
        State.DUE: _("Their permission to work in the UK ends on {date}."),
        State.OK: _("Permission to work in the UK until {date}.")},
        _("Do a follow-up right-to-work check before that day and record it."),
        "right_to_work", warn=timedelta(days=60))


def _insurance(employer: EmployerDetails, on: date) -> list[Finding]:
    if employer.insurance_renewal is None:
        return [Finding(Topic.INSURANCE, State.DUE, "",
                        _("No employer's liability insurance recorded."),
                        _("An employer must have it: record the policy and its renewal date."),
                        None, source_of("insurance"))]
    policy = " ".join(x for x in (employer.insurer, employer.policy_number) if x)
    found = dated(Topic.INSURANCE, "", employer.insurance_renewal, on, {
        State.PROBLEM: _("Employer's liability insurance ran out on {date}."),
        State.DUE: _("Employer's liability insurance renews on {date}."),
        State.OK: _("Employer's liability insurance renews on {date}.")},
        _("Renew the policy and record the new renewal date."), "insurance")
    if policy:
        found = [Finding(f.topic, f.state, f.pa, f"{f.text} ({policy})", f.action, f.due,
                         f.source) for f in found]
    return found


def tax_year_end(on: date) -> date:
    """5 April ending the tax year that holds `on`."""
    end = date(on.year, 4, 5)
    return end if on <= end else date(on.year + 1, 4, 5)


def _tax_year_end(on: date) -> list[Finding]:
    end = tax_year_end(on)
    if end - on > TAX_YEAR_WARNING:
        return []
    return [Finding(Topic.TAX_YEAR, State.DUE, "",
                    _("The tax year ends on {date}.").format(date=format_date(end)),
                    _("Check your payroll service sends the last payroll report of the year to "
                      "HMRC, and gives each PA a P60 by 31 May."), end, source_of("tax_year"))]
