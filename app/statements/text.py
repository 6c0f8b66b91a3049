"""Words and formatted rows shared by the PDF and CSV renderers, so both say the same thing.

Each function returns (machine key, translated label, formatted or raw value) triples; the
figures come straight from the Statement, never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from app.domain.money import Money
from app.i18n import N_, _, active_locale, format_date, format_money, format_number, ngettext
from app.statements.model import Statement

MANAGED_BY = {
    "self": N_("The budget holder"),
    "carer": N_("A carer"),
    "appointed_person": N_("An appointed or suitable person"),
    "agent": N_("An agent or managed-account provider"),
}
FUNDERS = {"council": N_("Council"), "nhs": N_("NHS"), "ilf": N_("Independent Living Fund"),
           "other": N_("Other")}
KINDS = {"dp": N_("Direct payment"), "phb": N_("Personal health budget"),
         "isf": N_("Individual service fund")}
PERMISSIONS = {"allowed": N_("Allowed"), "needs_approval": N_("Needs approval"),
               "not_allowed": N_("Not usually allowed")}
FREQUENCIES = {"weekly": N_("weekly"), "four_weekly": N_("every four weeks"),
               "monthly": N_("monthly"), "quarterly": N_("quarterly"),
               "six_monthly": N_("every six months"), "yearly": N_("yearly")}


@dataclass(frozen=True)
class Line:
    """One labelled figure or fact: `key` is stable (for CSV readers), `label` is translated."""

    key: str
    label: str
    money: Money | None = None
    text: str = ""
    strong: bool = False


def category_name(statement: Statement, code: str) -> str:
    category = statement.categories.get(code)
    return category.name(active_locale()) if category else code


def period_text(statement: Statement) -> str:
    return _("{start} to {end}").format(start=format_date(statement.period.start, "long"),
                                       end=format_date(statement.period.end, "long"))


def header_lines(s: Statement) -> list[Line]:
    h = s.holder
    none = _("Not given")
    return [
        Line("budget_holder", _("Budget holder"), text=h.name),
        Line("council", _("Council"), text=h.council_name or none),
        Line("council_reference", _("Council reference"), text=h.council_reference or none),
        Line("nhs_number", _("NHS number"), text=h.nhs_number or none),
        Line("managed_by", _("Who manages the budget"),
             text=_(MANAGED_BY.get(h.managed_by, h.managed_by))),
        Line("period", _("Period"), text=period_text(s)),
        Line("rule", _("Rules used"), text=s.rule.name(active_locale())),
    ]


def stream_label(funder: str, kind: str) -> str:
    return _("{funder}: {kind}").format(funder=_(FUNDERS.get(funder, funder)),
                                        kind=_(KINDS.get(kind, kind)))


def reconciliation_lines(s: Statement) -> list[Line]:
    r = s.reconciliation
    lines = [Line("opening", _("Opening balance"), r.opening, strong=True)]
    lines += [Line(f"in:{code}", _("In: {name}").format(name=category_name(s, code)), m)
              for code, m in r.money_in]
    lines.append(Line("total_in", _("Total money in"), r.total_in, strong=True))
    lines += [Line(f"out:{code}", _("Out: {name}").format(name=category_name(s, code)), m)
              for code, m in r.money_out]
    lines.append(Line("total_out", _("Total money out"), r.total_out, strong=True))
    lines.append(Line("closing", _("Closing balance"), r.closing, strong=True))
    return lines + bank_lines(s)


def bank_lines(s: Statement) -> list[Line]:
    r = s.reconciliation
    count = len(r.uncleared)
    lines = [Line("uncleared_total",
                  _("Items not yet on the bank statement ({count})").format(count=count),
                  r.uncleared_total)]
    if r.bank_balance is None or r.bank_difference is None:
        return lines + [Line("bank_balance", _("Bank statement balance"),
                             text=_("Not given"))]
    agrees = r.bank_difference.pence == 0
    if r.bank_date is not None and r.bank_date < s.period.end:
        lines.append(Line("after_bank_total", ngettext(
            "Entries dated after the bank statement ({count})",
            "Entries dated after the bank statement ({count})",
            len(r.after_bank)).format(count=len(r.after_bank)), r.after_bank_total))
    bank_label = (_("Bank statement balance on {date}").format(date=format_date(r.bank_date))
                  if r.bank_date is not None else _("Bank statement balance"))
    return lines + [
        Line("bank_balance", bank_label, r.bank_balance),
        Line("bank_difference", _("Difference from the bank statement"), r.bank_difference,
             text=_("Agrees with the bank statement") if agrees
             else _("Does not agree: check the entries and the bank statement"),
             strong=not agrees),
    ]


def owed_basis(s: Statement) -> str:
    """Where the wages, HMRC and pension figures come from."""
    if s.liabilities.entered.from_payslips:
        return _("From payslips, less the payments linked to them")
    return _("Entered by hand")


def liability_lines(s: Statement) -> list[Line]:
    e = s.liabilities.entered
    basis = owed_basis(s)
    return [
        Line("wages_owed", _("Wages owed"), e.wages_owed, text=basis),
        Line("hmrc_due", _("Tax and National Insurance due to HMRC"), e.hmrc_due, text=basis),
        Line("pension_due", _("Pension contributions due"), e.pension_due, text=basis),
        Line("unpaid_invoices", _("Unpaid invoices"), e.unpaid_invoices,
             text=_("Entered by hand")),
        Line("liabilities_total", _("Total owed"), s.liabilities.total, strong=True),
        Line("contribution_owed", _("My contribution not yet paid in"),
             s.liabilities.contribution_owed),
        Line("contingency", ngettext("Agreed contingency ({weeks} week)",
                                     "Agreed contingency ({weeks} weeks)",
                                     s.rule.contingency_weeks).format(
            weeks=s.rule.contingency_weeks), s.liabilities.contingency),
    ]


def weeks_text(weeks: Decimal | None) -> str:
    return _("No funding recorded") if weeks is None else format_number(weeks, 1)


def weeks_lines(s: Statement) -> list[Line]:
    p = s.position
    return [
        Line("gross_weekly", _("Gross weekly budget"), p.gross_weekly),
        Line("weeks_held", _("Weeks held at the end of the period"),
             text=weeks_text(p.weeks_held)),
        Line("weeks_limit", _("Limit (weeks)"), text=str(p.weeks_limit)),
        Line("weeks_contingency", _("Agreed contingency (weeks)"),
             text=str(p.contingency_weeks)),
        Line("owed", _("Owed out of the balance"), p.owed),
        Line("surplus", _("Surplus above the limit"), p.surplus, strong=p.over_limit),
    ]


def plan_lines(s: Statement) -> list[Line]:
    """Spending against each support-plan line, beside its budget for the period."""
    lines = []
    for n, spend in enumerate(s.plan, start=1):
        name = spend.name or _("Not linked to a plan line")
        if spend.budget is None:
            note = _("No budget recorded")
        elif spend.left is not None and spend.left.pence < 0:
            note = _("{amount} over the budget of {budget}").format(
                amount=format_money(-spend.left.pence), budget=format_money(spend.budget.pence))
        else:
            note = _("Budget {budget}").format(budget=format_money(spend.budget.pence))
        lines.append(Line(f"plan:{n}", name, spend.spent, text=note))
    return lines


def surplus_message(s: Statement) -> str:
    if s.position.over_limit:
        return _("The balance is more than the council allows after what is owed and the "
                 "agreed contingency. The council may ask for the surplus back.")
    return _("The balance is within the council's limit.")


def funding_summary_lines(s: Statement) -> list[Line]:
    f = s.funding
    return [
        Line("gross_period", _("Gross funding for the period"), f.gross_period, strong=True),
        Line("contribution_due", _("My contribution due"), f.contribution_due),
        Line("contribution_paid", _("My contribution paid in"), f.contribution_paid),
        Line("contribution_owed", _("My contribution still to pay"), f.contribution_owed),
    ]


CHECK_STATES = {"ok": N_("OK"), "due": N_("To do"), "problem": N_("Needs action")}


def hours_number(hours: Decimal) -> str:
    return format_number(hours, 2)


def employer_pa_lines(s: Statement) -> list[Line]:
    """Each PA's hours and pay in the period, and the totals."""
    e = s.employer
    if e is None:
        return []
    lines = []
    for n, pa in enumerate(e.pas, start=1):
        hours = ngettext("{hours} hours worked (timesheets); {count} payslip",
                         "{hours} hours worked (timesheets); {count} payslips",
                         pa.payslips).format(hours=hours_number(pa.hours), count=pa.payslips)
        lines += [Line(f"pa_gross:{n}", _("{name}: gross pay").format(name=pa.name), pa.gross,
                       text=hours),
                  Line(f"pa_tax_ni:{n}", _("{name}: tax and National Insurance").format(
                      name=pa.name), pa.tax_ni),
                  Line(f"pa_pension:{n}", _("{name}: pension contributions").format(
                      name=pa.name), pa.pension)]
    t = e.total
    return lines + [
        Line("pa_gross_total", _("Gross pay, all PAs"), t.gross, strong=True,
             text=_("{hours} hours worked").format(hours=hours_number(t.hours))),
        Line("pa_tax_ni_total", _("Tax and National Insurance, all PAs"), t.tax_ni),
        Line("pa_pension_total", _("Pension contributions, all PAs"), t.pension)]


def employer_lines(s: Statement) -> list[Line]:
    """Insurance, what is owed for the PAs, and the checks' count (for CSV and the PDF)."""
    e = s.employer
    if e is None:
        return []
    policy = " ".join(x for x in (e.insurer, e.policy_number) if x) or _("Not given")
    renewal = format_date(e.insurance_renewal) if e.insurance_renewal else _("Not given")
    basis = owed_basis(s)
    return [
        Line("insurance_policy", _("Employer's liability insurance"), text=policy),
        Line("insurance_renewal", _("Insurance renewal date"), text=renewal),
        Line("pa_wages_owed", _("Wages owed to PAs at the end of the period"),
             e.owed.wages_owed, text=basis),
        Line("pa_hmrc_due", _("Tax and National Insurance due to HMRC"), e.owed.hmrc_due,
             text=basis),
        Line("pa_pension_due", _("Pension contributions due"), e.owed.pension_due, text=basis),
        Line("employer_checks", _("Checks needing action"), text=str(e.problems),
             strong=e.problems > 0),
    ]


def check_sources(s: Statement) -> list[tuple[str, str]]:
    """The checks' sources, each once, in the order first met: (title, address)."""
    seen: dict[tuple[str, str], None] = {}
    for c in s.employer.checks if s.employer else ():
        seen.setdefault((c.source_title, c.source_url), None)
    return list(seen)


def check_rows(s: Statement) -> list[tuple[str, str, str, str, str, tuple[str, str]]]:
    """(whose, topic key, topic, state, what was found and what to do, source) for each
    check."""
    from app.employer.checks_common import TOPIC_NAMES, Topic

    e = s.employer
    if e is None:
        return []
    rows = []
    for c in e.checks:
        said = c.text + (" " + c.action if c.action else "")
        source = (c.source_title, c.source_url)
        rows.append((c.pa or _("You as an employer"), c.topic, _(TOPIC_NAMES[Topic(c.topic)]),
                     _(CHECK_STATES.get(c.state, c.state)), said, source))
    return rows


SECTIONS: dict[str, Callable[[Statement], list[Line]]] = {
    "funding": funding_summary_lines,
    "reconciliation": reconciliation_lines,
    "liabilities": liability_lines,
    "weeks_held": weeks_lines,
    "plan": plan_lines,
    "employer_pa": employer_pa_lines,
    "employer": employer_lines,
}
