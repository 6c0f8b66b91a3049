"""Words and formatted rows shared by the PDF and CSV renderers, so both say the same thing.

Each function returns (machine key, translated label, formatted or raw value) triples; the
figures come straight from the Statement, never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from app.domain.council_rules import DueFrom, LimitBasis, ReturnFrequency
from app.domain.funding import Frequency
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
               "six_monthly": N_("every six months"), "yearly": N_("yearly"),
               "on_request": N_("whenever the council asks")}


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
    lines = [
        Line("budget_holder", _("Budget holder"), text=h.name),
        Line("council", _("Council"), text=h.council_name or none),
        Line("council_reference", _("Council reference"), text=h.council_reference or none),
    ]
    if s.shows_nhs_number:
        lines.append(Line("nhs_number", _("NHS number"), text=h.nhs_number or none))
    return lines + [
        Line("managed_by", _("Who manages the budget"),
             text=_(MANAGED_BY.get(h.managed_by, h.managed_by))),
        Line("period", _("Period"), text=period_text(s)),
        Line("rule", _("Rules used"), text=s.rule.name(active_locale())),
        Line("frequency", _("Returns"), text=frequency_text(s)),
        Line("due", _("Due"), text=due_text(s)),
        Line("send_to", _("Send to"), text=send_to_text(s)),
        Line("produced_on", _("Produced"),
             text=format_date(s.generated_on, "long") if s.generated_on else none),
        Line("history_reference", _("History reference"),
             text=s.audit_hash or _("No changes recorded yet")),
    ]


def frequency_text(s: Statement) -> str:
    words = _(FREQUENCIES[s.rule.return_frequency.value])
    return words[:1].upper() + words[1:]


def due_text(s: Statement) -> str:
    """When the return is due, as the rule (or the person) says, or that nobody says."""
    if s.due_on is not None:
        return format_date(s.due_on, "long")
    rule = s.rule
    if rule.due_days is not None and rule.due_from is DueFrom.REQUEST:
        return ngettext("Within {n} day of the council asking",
                        "Within {n} days of the council asking", rule.due_days).format(
            n=rule.due_days)
    if rule.return_frequency is ReturnFrequency.ON_REQUEST:
        return _("By the date the council gives when it asks")
    return _("Not published: see the council's letter or monitoring schedule")


def send_to_text(s: Statement) -> str:
    to = s.rule.send_to
    if to is None:
        return _("As the council's letter says")
    return "; ".join(part for part in (to.name, to.email, to.address, to.url) if part)


def history_footer(s: Statement) -> str:
    """What the reference on every page is for, in words."""
    if not s.audit_hash:
        return _("History reference: none yet (no changes recorded).")
    return _("History reference {ref}: the record of changes this return was made from. "
             "Quote it if you ask about this return.").format(ref=s.audit_hash[:16])


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
        *([Line("limit_weekly", _("Weekly amount the limit is counted in"), p.weekly,
                text=_("What the council pays in, after your contribution"))]
          if p.basis is LimitBasis.NET else []),
        *([Line("minimum", ngettext("Balance the council expects you to keep ({n} week)",
                                    "Balance the council expects you to keep ({n} weeks)",
                                    p.minimum_weeks).format(n=p.minimum_weeks), p.minimum,
                text=_("Below it") if p.below_minimum else "", strong=p.below_minimum)]
          if p.minimum_weeks else []),
        Line("weeks_held", _("Weeks held at the end of the period"),
             text=weeks_text(p.weeks_held)),
        Line("weeks_limit", _("Limit (weeks)"),
             text=_("None published") if p.weeks_limit is None else str(p.weeks_limit)),
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
    if s.position.weeks_limit is None:
        return _("The rules used publish no weeks limit.")
    if s.position.over_limit:
        return _("The balance is more than the council allows after what is owed and the "
                 "agreed contingency. The council may ask for the surplus back.")
    return _("The balance is within the council's limit.")


def funding_summary_lines(s: Statement) -> list[Line]:
    f = s.funding
    lines = [
        Line("gross_period", _("Gross funding for the period"), f.gross_period, strong=True),
        Line("contribution_due", _("My contribution for the period, day by day"),
             f.contribution_due),
    ]
    plan = f.contribution_plan
    if plan is not None:
        lines.append(Line("contribution_expected", ngettext(
            "My contribution due in the period ({n} payment)",
            "My contribution due in the period ({n} payments)", len(plan.due_days)).format(
            n=len(plan.due_days)), f.contribution_expected))
    return lines + [
        Line("contribution_paid", _("My contribution paid in"), f.contribution_paid),
        Line("contribution_owed", _("My contribution still to pay"), f.contribution_owed),
    ] + [Line(f"payments_expected:{p.category_code}", ngettext(
        "{who} due by the payment schedule ({n} payment)",
        "{who} due by the payment schedule ({n} payments)", len(p.due_days)).format(
        who=_(PAYMENT_WHO.get(p.category_code, p.category_code)), n=len(p.due_days)),
        p.expected) for p in f.payments]


PAYMENT_WHO = {"council_payment": N_("Council payments"), "nhs_payment": N_("NHS payments")}
EVERY = {Frequency.WEEKLY: N_("every week"), Frequency.FOUR_WEEKLY: N_("every four weeks"),
         Frequency.MONTHLY: N_("every month")}
STRETCH = {Frequency.WEEKLY: N_("a week"), Frequency.FOUR_WEEKLY: N_("four weeks"),
           Frequency.MONTHLY: N_("a month")}


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
