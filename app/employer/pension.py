"""Workplace pension duties: who must be enrolled, who may opt in, and re-enrolment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from app.domain.money import Money
from app.employer.checks_common import Finding, State, Topic, source_of
from app.employer.records import (
    PA,
    EmployerDetails,
    PayFrequency,
    Payslip,
    PensionStatus,
    RateKind,
    add_months,
)
from app.employer.rules import PensionRules, Thresholds
from app.i18n import N_, _, format_date, format_money

ENROL_WITHIN = timedelta(weeks=6)
RECENT = timedelta(days=62)
WEEKS_IN = {PayFrequency.WEEKLY: Decimal(1), PayFrequency.FORTNIGHTLY: Decimal(2),
            PayFrequency.FOUR_WEEKLY: Decimal(4), PayFrequency.MONTHLY: Decimal(52) / 12}
PER = {PayFrequency.WEEKLY: N_("a week"), PayFrequency.FORTNIGHTLY: N_("a fortnight"),
       PayFrequency.FOUR_WEEKLY: N_("every four weeks"), PayFrequency.MONTHLY: N_("a month")}


def earnings(pa: PA, slips: Sequence[Payslip], on: date) -> tuple[Money, bool] | None:
    """Gross pay for one pay period: the latest recent payslip's, else the contracted hours
    at the standard rate (True when from a payslip); None when neither tells."""
    recent = [s for s in slips if on - RECENT <= s.draft.period_end <= on]
    if recent:
        return recent[-1].draft.gross, True
    rate, minutes = pa.rate_on(max(on, pa.start), RateKind.STANDARD), pa.draft.hours_week_minutes
    if rate is None or minutes is None:
        return None
    weekly = Decimal(rate.pence * minutes) / 60
    return Money(int(weekly * WEEKS_IN[pa.draft.pay_frequency])), False


def _first_over(slips: Sequence[Payslip], trigger: Money) -> date | None:
    return next((s.draft.period_end for s in slips if s.draft.gross > trigger), None)


def findings(pa: PA, slips: Sequence[Payslip], rules: PensionRules, on: date
             ) -> list[Finding]:
    status, source = pa.draft.pension_status, source_of("pension")
    if status in (PensionStatus.ENROLLED, PensionStatus.OPTED_IN):
        return [Finding(Topic.PENSION, State.OK, pa.name,
                        _("A member of your workplace pension."), "", None, source)]
    year, pay = rules.on(on), earnings(pa, slips, on)
    if year is None or pay is None:
        return [Finding(Topic.PENSION, State.OK, pa.name, _(
            "Not assessed for the workplace pension yet: CareLedger will check their earnings "
            "from their first payslip."), "", None, source)]
    th = year.for_period(pa.draft.pay_frequency)
    per = _(PER[pa.draft.pay_frequency])
    values = {"pay": format_money(pay[0].pence), "per": per,
              "trigger": format_money(th.trigger.pence), "lower": format_money(th.lower.pence)}
    age = _age_note(pa, rules, on)
    if pay[0] > th.trigger and age is not None:
        return [_must_enrol(pa, slips, th, on, values, age)]
    if pay[0] > th.lower:
        text = _("They earn about {pay} {per}, more than {lower}: they may ask to join the "
                 "workplace pension, and then you must pay in too.").format(**values)
    else:
        text = _("They earn about {pay} {per}, not more than {lower}: they may ask to join the "
                 "workplace pension; you need not pay in.").format(**values)
    if age is None and pay[0] > th.trigger:
        text += " " + _("Their age means they are not enrolled automatically.")
    return [Finding(Topic.PENSION, State.OK, pa.name, text, "", None, source)]


def _age_note(pa: PA, rules: PensionRules, on: date) -> str | None:
    """Why their age makes them one to enrol ("" when certain); None when it does not."""
    born = pa.draft.born
    if born is None:
        return " " + _("(if they are {age} or over: add their year of birth to be sure)").format(
            age=rules.enrol_min_age)
    youngest, oldest = born.ages_on(on)
    if oldest < rules.enrol_min_age or youngest > rules.opt_in_max_age:
        return None
    if youngest >= rules.state_pension_age_at_least:
        return None
    if youngest < rules.enrol_min_age:
        return " " + _("(once they have turned {age})").format(age=rules.enrol_min_age)
    if oldest >= rules.state_pension_age_at_least:
        return " " + _("(unless they have reached State Pension age: check it on GOV.UK)")
    return ""


def _must_enrol(pa: PA, slips: Sequence[Payslip], th: Thresholds, on: date,
                values: dict[str, str], age: str) -> Finding:
    source = source_of("pension")
    if pa.draft.pension_status is PensionStatus.OPTED_OUT:
        return Finding(Topic.PENSION, State.OK, pa.name, _(
            "They chose to leave the workplace pension; you put them back in at the next "
            "re-enrolment."), "", None, source)
    since = _first_over(slips, th.trigger) or pa.start
    deadline = max(since, pa.start) + ENROL_WITHIN
    text = _("They earn about {pay} {per}, more than the {trigger} trigger for automatic "
             "enrolment{age}.").format(**values, age=age)
    return Finding(Topic.PENSION, State.DUE if deadline >= on else State.PROBLEM, pa.name,
                   text, _("Enrol them in a workplace pension and pay in at least the minimum "
                           "(your payroll service or pension provider can do it), then record "
                           "that they are enrolled."), deadline, source)


def re_enrolment(pas: Sequence[PA], employer: EmployerDetails, rules: PensionRules, on: date
                 ) -> list[Finding]:
    """Every three years: a re-enrolment date in the six months around the anniversary of the
    duties start date (or of the last re-enrolment), and the re-declaration after it."""
    if not pas:
        return []
    base = employer.last_re_enrolment or employer.duties_start or min(p.start for p in pas)
    anniversary = add_months(base, 12 * rules.re_enrolment_years)
    months = rules.re_enrolment_window_months
    opens, closes = add_months(anniversary, -months), add_months(anniversary, months)
    declare_by = add_months(anniversary, 5)
    values = {"opens": format_date(opens), "closes": format_date(closes),
              "declare": format_date(declare_by)}
    source = source_of("re_enrolment")
    if on < opens:
        return [Finding(Topic.RE_ENROLMENT, State.OK, "", _(
            "Next pension re-enrolment: choose a date between {opens} and {closes}.").format(
            **values), "", None, source)]
    state = State.DUE if on <= declare_by else State.PROBLEM
    return [Finding(Topic.RE_ENROLMENT, state, "", _(
        "Pension re-enrolment is due: choose a re-enrolment date between {opens} and {closes}."
    ).format(**values), _(
        "On that date put back any PA who left the pension and still qualifies, write to them "
        "within six weeks, and send the re-declaration of compliance to The Pensions Regulator "
        "by {declare}. Then record the date.").format(**values), closes, source)]
