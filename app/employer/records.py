"""Personal assistants the budget holder employs: their records, dated pay rates and payslips.

A PA is also a "My providers" record of kind pa (its name, payee name, start and end live
there, once); these records add what an employer must keep.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.i18n import N_, _

MAX_RATE = Money(100_00)  # £100 an hour: above it, a typing slip
MAX_WEEK_MINUTES = 7 * 24 * 60


class PayFrequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"


class RateKind(StrEnum):
    STANDARD = "standard"
    NIGHT = "night"
    BANK_HOLIDAY = "bank_holiday"


class PensionStatus(StrEnum):
    NOT_ASSESSED = "not_assessed"
    ENROLLED = "enrolled"  # put into the scheme by the employer
    OPTED_IN = "opted_in"  # asked to join
    OPTED_OUT = "opted_out"  # left the scheme: re-enrolled every three years
    NOT_ELIGIBLE = "not_eligible"  # assessed: need not be enrolled


class Part(StrEnum):
    """What a payslip leaves owed, and to whom."""

    WAGES = "wages"  # net pay, to the PA
    HMRC = "hmrc"  # tax and both National Insurance contributions
    PENSION = "pension"  # both pension contributions, to the scheme


PART_LABELS = {Part.WAGES: N_("wages"), Part.HMRC: N_("tax and National Insurance"),
               Part.PENSION: N_("pension")}
PART_CATEGORY = {Part.WAGES: "pa_wages", Part.HMRC: "paye_ni", Part.PENSION: "pension"}
RATE_KIND_NAMES = {RateKind.STANDARD: N_("standard"), RateKind.NIGHT: N_("nights"),
                   RateKind.BANK_HOLIDAY: N_("bank holidays")}
FREQUENCY_NAMES = {PayFrequency.WEEKLY: N_("weekly"), PayFrequency.FORTNIGHTLY: N_("fortnightly"),
                   PayFrequency.FOUR_WEEKLY: N_("every four weeks"),
                   PayFrequency.MONTHLY: N_("monthly")}
PENSION_NAMES = {PensionStatus.NOT_ASSESSED: N_("not assessed yet"),
                 PensionStatus.ENROLLED: N_("enrolled"), PensionStatus.OPTED_IN: N_("opted in"),
                 PensionStatus.OPTED_OUT: N_("opted out"),
                 PensionStatus.NOT_ELIGIBLE: N_("need not be enrolled")}


@dataclass(frozen=True)
class Born:
    """A date of birth as exactly as the person chose to give it: a year, a month or a day.
    A year alone is enough for most checks and keeps less about the PA."""

    year: int
    month: int | None = None
    day: int | None = None

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def ages_on(self, on: date) -> tuple[int, int]:
        """The youngest and oldest the PA can be on `on` (the same when the day is known)."""
        return age_on(self.latest(), on), age_on(self.earliest(), on)

    def birthday_in(self, year: int) -> date | None:
        """The day they have a birthday in `year`, when known to the day."""
        if self.month is None or self.day is None:
            return None
        return _clamped(year, self.month, self.day)

    def text(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, value: str) -> Born:
        """'1999', '1999-07' or '1999-07-14'."""
        parts = value.strip().split("-")
        try:
            numbers = [int(p) for p in parts]
            born = cls(*numbers) if 1 <= len(numbers) <= 3 else None
            if born is not None:
                born.earliest()
                born.latest()
        except (ValueError, TypeError) as error:
            raise ValidationError("born", _("Give the year of birth like 1999 (or a date like "
                                            "1999-07-14).")) from error
        if born is None or not 1900 <= born.year <= 2100:
            raise ValidationError("born", _("Give the year of birth like 1999 (or a date like "
                                            "1999-07-14)."))
        return born


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return _clamped(day.year + index // 12, index % 12 + 1, day.day)


@dataclass(frozen=True)
class PayRate:
    kind: RateKind
    start: date
    hourly: Money


@dataclass(frozen=True)
class PADraft:
    """What the PA form and `careledger pa add` ask."""

    name: str
    start: date
    rate: Money  # the standard hourly rate from `start`
    hours_week_minutes: int | None = None  # contracted hours a week; None: irregular hours
    born: Born | None = None
    dbs_checked: date | None = None
    dbs_renewal: date | None = None
    right_to_work_checked: date | None = None
    right_to_work_expires: date | None = None  # time-limited permission only
    payroll_ref: str = ""
    pay_frequency: PayFrequency = PayFrequency.MONTHLY
    pension_status: PensionStatus = PensionStatus.NOT_ASSESSED
    leave_year_start: date | None = None  # the contract's leave year; default: the start
    apprentice: bool = False
    payee_name: str = ""  # how ledger entries name them; blank: the name
    night_rate: Money | None = None
    bank_holiday_rate: Money | None = None
    end: date | None = None

    @property
    def irregular(self) -> bool:
        return self.hours_week_minutes is None


@dataclass(frozen=True)
class PA:
    id: int
    provider_id: int  # the "My providers" record of kind pa
    draft: PADraft
    rates: tuple[PayRate, ...] = field(default=())  # every dated rate, oldest first

    @property
    def name(self) -> str:
        return self.draft.name

    @property
    def start(self) -> date:
        return self.draft.start

    @property
    def end(self) -> date | None:
        return self.draft.end

    def employed_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def rate_on(self, day: date, kind: RateKind = RateKind.STANDARD) -> Money | None:
        found = None
        for rate in self.rates:
            if rate.kind is kind and rate.start <= day:
                found = rate.hourly
        return found

    def rate_spans(self, kind: RateKind, start: date, end: date
                   ) -> list[tuple[date, date, Money]]:
        """(from, to, hourly rate) for each rate of `kind` in force between start and end."""
        mine = [r for r in self.rates if r.kind is kind]
        spans = []
        for i, rate in enumerate(mine):
            until = mine[i + 1].start - timedelta(days=1) if i + 1 < len(mine) else end
            lo, hi = max(rate.start, start), min(until, end)
            if lo <= hi:
                spans.append((lo, hi, rate.hourly))
        return spans

    def leave_year(self, day: date) -> tuple[date, date]:
        """The leave year holding `day`: from the contract's leave-year start (by default
        the anniversary of the start date) to the day before the next."""
        anchor = self.draft.leave_year_start or self.start
        starts = _clamped(day.year, anchor.month, anchor.day)
        if starts > day:
            starts = _clamped(day.year - 1, anchor.month, anchor.day)
        ends = _clamped(starts.year + 1, anchor.month, anchor.day) - timedelta(days=1)
        return starts, ends


def validate_pa(draft: PADraft) -> PADraft:
    name = draft.name.strip()
    if not name or len(name) > 200:
        raise ValidationError("name", _("Give the PA's name (up to 200 letters)."))
    for field_name, rate in (("rate", draft.rate), ("night_rate", draft.night_rate),
                             ("bank_holiday_rate", draft.bank_holiday_rate)):
        if rate is not None and not 0 < rate.pence <= MAX_RATE.pence:
            raise ValidationError(field_name, _("An hourly rate must be more than £0 and at "
                                                "most £100."))
    if draft.hours_week_minutes is not None and not 0 < draft.hours_week_minutes \
            <= MAX_WEEK_MINUTES:
        raise ValidationError("hours", _("Hours a week must be more than 0 and at most 168. "
                                         "For hours that change, choose irregular hours."))
    if draft.end is not None and draft.end < draft.start:
        raise ValidationError("end", _("The end date is before the start date."))
    if draft.dbs_renewal is not None and draft.dbs_checked is not None \
            and draft.dbs_renewal < draft.dbs_checked:
        raise ValidationError("dbs_renewal", _("The DBS renewal date is before the check."))
    return draft


@dataclass(frozen=True)
class PayslipDraft:
    """One pay period's payslip from the payroll service: all amounts positive."""

    pa_id: int
    period_end: date
    gross: Money
    tax: Money = Money(0)
    employee_ni: Money = Money(0)
    employer_ni: Money = Money(0)
    employee_pension: Money = Money(0)
    employer_pension: Money = Money(0)
    period_start: date | None = None  # default: from the PA's pay frequency
    hours_minutes: int | None = None  # hours paid, when the payslip says
    holiday_minutes: int = 0  # holiday taken and paid in the period
    note: str = ""

    @property
    def net(self) -> Money:
        """What the PA is paid: gross less their tax, NI and pension."""
        return self.gross - self.tax - self.employee_ni - self.employee_pension

    @property
    def hmrc(self) -> Money:
        return self.tax + self.employee_ni + self.employer_ni

    @property
    def pension(self) -> Money:
        return self.employee_pension + self.employer_pension

    def part(self, part: Part) -> Money:
        return {Part.WAGES: self.net, Part.HMRC: self.hmrc, Part.PENSION: self.pension}[part]


def period_start_for(end: date, frequency: PayFrequency) -> date:
    """The first day of a pay period ending on `end`."""
    days = {PayFrequency.WEEKLY: 7, PayFrequency.FORTNIGHTLY: 14, PayFrequency.FOUR_WEEKLY: 28}
    if frequency in days:
        return end - timedelta(days=days[frequency] - 1)
    if (end + timedelta(days=1)).day == 1:  # a calendar month
        return end.replace(day=1)
    return add_months(end, -1) + timedelta(days=1)


def validate_payslip(draft: PayslipDraft) -> PayslipDraft:
    amounts = (draft.gross, draft.tax, draft.employee_ni, draft.employer_ni,
               draft.employee_pension, draft.employer_pension)
    if any(m.pence < 0 for m in amounts):
        raise ValidationError("amount", _("Payslip amounts cannot be less than zero. A tax "
                                          "refund on a payslip: enter the tax as 0 and note it."))
    if draft.gross.pence == 0:
        raise ValidationError("gross", _("Give the gross pay on the payslip."))
    if draft.net.pence < 0:
        raise ValidationError("gross", _("Tax, National Insurance and pension taken off come "
                                         "to more than the gross pay. Check the figures."))
    if draft.period_start is not None and draft.period_start > draft.period_end:
        raise ValidationError("period", _("The pay period must end on or after its start."))
    if draft.holiday_minutes < 0 or (draft.hours_minutes or 0) < 0:
        raise ValidationError("hours", _("Hours cannot be less than zero."))
    return draft


@dataclass(frozen=True)
class Payslip:
    id: int
    draft: PayslipDraft
    period_start: date
    paid: dict[Part, Money] = field(default_factory=dict, hash=False, compare=False)

    def outstanding(self, part: Part) -> Money:
        return self.draft.part(part) - self.paid.get(part, Money(0))


@dataclass(frozen=True)
class EmployerDetails:
    """The budget holder as an employer: insurance, the council's DBS rule, pension dates."""

    insurer: str = ""
    policy_number: str = ""
    insurance_renewal: date | None = None
    dbs_renew_months: int | None = None  # the council's rule, e.g. 36: renew every 3 years
    duties_start: date | None = None  # pension duties; default: the first PA's start
    last_re_enrolment: date | None = None
    paye_reference: str = ""
