"""A clearly labelled demo profile: a realistic year of a direct-payment account.

The people and firms in it are made up; the pattern (four-weekly council payments, a monthly
contribution, weekly PA wages, HMRC, pension, payroll fee, agency invoices, respite) follows
what council guidance describes.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.entries import Entry, EntryDraft
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream
from app.domain.money import Money
from app.domain.visits import VisitDraft
from app.employer.records import (
    Born,
    EmployerDetails,
    PADraft,
    Part,
    PayFrequency,
    PayslipDraft,
    PensionStatus,
)
from app.employer.rules import employer_rules
from app.i18n import _
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext, open_context
from app.services.jobs import NO_CONTROL, Cancelled, JobControl
from app.services.profiles import NewProfile, create_profile
from app.store.profiles import ProfileInfo

DEFAULT_DEMO_NAME = "Demo – Alex Example"
GROSS_WEEKLY = Money(44000)
CONTRIBUTION_WEEKLY = Money(3500)


def demo_request(name: str, start: date) -> NewProfile:
    return NewProfile(
        display_name=name, gross_weekly=GROSS_WEEKLY, frequency=Frequency.FOUR_WEEKLY,
        start=start, client_contribution_weekly=CONTRIBUTION_WEEKLY,
        council_name=_("Demo Borough Council"), council_reference="DEMO-0001",
        weeks_held_limit=8, opening_balance=Money(100000), is_demo=True,
    )


JO, SAM, AGENCY = "Jo Evans (PA)", "Sam Patel (PA)", "Sunrise Home Care (demo)"


def demo_plan() -> dict[str, tuple[str, int]]:
    """The demo's support plan: each line's name and weekly budget (adding up to £440), and
    which categories it pays for, in the language the demo is made in."""
    return {"personal_care": (_("Personal care from my PAs"), 325_00),
            "agency": (_("Agency visits"), 70_00),
            "breaks": (_("Short breaks"), 25_00),
            "running": (_("Running my PA team"), 20_00)}


LINE_OF_CATEGORY = {"pa_wages": "personal_care", "agency_care": "agency", "respite": "breaks",
                    "paye_ni": "running", "pension": "running", "payroll_fee": "running",
                    "insurance": "running", "dbs": "running"}
JO_RATE, SAM_RATE, AGENCY_RATE = 1260, 1400, 2400  # pence an hour (Jo's until April)
JO_HOLIDAY_WEEKS = (12, 30, 44)  # weeks Jo takes a week's paid holiday
SAM_BORN, JO_BORN = 1999, 1988
SAM_NIGHT_RATE = 1600  # a sleep-in night, agreed but not yet worked


def _jo_hours(start: date, end: date, seed: int) -> list[tuple[date, int]]:
    """Jo's hours each week: the wages and the visits log both come from this."""
    rng = random.Random(seed * 7 + 1)
    weeks, day = [], start
    while day <= end:
        weeks.append((day, rng.choice([18, 19, 20, 20, 21, 22])))
        day += timedelta(days=7)
    return weeks


def jo_rates(start: date, end: date) -> list[tuple[date, int]]:
    """Jo's hourly rate from `start`, and a rise each 1 April after it: 19p above that
    April's National Living Wage (read from the rules, so the demo stays legal)."""
    rates = [(start, JO_RATE)]
    for year in range(start.year, end.year + 1):
        april = date(year, 4, 1)
        minimum = employer_rules().minimum_wage.on(april)
        if start < april <= end and minimum is not None:
            rates.append((april, max(rates[-1][1], minimum.top.hourly.pence + 19)))
    return rates


def _rate_on(rates: list[tuple[date, int]], day: date) -> int:
    return [pence for since, pence in rates if since <= day][-1]


@dataclass(frozen=True)
class DemoSlip:
    """A made-up payslip (not a tax calculation): who, period end, gross, tax, employee and
    employer NI, employee and employer pension, hours paid, of which holiday, and pay day."""

    who: str
    period_end: date
    gross: int
    tax: int
    ni: int
    employer_ni: int
    pension: int
    employer_pension: int
    minutes: int
    holiday_minutes: int
    paid_on: date

    @property
    def net(self) -> int:
        return self.gross - self.tax - self.ni - self.pension


def _slip(who: str, end: date, paid_on: date, minutes: int, pence_an_hour: int, free: int,
          employer_free: int, holiday: int = 0, enrolled: bool = False, lower: int = 0
          ) -> DemoSlip:
    gross = minutes * pence_an_hour // 60
    taxable = max(0, gross - free)
    pension = (gross - lower) * 5 // 100 if enrolled else 0
    employer = (gross - lower) * 3 // 100 if enrolled else 0
    return DemoSlip(who, end, gross, taxable // 5, taxable * 8 // 100,
                    max(0, gross - employer_free) * 15 // 100, pension, employer, minutes,
                    holiday, paid_on)


def demo_payslips(start: date, end: date, seed: int = 2024) -> list[DemoSlip]:
    """Jo weekly (20 hours a week on average, in the pension), Sam fortnightly."""
    rates = jo_rates(start, end)
    slips = []
    for week, (day, hours) in enumerate(_jo_hours(start, end, seed)):
        holiday = week in JO_HOLIDAY_WEEKS
        minutes = (20 if holiday else hours) * 60
        slips.append(_slip(JO, day + timedelta(days=6), day + timedelta(days=4), minutes,
                           _rate_on(rates, day), 24200, 9600, 1200 if holiday else 0,
                           enrolled=True, lower=12000))
        if week % 2 == 1:
            slips.append(_slip(SAM, day + timedelta(days=6), day + timedelta(days=4), 600,
                               SAM_RATE, 48400, 19200))
    return [s for s in slips if start <= s.paid_on <= end]


def demo_visits(start: date, end: date, seed: int = 2024) -> list[VisitDraft]:
    """Care received over the year, matching what the ledger pays for."""
    rng = random.Random(seed * 7 + 2)
    rates = jo_rates(start, end)
    visits: list[VisitDraft] = []
    for week, (day, hours) in enumerate(_jo_hours(start, end, seed)):
        for offset, share in ((0, hours // 2), (2, hours - hours // 2)):
            late = rng.random() < 0.05
            if week not in JO_HOLIDAY_WEEKS:
                visits.append(VisitDraft(day + timedelta(days=offset), JO, share * 60,
                                         share * 60, _rate_on(rates, day), late=late,
                                         note=_("Arrived late") if late else ""))
        if week % 2 == 1:
            visits.append(VisitDraft(day + timedelta(days=1), SAM, 600, 600, SAM_RATE))
        missed = rng.random() < 0.04
        visits.append(VisitDraft(day + timedelta(days=3), AGENCY, 180, 0 if missed else 180,
                                 AGENCY_RATE, missed=missed,
                                 note=_("Carer did not come") if missed else ""))
    return [v for v in visits if start <= v.on <= end]


def _tax_months(slips: list[DemoSlip], start: date, end: date
                ) -> list[tuple[date, int, int]]:
    """(pay day, to HMRC, to the pension scheme) each month: on the 19th and 20th, for the
    payslips whose period ended by the 5th."""
    months = []
    month = date(start.year, start.month, 1)
    done: set[int] = set()
    while month <= end:
        cut = month.replace(day=5)
        due = [i for i, s in enumerate(slips) if s.period_end <= cut and i not in done]
        done.update(due)
        months.append((month, sum(slips[i].tax + slips[i].ni + slips[i].employer_ni
                                  for i in due),
                       sum(slips[i].pension + slips[i].employer_pension for i in due)))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def demo_entries(start: date, end: date, seed: int = 2024) -> list[EntryDraft]:
    """A year of entries between start and end, the same every time for the same seed."""
    rng = random.Random(seed)
    plan = demo_plan()
    stream = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, GROSS_WEEKLY,
                                Frequency.FOUR_WEEKLY, start, CONTRIBUTION_WEEKLY)
    drafts: list[EntryDraft] = []

    def add(on: date, pence: int, payee: str, code: str, memo: str = "") -> None:
        if start <= on <= end and pence:
            line = plan[LINE_OF_CATEGORY[code]][0] if code in LINE_OF_CATEGORY else ""
            drafts.append(EntryDraft(on, Money(pence), payee, code, memo, plan_line=line))

    for week, (day, _hours) in enumerate(_jo_hours(start, end, seed)):
        if week % 4 == 0:
            add(day, stream.payment_on(day).pence, "Demo Borough Council", "council_payment",
                _("Four-weekly direct payment"))
    slips = demo_payslips(start, end, seed)
    for slip in slips:
        memo = (_("Net pay for the week, {hours} hours") if slip.who == JO
                else _("Net pay for the fortnight, {hours} hours")).format(
            hours=slip.minutes // 60)
        add(slip.paid_on, -slip.net, slip.who, "pa_wages", memo)
    for month, hmrc, pension in _tax_months(slips, start, end):
        add(month.replace(day=19), -hmrc, "HMRC PAYE", "paye_ni")
        add(month.replace(day=20), -pension, "Workplace pension", "pension")

    month = date(start.year, start.month, 1)
    while month <= end:
        add(month.replace(day=2), 15167, "Alex Example", "client_contribution",
            _("Monthly contribution"))
        add(month.replace(day=21), -1500, "Payroll service", "payroll_fee")
        add(month.replace(day=25), -rng.randint(28000, 33000), AGENCY,
            "agency_care", _("Monthly invoice"))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)

    add(start + timedelta(days=120), -60000, "Seaview Respite (demo)", "respite",
        _("Short break, 3 nights"))
    add(start + timedelta(days=290), -60000, "Seaview Respite (demo)", "respite",
        _("Short break, 3 nights"))
    add(start + timedelta(days=10), -12000, "Employer's liability insurer", "insurance",
        _("Annual policy"))
    add(start + timedelta(days=15), -3800, "DBS checks", "dbs", _("Check for new PA"))
    return sorted(drafts, key=lambda d: d.on)


def demo_outcomes() -> list[tuple[str, str, str, tuple[int, ...]]]:
    """The demo's outcomes: (their words, area in law, plan line key or "", scores over the
    year, one a month), in the language the demo is made in."""
    return [
        (_("Get up, washed and dressed at my own pace every morning"), "er.2.2.b",
         "personal_care", (2, 2, 2, 3, 3, 3, 3, 4, 3, 4, 4, 4)),
        (_("Go to the community garden with Sam on Tuesdays"), "ca.1.2.e", "",
         (1, 1, 2, 2, 2, 3, 3, 3, 2, 3, 3, 4)),
        (_("Have a hot meal at lunchtime every day"), "er.2.2.a", "agency",
         (3, 3, 2, 2, 3, 3, 2, 3, 3, 3, 3, 3)),
        (_("See my sister in Tenby twice a year"), "ca.1.2.g", "breaks",
         (1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 4, 4)),
        (_("Choose who supports me and when"), "ca.1.2.d", "running",
         (3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4)),
    ]


def _demo_outcomes(ctx: ProfileContext, start: date, today: date, entries: list[Entry],
                   visit_ids: list[int], visits: list[VisitDraft]) -> None:
    lines = {line.name: line.id for line in ctx.plan.lines()}
    plan = demo_plan()
    rng = random.Random(11)
    ratings: list[tuple[int, int, date, RatedBy, str]] = []
    garden = 0
    for n, (text, code, line, scores) in enumerate(demo_outcomes()):
        ids = (lines[plan[line][0]],) if line else ()
        outcome = ctx.outcomes.add(OutcomeDraft(text, code, ids), today=start)
        garden = outcome.id if n == 1 else garden
        for month, score in enumerate(scores):
            on = start + timedelta(days=20 + 29 * month + rng.randint(0, 4))
            if on > today:
                break
            by = RatedBy.WITH_CARER if rng.random() < 0.3 else RatedBy.PERSON
            note = _("Sam came every week this month") if n == 1 and score >= 3 and \
                rng.random() < 0.3 else ""
            ratings.append((outcome.id, score, on, by, note))
    ctx.outcomes.rate_many(ratings, today)
    ctx.outcomes.link_visits([(vid, garden) for vid, v in zip(visit_ids, visits, strict=True)
                              if v.provider_name == SAM])
    ctx.outcomes.link_entries([(e.id, garden) for e in entries
                               if e.payee == SAM and e.amount.pence < 0])
def demo_pas(start: date, today: date) -> list[PADraft]:
    """Jo, employed since before the records start, in the pension; Sam, new, with a
    time-limited permission to work. Dates follow the demo's year; leave years run from
    1 April."""
    rates = jo_rates(start, today)
    april = date(start.year if start.month >= 4 else start.year - 1, 4, 1)
    return [
        PADraft(name=JO, start=start - timedelta(days=500), rate=Money(rates[-1][1]),
                hours_week_minutes=20 * 60, born=Born(JO_BORN),
                dbs_checked=start - timedelta(days=200),
                right_to_work_checked=start - timedelta(days=510),
                payroll_ref="DEMO-PA-01", pay_frequency=PayFrequency.WEEKLY,
                pension_status=PensionStatus.ENROLLED, leave_year_start=april),
        PADraft(name=SAM, start=start + timedelta(days=7), rate=Money(SAM_RATE),
                hours_week_minutes=5 * 60, born=Born(SAM_BORN),
                dbs_checked=start + timedelta(days=5),
                right_to_work_checked=start + timedelta(days=5),
                right_to_work_expires=today + timedelta(days=300),
                payroll_ref="DEMO-PA-02", pay_frequency=PayFrequency.FORTNIGHTLY,
                pension_status=PensionStatus.NOT_ELIGIBLE, leave_year_start=april,
                night_rate=Money(SAM_NIGHT_RATE)),
    ]


def _employ(ctx: ProfileContext, start: date, today: date, entries: list[Entry]) -> None:
    """The PA records, Jo's rates, payslips linked to the payments, and the insurance: its
    renewal a year after the premium was paid (the demo's one reminder due)."""
    ids = {}
    rates = jo_rates(start, today)
    for draft in demo_pas(start, today):
        first = replace(draft, rate=Money(rates[0][1])) if draft.name == JO else draft
        ids[draft.name] = ctx.employer.add(first).id
    jo = ctx.employer.get(ids[JO])
    for since, pence in rates[1:]:
        jo = ctx.employer.change(jo.id, replace(jo.draft, rate=Money(pence)), since)
    ctx.employer.add_payslips([PayslipDraft(
        ids[s.who], s.period_end, Money(s.gross), Money(s.tax), Money(s.ni), Money(s.employer_ni),
        Money(s.pension), Money(s.employer_pension), hours_minutes=s.minutes,
        holiday_minutes=s.holiday_minutes) for s in demo_payslips(start, today)])
    for entry in entries:
        for part, code in ((Part.HMRC, "paye_ni"), (Part.PENSION, "pension")):
            if entry.category_code == code:
                ctx.employer.link_payment(entry.id, part)
    ctx.employer.set_employer(EmployerDetails(
        insurer=_("Demo Mutual (made up)"), policy_number="EL-DEMO-0001",
        insurance_renewal=start + timedelta(days=10 + 365), dbs_renew_months=36,
        duties_start=start - timedelta(days=500), paye_reference="123/DEMO"))


def create_demo_profile(data_dir: Path, name: str, passphrase: str,
                        today: date | None = None,
                        control: JobControl = NO_CONTROL) -> tuple[ProfileInfo, int]:
    today = today or date.today()
    start = today - timedelta(days=364)
    control.step(0, 4, _("Making the demo profile…"))
    info = create_profile(data_dir, demo_request(name, start), passphrase).info
    try:
        return info, _fill(data_dir, info, passphrase, start, today, control)
    except Cancelled:
        shutil.rmtree(info.folder, ignore_errors=True)  # no half-made demo left behind
        raise


def _fill(data_dir: Path, info: ProfileInfo, passphrase: str, start: date, today: date,
          control: JobControl) -> int:
    with open_context(data_dir, info.display_name, passphrase) as ctx:
        for line, weekly in demo_plan().values():
            ctx.plan.add(line, Money(weekly))
        control.step(1, 4, _("Adding a year of payments…"))
        added = ctx.ledger.add_entries(demo_entries(start, today), today)
        control.step(2, 4, _("Adding providers and visits…"))
        ctx.providers.add(ChosenProviderDraft(name=AGENCY, start=start, kind=ProviderKind.LOCAL,
                                              agreed_hourly_rate=Money(AGENCY_RATE)))
        visits = demo_visits(start, today)
        visit_ids = ctx.visits.add_many(visits)
        control.step(3, 4, _("Adding PAs and payslips…"))
        _employ(ctx, start, today, added)
        _demo_outcomes(ctx, start, today, added, visit_ids, visits)
    control.report(4, 4, "")
    return len(added)
