"""The words of the figures explained, the evidence checklist and the documents, shared by the
PDF and CSV renderers. Every number comes from an Explanation, a CheckItem or a document as
the builder made it; nothing is added up here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.domain.council_rules import LimitBasis
from app.domain.documents import KIND_NAMES, DocumentKind, FiledDocument, Subject
from app.domain.funding import Frequency
from app.domain.money import Money
from app.i18n import N_, _, format_date, format_money, ngettext
from app.statements.model import CheckItem, Explanation, Statement
from app.statements.text import EVERY, PAYMENT_WHO, STRETCH


def money(e: Explanation, name: str) -> str:
    return format_money(e.money(name).pence)


def number(e: Explanation, name: str) -> int:
    value = e[name]
    assert isinstance(value, int)
    return value


def explanation_text(e: Explanation) -> str:
    kind = e.key.split(":", 1)[0]
    return SENTENCES[kind](e)


def _payments(e: Explanation) -> str:
    who = _(PAYMENT_WHO.get(str(e["category"]), str(e["category"])))
    frequency = e["frequency"]
    every = _(EVERY[frequency]) if isinstance(frequency, Frequency) else _("on their own days")
    due, came = number(e, "due_count"), number(e, "received_count")
    each = e["each"]
    text = ngettext(
        "{who}: the payment schedule ({every}) had {n} payment in this period, {expected}",
        "{who}: the payment schedule ({every}) had {n} payments in this period, {expected}",
        due).format(who=who, every=every, n=due, expected=money(e, "expected"))
    if isinstance(each, Money) and due > 1:
        text += _(" ({each} each)").format(each=format_money(each.pence))
    text += ngettext("; {n} came in, {received}.", "; {n} came in, {received}.", came).format(
        n=came, received=money(e, "received"))
    if e.money("difference").pence == 0:
        text += " " + _("They match the schedule.")
    elif not e["more"]:
        text += " " + _("That is {amount} less than the schedule: check whether a payment is "
                        "missing.").format(amount=money(e, "difference"))
    else:
        text += " " + _("That is {amount} more than the schedule (an extra or back-dated "
                        "payment).").format(amount=money(e, "difference"))
    if e.money("share") != e.money("expected") and isinstance(frequency, Frequency):
        text += " " + _("The period's share of the funding after your contribution is "
                        "{share}. It differs from the payments because each payment covers "
                        "{stretch} and payment days do not fall on the period's first and "
                        "last days.").format(share=money(e, "share"),
                                             stretch=_(STRETCH[frequency]))
        next_day = e["next_day"]
        if isinstance(next_day, date):
            text += " " + _("The next payment is due on {date}.").format(
                date=format_date(next_day, "long"))
    return text


def _contribution(e: Explanation) -> str:
    weekly = money(e, "weekly")
    values = dict(e.values)
    if "frequency" in values:
        frequency = values["frequency"]
        assert isinstance(frequency, Frequency)
        due, paid = number(e, "due_count"), number(e, "paid_count")
        text = _("Your contribution is {weekly} a week, paid {every} ({instalment} each).").format(
            weekly=weekly, every=_(EVERY[frequency]), instalment=money(e, "instalment"))
        text += " " + ngettext("{n} payment fell due in the period ({expected})",
                               "{n} payments fell due in the period ({expected})", due).format(
            n=due, expected=money(e, "expected"))
        text += ngettext(" and {n} was paid in ({paid}).", " and {n} were paid in ({paid}).",
                         paid).format(n=paid, paid=money(e, "paid"))
        text += " " + _owed(e)
        noise = e.money("noise").pence
        if noise:
            text += " " + _("The day-by-day figure for the period ({pro_rata}) differs by "
                            "{amount} only because the payments and the period's days do not "
                            "line up; it is not money owed.").format(
                pro_rata=money(e, "pro_rata"), amount=format_money(abs(noise)))
        return text
    text = _("Your contribution is {weekly} a week: {pro_rata} for the period, worked out day "
             "by day. {paid} was paid in.").format(weekly=weekly, pro_rata=money(e, "pro_rata"),
                                                   paid=money(e, "paid"))
    return text + " " + _owed(e)


def _owed(e: Explanation) -> str:
    if e.money("owed").pence > 0:
        return _("{owed} is still to pay.").format(owed=money(e, "owed"))
    return _("Nothing is owed.")


def _over_funding(e: Explanation) -> str:
    return _("Money out in the period ({out}) was {over} more than the period's funding "
             "({funding}). The difference came from money already in the account: the "
             "balance went from {opening} to {closing}.").format(
        out=money(e, "out"), over=money(e, "over"), funding=money(e, "funding"),
        opening=money(e, "opening"), closing=money(e, "closing"))


def _uncleared(e: Explanation) -> str:
    lines, in_period = number(e, "lines"), number(e, "in_period")
    if in_period == lines and not e["bank_given"]:
        text = ngettext(
            "The {n} line in this period has not been ticked off against a bank statement "
            "yet, so it is marked * in the list of transactions.",
            "None of the {n} lines in this period has been ticked off against a bank "
            "statement yet, so each is marked * in the list of transactions.", lines).format(
            n=lines)
        return text + " " + _("Tick them off with “Check against statement” on the Money tab, "
                              "or send the bank statements with this return.")
    text = ngettext(
        "{n} of the {lines} lines in this period is not yet on a bank statement: it is "
        "marked * in the list of transactions.",
        "{n} of the {lines} lines in this period are not yet on a bank statement: they are "
        "marked * in the list of transactions.", in_period).format(n=in_period, lines=lines)
    return text + " " + ngettext(
        "With earlier ones, {n} item ({total}) is not yet on a bank statement.",
        "With earlier ones, {n} items ({total}) are not yet on a bank statement.",
        number(e, "count")).format(n=number(e, "count"), total=money(e, "total"))


BASIS_WORDS = {LimitBasis.GROSS: N_("the whole weekly budget"),
               LimitBasis.NET: N_("the weekly amount it pays in, after your contribution")}


def _limit(e: Explanation) -> str:
    weeks = number(e, "weeks")
    basis = e["basis"]
    assert isinstance(basis, LimitBasis)
    text = ngettext(
        "The rules allow {weeks} week of {basis} ({weekly} a week): {allowed}.",
        "The rules allow {weeks} weeks of {basis} ({weekly} a week): {allowed}.", weeks).format(
        weeks=weeks, basis=_(BASIS_WORDS[basis]), weekly=money(e, "weekly"),
        allowed=money(e, "allowed"))
    text += " " + _("With what is still owed ({owed}) the account may hold {kept}.").format(
        owed=money(e, "owed"), kept=money(e, "kept"))
    if e.money("surplus").pence > 0:
        return text + " " + _("The balance at the end of the period is {closing}, so the "
                              "surplus is {surplus}.").format(closing=money(e, "closing"),
                                                              surplus=money(e, "surplus"))
    return text + " " + _("The balance at the end of the period is {closing}, so there is no "
                          "surplus.").format(closing=money(e, "closing"))


def _no_limit(e: Explanation) -> str:
    text = _("The rules used publish no weeks limit, so no surplus is worked out.")
    weeks = number(e, "contingency_weeks")
    if weeks:
        text += " " + ngettext("They allow {n} week's contingency.",
                               "They allow {n} weeks' contingency.", weeks).format(n=weeks)
    return text


def _below_minimum(e: Explanation) -> str:
    return ngettext(
        "The balance at the end of the period ({closing}) is {short} below the {weeks} week "
        "({minimum}) the council expects you to keep.",
        "The balance at the end of the period ({closing}) is {short} below the {weeks} weeks "
        "({minimum}) the council expects you to keep.", number(e, "weeks")).format(
        closing=money(e, "closing"), short=money(e, "short"), weeks=number(e, "weeks"),
        minimum=money(e, "minimum"))


def _provider(e: Explanation) -> str:
    values = {"name": e["name"], "difference": money(e, "difference"),
              "paid": money(e, "paid"), "delivered": money(e, "delivered")}
    if e["more"]:
        return _("{name} was paid {difference} more than the care delivered was worth "
                 "({paid} paid, {delivered} delivered). It may be holiday pay, a payment in "
                 "advance or a bill to check.").format(**values)
    return _("{name} was paid {difference} less than the care delivered was worth ({paid} "
             "paid, {delivered} delivered): a bill may still be to pay.").format(**values)


SENTENCES: dict[str, Callable[[Explanation], str]] = {
    "payments": _payments, "contribution": _contribution, "over_funding": _over_funding,
    "uncleared": _uncleared, "limit": _limit, "no_limit": _no_limit,
    "below_minimum": _below_minimum, "provider": _provider,
}


# --- evidence --------------------------------------------------------------------------------

CHECK_STATES = {"ok": N_("Attached"), "missing": N_("Missing"), "note": N_("To do")}


def check_text(item: CheckItem) -> str:
    kind, n, whose = item.kind, item.count, item.whose
    ok = item.state == "ok"
    if kind is DocumentKind.RECEIPT:
        return _("Every payment in the period has a receipt or invoice.") if ok else ngettext(
            "{n} payment in the period has no receipt or invoice.",
            "{n} payments in the period have no receipt or invoice.", n).format(n=n)
    if kind is DocumentKind.BANK_STATEMENT:
        if ok:
            return _("Bank statements cover the whole period.")
        gaps = "; ".join(_("{start} to {end}").format(start=format_date(a), end=format_date(b))
                         for a, b in item.gaps)
        return _("No bank statement for {days}.").format(days=gaps)
    if kind is DocumentKind.INSURANCE_CERTIFICATE:
        day = format_date(item.on, "long") if item.on else ""
        return (_("Employer's liability insurance certificate covering {date}.") if ok
                else _("No employer's liability insurance certificate covering {date}.")
                ).format(date=day)
    if kind is DocumentKind.MONITORING_FORM:
        return _("Fill in the council's own monitoring form as well: this return gives the "
                 "figures it asks for.")
    if kind is DocumentKind.PAYSLIP:
        return (ngettext("{name}: {n} payslip copy attached ({recorded} recorded).",
                         "{name}: {n} payslip copies attached ({recorded} recorded).", n)
                if ok else _("{name}: no payslip copies attached ({recorded} payslips recorded "
                             "in CareLedger).")).format(name=whose, n=n, recorded=item.recorded)
    if kind is DocumentKind.TIMESHEET:
        return (ngettext("{name}: {n} timesheet attached.", "{name}: {n} timesheets attached.",
                         n) if ok else _("{name}: no timesheets attached (the hours in this "
                                         "return come from Care received).")).format(
            name=whose, n=n)
    if kind is DocumentKind.DBS_CERTIFICATE:
        return (_("{name}: DBS certificate attached.") if ok
                else _("{name}: no DBS certificate attached.")).format(name=whose)
    if kind is DocumentKind.CONTRACT:
        return (_("{name}: contract attached.") if ok
                else _("{name}: no contract attached.")).format(name=whose)
    what = _(KIND_NAMES[kind])
    return (ngettext("{what}: {n} attached.", "{what}: {n} attached.", n) if ok
            else _("{what}: none attached.")).format(what=what, n=n)


def records_text(s: Statement) -> str:
    years = s.rule.records_years
    if years is None:
        return _("Keep the records and documents until the council says you need not.")
    return ngettext("Keep these records for at least {n} year: the council asks this.",
                    "Keep these records for at least {n} years: the council asks this.",
                    years).format(n=years)


def document_text(doc: FiledDocument) -> str:
    """What a document is for: “Receipt for the payment of £246.62 to Jo Evans (PA) on 7 Jun
    2026”, “Bank statement for Care account, 1 Jun 2026 to 30 Jun 2026”."""
    kind = _(KIND_NAMES[doc.kind])
    if doc.subject is Subject.ENTRY:
        amount = doc.amount_pence or 0
        words = (_("{kind} for the payment of {amount} to {payee} on {date}") if amount < 0
                 else _("{kind} for {amount} paid in by {payee} on {date}"))
        return words.format(kind=kind, amount=format_money(abs(amount)), payee=doc.subject_name,
                            date=format_date(doc.on) if doc.on else "")
    owner = doc.subject_name or _("the profile")
    start, end = doc.dates.start, doc.dates.end
    if start and end:
        when = _("{start} to {end}").format(start=format_date(start), end=format_date(end))
    elif start:
        when = _("from {start}").format(start=format_date(start))
    elif end:
        when = _("until {end}").format(end=format_date(end))
    else:
        return _("{kind} for {owner}").format(kind=kind, owner=owner)
    return _("{kind} for {owner}, {when}").format(kind=kind, owner=owner, when=when)
