"""What every employer check returns: a Finding with its topic, state, reason and source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.employer.rules import Source
from app.i18n import N_, _, ngettext

SOON = timedelta(days=30)  # reminders start this long before a date


class Topic(StrEnum):
    MINIMUM_WAGE = "minimum_wage"
    BANK_HOLIDAY_RATE = "bank_holiday_rate"
    HOLIDAY = "holiday"
    PENSION = "pension"
    RE_ENROLMENT = "re_enrolment"
    INSURANCE = "insurance"
    DBS = "dbs"
    RIGHT_TO_WORK = "right_to_work"
    TAX_YEAR = "tax_year"


class State(StrEnum):
    OK = "ok"
    DUE = "due"  # a reminder: something to do by a date
    PROBLEM = "problem"  # a failed check, or a date already passed


TOPIC_NAMES = {
    Topic.MINIMUM_WAGE: N_("Minimum wage"), Topic.BANK_HOLIDAY_RATE: N_("Bank holiday rate"),
    Topic.HOLIDAY: N_("Holiday"), Topic.PENSION: N_("Workplace pension"),
    Topic.RE_ENROLMENT: N_("Pension re-enrolment"),
    Topic.INSURANCE: N_("Employer's liability insurance"), Topic.DBS: N_("DBS check"),
    Topic.RIGHT_TO_WORK: N_("Right to work"), Topic.TAX_YEAR: N_("End of the tax year"),
}
STATE_NAMES = {State.OK: N_("OK"), State.DUE: N_("To do"), State.PROBLEM: N_("Needs action")}

# Where each rule comes from (the figures' own sources are in resources/employer/*.json).
SOURCES = {
    "minimum_wage": Source("National Minimum Wage and National Living Wage rates",
                           "https://www.gov.uk/national-minimum-wage-rates"),
    "pension": Source("The Pensions Regulator: automatic enrolment earnings thresholds",
                      "https://www.thepensionsregulator.gov.uk/en/business-advisers/"
                      "automatic-enrolment-guide-for-business-advisers/"
                      "automatic-enrolment-earnings-threshold"),
    "re_enrolment": Source("The Pensions Regulator: re-enrolment",
                           "https://www.thepensionsregulator.gov.uk/en/employers/re-enrolment"),
    "holiday": Source("Holiday entitlement", "https://www.gov.uk/holiday-entitlement-rights"),
    "holiday_irregular": Source(
        "Holiday pay and entitlement reforms from 1 January 2024",
        "https://www.gov.uk/government/publications/"
        "holiday-pay-and-entitlement-reforms-from-1-january-2024"),
    "insurance": Source("Employers' liability insurance",
                        "https://www.gov.uk/employers-liability-insurance"),
    "dbs": Source("Your council's direct payment agreement (its rule for renewing DBS checks)",
                  ""),
    "right_to_work": Source("Right to work checks: an employer's guide",
                            "https://www.gov.uk/government/publications/"
                            "right-to-work-checks-employers-guide"),
    "tax_year": Source("PAYE and payroll for employers: at the end of the tax year",
                       "https://www.gov.uk/payroll-annual-reporting"),
    "bank_holiday": Source("The PA's contract (their agreed bank holiday rate)", ""),
}


def source_of(key: str) -> Source:
    return SOURCES[key]


@dataclass(frozen=True)
class Finding:
    topic: Topic
    state: State
    pa: str  # whose it is; blank for the employer's own duties
    text: str  # what was found, in a sentence
    action: str  # what to do (blank when nothing is needed)
    due: date | None
    source: Source

    def line(self) -> str:
        """One line naming the PA (or the employer) and what to do."""
        who = self.pa or _("You as an employer")
        parts = [f"{who}: {self.text}"] + ([self.action] if self.action else [])
        return " ".join(parts)


def hours_text(minutes: int) -> str:
    """Whole minutes as hours, e.g. 112 hours or 12.5 hours."""
    whole, part = divmod(int(minutes), 60)
    shown = str(whole) if part == 0 else f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
    return ngettext("{hours} hour", "{hours} hours", whole if part == 0 else 2).format(
        hours=shown)
