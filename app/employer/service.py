"""Use cases for employing PAs: records and rates, payslips and the payments against them, the
employer's details, and the checks. Each public method is one unit of work (one event)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.domain.audit import Cause
from app.domain.chosen_providers import ProviderKind, payee_key
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.domain.providers import Source
from app.employer.checks import CheckInputs, Finding, check_all, due
from app.employer.owed import DerivedOwed, allocate, derived_owed
from app.employer.records import (
    PA,
    PART_CATEGORY,
    PART_LABELS,
    EmployerDetails,
    PADraft,
    Part,
    Payslip,
    PayslipDraft,
    RateKind,
    period_start_for,
    validate_pa,
    validate_payslip,
)
from app.employer.rules import EmployerRules, employer_rules
from app.i18n import _, format_money
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore
from app.store.repos import Repos
from app.store.repos.employer import unlinked_payments

if TYPE_CHECKING:
    from app.statements.model import EmployerInputs
    from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

WAGES_AFTER = timedelta(days=21)  # a wages payment this long after a period's end still matches


class PANotFound(DomainError):
    pass


@dataclass(frozen=True)
class LinkResult:
    entry_id: int
    part: Part
    paid: Money  # the payment, a positive figure
    set_against: tuple[tuple[int, Money], ...]  # (payslip id, amount)
    left_over: Money  # more than the payslips chosen still had owed


def _pa_fields(d: PADraft) -> dict[str, Any]:
    return {"hours_week_minutes": d.hours_week_minutes,
            "born": d.born.text() if d.born else "", "apprentice": d.apprentice,
            "dbs_checked": d.dbs_checked, "dbs_renewal": d.dbs_renewal,
            "right_to_work_checked": d.right_to_work_checked,
            "right_to_work_expires": d.right_to_work_expires,
            "payroll_ref": d.payroll_ref.strip(), "pay_frequency": d.pay_frequency.value,
            "pension_status": d.pension_status.value, "leave_year_start": d.leave_year_start}


def _provider_fields(d: PADraft) -> dict[str, Any]:
    return {"name": d.name.strip(), "payee_name": (d.payee_name or d.name).strip(),
            "start_date": d.start, "end_date": d.end, "kind": ProviderKind.PA.value,
            "agreed_hourly_rate": d.rate}


def _slip_fields(d: PayslipDraft, start: date) -> dict[str, Any]:
    return {"pa_id": d.pa_id, "period_start": start, "period_end": d.period_end,
            "gross": d.gross, "tax": d.tax, "employee_ni": d.employee_ni,
            "employer_ni": d.employer_ni, "employee_pension": d.employee_pension,
            "employer_pension": d.employer_pension, "hours_minutes": d.hours_minutes,
            "holiday_minutes": d.holiday_minutes, "note": d.note.strip()}


def _found(repos: Repos, pa_id: int) -> PA:
    pa = repos.employer.get(pa_id)
    if pa is None:
        raise PANotFound(_("That PA is not in your records."))
    return pa


def _set_rate(repos: Repos, writer: Writer, pa_id: int, kind: RateKind, start: date,
              hourly: Money | None) -> None:
    if hourly is None:
        return
    existing = repos.employer.rate_id(pa_id, kind, start)
    if existing is None:
        writer.insert("pa_rate", {"pa_id": pa_id, "kind": kind.value, "start_date": start,
                                  "hourly": hourly})
    else:
        writer.update("pa_rate", (existing,), {"hourly": hourly})


class EmployerService:
    def __init__(self, store: ProfileStore, rules: EmployerRules | None = None) -> None:
        self.store = store
        self.rules = rules or employer_rules()

    # --- PA records -------------------------------------------------------------------------

    def add(self, draft: PADraft) -> PA:
        """A new PA: their "My providers" record (of kind pa; an existing one of that name
        without a PA record is used rather than a second one), the record and rates."""
        d = validate_pa(draft)
        with self.store.write(Cause("add")) as (repos, writer):
            provider_id = self._provider_for(repos, writer, d)
            pa_id = writer.insert("personal_assistant",
                                  {"provider_id": provider_id, **_pa_fields(d)})
            for kind, rate in ((RateKind.STANDARD, d.rate), (RateKind.NIGHT, d.night_rate),
                               (RateKind.BANK_HOLIDAY, d.bank_holiday_rate)):
                _set_rate(repos, writer, pa_id, kind, d.start, rate)
            return _found(repos, pa_id)

    def _provider_for(self, repos: Repos, writer: Writer, d: PADraft) -> int:
        key = payee_key(d.name)
        for provider in repos.providers.all():
            if provider.kind is ProviderKind.PA and payee_key(provider.name) == key:
                if repos.employer.id_of_provider(provider.id) is not None:
                    raise ValidationError("name", _(
                        "{name} is already in your PA records. Change their record instead."
                    ).format(name=provider.name))
                writer.update("chosen_provider", (provider.id,), _provider_fields(d))
                return provider.id
        return writer.insert("chosen_provider", {
            **_provider_fields(d), "source": Source.MANUAL.value, "source_id": "",
            "postcode": "", "notes": "", "own_rating": None, "created_at": now_utc()})

    def change(self, pa_id: int, draft: PADraft, rates_from: date | None = None) -> PA:
        """Change a PA's record. Rates that differ from those in force on `rates_from`
        (default: the start date) become new rates from that day; earlier rates stay."""
        d = validate_pa(draft)
        with self.store.write(Cause("change")) as (repos, writer):
            pa = _found(repos, pa_id)
            writer.update("chosen_provider", (pa.provider_id,), _provider_fields(d))
            writer.update("personal_assistant", (pa_id,), _pa_fields(d))
            since = rates_from or d.start
            for kind, rate in ((RateKind.STANDARD, d.rate), (RateKind.NIGHT, d.night_rate),
                               (RateKind.BANK_HOLIDAY, d.bank_holiday_rate)):
                if rate is not None and rate != pa.rate_on(since, kind):
                    _set_rate(repos, writer, pa_id, kind, since, rate)
            current = _found(repos, pa_id).rate_on(max(date.today(), d.start))
            writer.update("chosen_provider", (pa.provider_id,), {"agreed_hourly_rate": current})
            return _found(repos, pa_id)

    def end(self, pa_id: int, on: date) -> PA:
        """Their last day of work; their records, payslips and payments stay."""
        pa = self.get(pa_id)
        return self.change(pa_id, replace(pa.draft, end=on), rates_from=pa.start)

    def remove(self, pa_id: int) -> None:
        """Take away a PA record made by mistake (with its rates). A PA with payslips was
        employed: their record must stay, so they are refused (end the employment instead).
        Their My providers entry stays, as do payments to them."""
        with self.store.write(Cause("delete")) as (repos, writer):
            pa = _found(repos, pa_id)
            if repos.employer.payslips(pa_id, None, None):
                raise DomainError(_(
                    "{name} has payslips, so their record must be kept. Record their last "
                    "day instead (End employment).").format(name=pa.name))
            writer.delete("personal_assistant", (pa_id,))

    def get(self, pa_id: int) -> PA:
        with self.store.read() as repos:
            return _found(repos, pa_id)

    def pas(self, on: date | None = None) -> list[PA]:
        with self.store.read() as repos:
            records = repos.employer.pas()
        return [pa for pa in records if on is None or pa.employed_on(on)]

    def find(self, name: str) -> PA:
        """The PA of that name (or payee name)."""
        with self.store.read() as repos:
            found = repos.employer.by_name(name)
        if not found:
            raise PANotFound(_("No PA called {name} in your records. Add them with "
                               "careledger pa add.").format(name=name))
        return found[0]

    # --- the employer -----------------------------------------------------------------------

    def employer(self) -> EmployerDetails:
        with self.store.read() as repos:
            return repos.employer.employer()[1]

    def set_employer(self, details: EmployerDetails) -> EmployerDetails:
        if details.dbs_renew_months is not None and not 1 <= details.dbs_renew_months <= 120:
            raise ValidationError("dbs", _("Give the council's DBS renewal rule in months, "
                                           "from 1 to 120 (36 is every three years)."))
        values = {k: getattr(details, k) for k in (
            "insurer", "policy_number", "insurance_renewal", "dbs_renew_months",
            "duties_start", "last_re_enrolment", "paye_reference")}
        with self.store.write(Cause("change")) as (repos, writer):
            row_id, _old = repos.employer.employer()
            if row_id is None:
                writer.insert("employer", values)
            else:
                writer.update("employer", (row_id,), values)
            return repos.employer.employer()[1]

    # --- payslips ---------------------------------------------------------------------------

    def add_payslip(self, draft: PayslipDraft) -> Payslip:
        """Record a payslip; a wages payment to the PA of exactly its net pay, dated near its
        period's end and not yet linked, is linked to it at once."""
        d = validate_payslip(draft)
        with self.store.write(Cause("add")) as (repos, writer):
            pa = _found(repos, d.pa_id)
            start = d.period_start or period_start_for(d.period_end, pa.draft.pay_frequency)
            slip_id = writer.insert("payslip", {**_slip_fields(d, start), "source": "hand"})
            self._match_wages(repos, writer, pa, slip_id, d)
            return self._slip(repos, slip_id)

    def add_payslips(self, drafts: list[PayslipDraft]) -> list[int]:
        """Many payslips in one unit of work (the demo, an import)."""
        ids = []
        with self.store.write(Cause("add")) as (repos, writer):
            pas = {pa.id: pa for pa in repos.employer.pas()}
            for draft in drafts:
                d = validate_payslip(draft)
                pa = pas.get(d.pa_id)
                if pa is None:
                    raise PANotFound(_("That PA is not in your records."))
                start = d.period_start or period_start_for(d.period_end,
                                                           pa.draft.pay_frequency)
                slip_id = writer.insert("payslip", {**_slip_fields(d, start), "source": "hand"})
                self._match_wages(repos, writer, pa, slip_id, d)
                ids.append(slip_id)
        return ids

    def _match_wages(self, repos: Repos, writer: Writer, pa: PA, slip_id: int,
                     d: PayslipDraft) -> None:
        names = {payee_key(pa.name), payee_key(pa.draft.payee_name)}
        for entry_id, _on, amount, payee in unlinked_payments(
                repos.conn, PART_CATEGORY[Part.WAGES], d.period_end - timedelta(days=3),
                d.period_end + WAGES_AFTER):
            if -amount == d.net and payee_key(payee) in names:
                writer.insert("payslip_payment", {"entry_id": entry_id, "payslip_id": slip_id,
                                                  "part": Part.WAGES.value, "amount": d.net})
                return

    def change_payslip(self, payslip_id: int, draft: PayslipDraft) -> Payslip:
        d = validate_payslip(draft)
        with self.store.write(Cause("change")) as (repos, writer):
            old = self._slip(repos, payslip_id)
            pa = _found(repos, d.pa_id)
            for part in Part:
                if old.paid.get(part, Money(0)) > d.part(part):
                    raise ValidationError("amount", _(
                        "{paid} has already been paid against this payslip for {part}: unlink "
                        "that payment first.").format(
                        paid=format_money(old.paid[part].pence), part=_(PART_LABELS[part])))
            start = d.period_start or period_start_for(d.period_end, pa.draft.pay_frequency)
            writer.update("payslip", (payslip_id,), _slip_fields(d, start))
            return self._slip(repos, payslip_id)

    def delete_payslip(self, payslip_id: int) -> None:
        with self.store.write(Cause("delete")) as (repos, writer):
            self._slip(repos, payslip_id)
            writer.delete("payslip", (payslip_id,))

    def payslips(self, pa_id: int | None = None, start: date | None = None,
                 end: date | None = None) -> list[Payslip]:
        with self.store.read() as repos:
            return repos.employer.payslips(pa_id, start, end)

    @staticmethod
    def _slip(repos: Repos, payslip_id: int) -> Payslip:
        slip = repos.employer.payslip(payslip_id)
        if slip is None:
            raise DomainError(_("That payslip is no longer in your records."))
        return slip

    # --- payments set against payslips ------------------------------------------------------

    def link_payment(self, entry_id: int, part: Part, payslip_ids: list[int] | None = None
                     ) -> LinkResult:
        """Set a payment (money out) against payslips for wages, HMRC or pension: oldest
        first, each up to what it still has owed. Without payslip ids: every payslip with
        that part owed whose period ended by the payment's date (for wages, only the PA the
        payment is to). Replaces any earlier linking of that payment."""
        with self.store.write(Cause("link")) as (repos, writer):
            entry = repos.entries.get(entry_id)
            if entry is None or entry.amount.pence >= 0:
                raise DomainError(_("Choose a payment (money out) to set against payslips."))
            writer.delete_where("payslip_payment", "entry_id", entry_id)
            slips = self._candidates(repos, entry.on, entry.payee, part, payslip_ids)
            pairs, left = allocate(-entry.amount, slips, part)
            for slip_id, amount in pairs:
                writer.insert("payslip_payment", {"entry_id": entry_id, "payslip_id": slip_id,
                                                  "part": part.value, "amount": amount})
        return LinkResult(entry_id, part, -entry.amount, tuple(pairs), left)

    @staticmethod
    def _candidates(repos: Repos, on: date, payee: str, part: Part,
                    payslip_ids: list[int] | None) -> list[Payslip]:
        slips = repos.employer.payslips()
        if payslip_ids:
            chosen = [s for s in slips if s.id in set(payslip_ids)]
            if len(chosen) != len(set(payslip_ids)):
                raise DomainError(_("One of those payslips is not in your records."))
            return chosen
        slips = [s for s in slips if s.draft.period_end <= on and s.outstanding(part).pence > 0]
        if part is Part.WAGES:
            ids = {pa.id for pa in repos.employer.by_name(payee)}
            slips = [s for s in slips if s.draft.pa_id in ids]
        return slips

    def owed(self, day: date) -> DerivedOwed:
        with self.store.read() as repos:
            return derived_owed(repos.employer.payslips(end=day),
                                repos.employer.allocations(day), day)

    # --- checks -----------------------------------------------------------------------------

    def checks(self, on: date, since: date | None = None) -> list[Finding]:
        """Every check: for the PAs employed on `on` (or, with `since`, at any time in the
        period since then), and the employer's own duties."""
        with self.store.read() as repos:
            inputs = check_inputs(repos, self.rules, (since or on) - timedelta(days=400), on)
        return check_all(inputs, on, since)

    def reminders(self, on: date) -> list[Finding]:
        """What needs doing now: failed checks and reminders coming due."""
        return due(self.checks(on))


def check_inputs(repos: Repos, rules: EmployerRules, start: date | None = None,
                 end: date | None = None) -> CheckInputs:
    """Everything the checks read, in one snapshot (shifts from start to end)."""
    pas = repos.employer.pas()
    slips: dict[int, list[Payslip]] = {}
    for slip in repos.employer.payslips():
        slips.setdefault(slip.draft.pa_id, []).append(slip)
    return CheckInputs(pas, slips, repos.employer.employer()[1], rules,
                       repos.employer.worked(pas, start, end))


def statement_inputs(repos: Repos, rules: EmployerRules, start: date, end: date
                     ) -> EmployerInputs | None:
    """The employer section's records for a return period: None when no PA is on record."""
    # Imported here: the PA reminders on the Money tab need this module, not the statements.
    from app.statements.model import EmployerCheck, EmployerInputs

    inputs = check_inputs(repos, rules, start - timedelta(days=400), end)
    if not inputs.pas:
        return None
    rows = []
    for pa in inputs.pas:
        slips = [s for s in inputs.payslips.get(pa.id, []) if start <= s.draft.period_end <= end]
        worked = sum(m for d, m, _r in inputs.worked_minutes.get(pa.id, []) if start <= d <= end)
        if not slips and not worked and not (pa.start <= end and (pa.end or end) >= start):
            continue
        sums = tuple(Money(sum(getattr(s.draft, f).pence for s in slips)) for f in (
            "gross", "tax", "employee_ni", "employer_ni", "employee_pension",
            "employer_pension"))
        rows.append((pa.name, sums, len(slips), worked))
    findings = check_all(inputs, end, since=start)
    checks = tuple(EmployerCheck(f.pa, f.topic.value, f.state.value, f.text, f.action,
                                 f.source.title, f.source.url) for f in findings)
    details = inputs.employer
    return EmployerInputs(tuple(rows), checks, details.insurer, details.policy_number,  # type: ignore[arg-type]
                          details.insurance_renewal)
