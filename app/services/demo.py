"""A clearly labelled demo profile: a realistic year of a direct-payment account.

The people and firms in it are made up; the pattern (four-weekly council payments, a monthly
contribution, weekly PA wages, HMRC, pension, payroll fee, agency invoices, respite) follows
what council guidance describes.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.entries import Entry, EntryDraft
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream
from app.domain.money import Money
from app.domain.visits import VisitDraft
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
        weeks_held_limit=8, opening_balance=Money(50000), is_demo=True,
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
JO_RATE, SAM_RATE, AGENCY_RATE = 1260, 1400, 2400  # pence an hour


def _jo_hours(start: date, end: date, seed: int) -> list[tuple[date, int]]:
    """Jo's hours each week: the wages and the visits log both come from this."""
    rng = random.Random(seed * 7 + 1)
    weeks, day = [], start
    while day <= end:
        weeks.append((day, rng.choice([18, 19, 20, 20, 21, 22])))
        day += timedelta(days=7)
    return weeks


def demo_visits(start: date, end: date, seed: int = 2024) -> list[VisitDraft]:
    """Care received over the year, matching what the ledger pays for."""
    rng = random.Random(seed * 7 + 2)
    visits: list[VisitDraft] = []
    for week, (day, hours) in enumerate(_jo_hours(start, end, seed)):
        for offset, share in ((0, hours // 2), (2, hours - hours // 2)):
            late = rng.random() < 0.05
            visits.append(VisitDraft(day + timedelta(days=offset), JO, share * 60, share * 60,
                                     JO_RATE, late=late,
                                     note=_("Arrived late") if late else ""))
        if week % 2 == 1:
            visits.append(VisitDraft(day + timedelta(days=1), SAM, 600, 600, SAM_RATE))
        missed = rng.random() < 0.04
        visits.append(VisitDraft(day + timedelta(days=3), AGENCY, 180, 0 if missed else 180,
                                 AGENCY_RATE, missed=missed,
                                 note=_("Carer did not come") if missed else ""))
    return [v for v in visits if start <= v.on <= end]


def demo_entries(start: date, end: date, seed: int = 2024) -> list[EntryDraft]:
    """A year of entries between start and end, the same every time for the same seed."""
    rng = random.Random(seed)
    plan = demo_plan()
    stream = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, GROSS_WEEKLY,
                                Frequency.FOUR_WEEKLY, start, CONTRIBUTION_WEEKLY)
    drafts: list[EntryDraft] = []

    def add(on: date, pence: int, payee: str, code: str, memo: str = "") -> None:
        if start <= on <= end:
            line = plan[LINE_OF_CATEGORY[code]][0] if code in LINE_OF_CATEGORY else ""
            drafts.append(EntryDraft(on, Money(pence), payee, code, memo, plan_line=line))

    for week, (day, hours) in enumerate(_jo_hours(start, end, seed)):
        if week % 4 == 0:
            add(day, stream.payment_on(day).pence, "Demo Borough Council", "council_payment",
                _("Four-weekly direct payment"))
        add(day + timedelta(days=4), -(hours * JO_RATE), JO, "pa_wages",
            _("{hours} hours at £12.60").format(hours=hours))
        if week % 2 == 1:
            add(day + timedelta(days=4), -10 * SAM_RATE, SAM, "pa_wages",
                _("Fortnightly, 10 hours"))

    month = date(start.year, start.month, 1)
    while month <= end:
        add(month.replace(day=2), 15167, "Alex Example", "client_contribution",
            _("Monthly contribution"))
        add(month.replace(day=19), -rng.randint(4200, 5200), "HMRC PAYE", "paye_ni")
        add(month.replace(day=20), -1850, "Workplace pension", "pension")
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
        for name, kind, rate in ((JO, ProviderKind.PA, JO_RATE), (SAM, ProviderKind.PA, SAM_RATE),
                                 (AGENCY, ProviderKind.LOCAL, AGENCY_RATE)):
            ctx.providers.add(ChosenProviderDraft(name=name, start=start, kind=kind,
                                                  agreed_hourly_rate=Money(rate)))
        visits = demo_visits(start, today)
        visit_ids = ctx.visits.add_many(visits)
        _demo_outcomes(ctx, start, today, added, visit_ids, visits)
    control.report(4, 4, "")
    return len(added)
