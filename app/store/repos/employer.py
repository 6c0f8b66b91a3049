"""Employing PAs: PA records with their dated rates, payslips with what was paid against them,
the employer's details, and each PA's shifts from the services log."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from app.domain.chosen_providers import payee_key
from app.domain.money import Money
from app.employer.owed import Allocation
from app.employer.records import (
    PA,
    Born,
    EmployerDetails,
    PADraft,
    Part,
    PayFrequency,
    PayRate,
    Payslip,
    PayslipDraft,
    PensionStatus,
    RateKind,
)
from app.store.models import entry_table
from app.store.models_bank import service_log_table
from app.store.models_employer import (
    employer_table,
    pa_rate_table,
    payslip_payment_table,
    payslip_table,
    personal_assistant_table,
)
from app.store.models_register import chosen_provider_table

A = personal_assistant_table
R = pa_rate_table
S = payslip_table
L = payslip_payment_table
E = employer_table
P = chosen_provider_table
N = entry_table
V = service_log_table

_PA = (A.c.id, A.c.provider_id, P.c.name, P.c.payee_name, P.c.start_date, P.c.end_date,
       A.c.hours_week_minutes, A.c.born, A.c.apprentice, A.c.dbs_checked, A.c.dbs_renewal,
       A.c.right_to_work_checked, A.c.right_to_work_expires, A.c.payroll_ref,
       A.c.pay_frequency, A.c.pension_status, A.c.leave_year_start)
_SLIP = (S.c.id, S.c.pa_id, S.c.period_start, S.c.period_end, S.c.gross, S.c.tax,
         S.c.employee_ni, S.c.employer_ni, S.c.employee_pension, S.c.employer_pension,
         S.c.hours_minutes, S.c.holiday_minutes, S.c.note)


def _rate_of(rates: list[PayRate], kind: RateKind) -> Money | None:
    mine = [r for r in rates if r.kind is kind]
    return mine[-1].hourly if mine else None


def _pa(row: Any, rates: list[PayRate]) -> PA:
    (pid, provider_id, name, payee, start, end, hours, born, apprentice, dbs, dbs_renewal,
     rtw, rtw_expires, payroll_ref, frequency, pension, leave_year) = row
    standard = [r for r in rates if r.kind is RateKind.STANDARD]
    draft = PADraft(
        name=name, start=start, rate=standard[0].hourly if standard else Money(0),
        hours_week_minutes=hours, born=Born.parse(born) if born else None,
        dbs_checked=dbs, dbs_renewal=dbs_renewal, right_to_work_checked=rtw,
        right_to_work_expires=rtw_expires, payroll_ref=payroll_ref,
        pay_frequency=PayFrequency(frequency), pension_status=PensionStatus(pension),
        leave_year_start=leave_year, apprentice=bool(apprentice), payee_name=payee,
        night_rate=_rate_of(rates, RateKind.NIGHT),
        bank_holiday_rate=_rate_of(rates, RateKind.BANK_HOLIDAY), end=end)
    return PA(pid, provider_id, draft, tuple(rates))


def _slip(row: Any, paid: dict[Part, Money]) -> Payslip:
    (sid, pa_id, start, end, gross, tax, ee_ni, er_ni, ee_pension, er_pension, hours,
     holiday, note) = row
    draft = PayslipDraft(pa_id, end, gross, tax, ee_ni, er_ni, ee_pension, er_pension, start,
                         hours, holiday, note)
    return Payslip(sid, draft, start, paid)


class EmployerRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # --- PAs --------------------------------------------------------------------------------

    def _rates(self) -> dict[int, list[PayRate]]:
        rates: dict[int, list[PayRate]] = defaultdict(list)
        for pa_id, kind, start, hourly in self.conn.execute(
                select(R.c.pa_id, R.c.kind, R.c.start_date, R.c.hourly)
                .order_by(R.c.pa_id, R.c.start_date, R.c.id)):
            rates[pa_id].append(PayRate(RateKind(kind), start, hourly))
        return rates

    def pas(self) -> list[PA]:
        rates = self._rates()
        rows = self.conn.execute(select(*_PA).join(P, P.c.id == A.c.provider_id)
                                 .order_by(func.lower(P.c.name), A.c.id))
        return [_pa(row, rates.get(row[0], [])) for row in rows]

    def get(self, pa_id: int) -> PA | None:
        return next((pa for pa in self.pas() if pa.id == pa_id), None)

    def by_name(self, name: str) -> list[PA]:
        key = payee_key(name)
        return [pa for pa in self.pas()
                if key in (payee_key(pa.name), payee_key(pa.draft.payee_name))]

    def id_of_provider(self, provider_id: int) -> int | None:
        value: int | None = self.conn.execute(
            select(A.c.id).where(A.c.provider_id == provider_id)).scalar()
        return value

    def rate_id(self, pa_id: int, kind: RateKind, start: date) -> int | None:
        value: int | None = self.conn.execute(select(R.c.id).where(
            R.c.pa_id == pa_id, R.c.kind == kind.value, R.c.start_date == start)).scalar()
        return value

    # --- payslips and payments --------------------------------------------------------------

    def allocations(self, up_to: date | None = None) -> list[Allocation]:
        query = (select(L.c.entry_id, N.c.on, L.c.payslip_id, L.c.part, L.c.amount)
                 .join(N, N.c.id == L.c.entry_id).order_by(N.c.on, L.c.entry_id))
        if up_to is not None:
            query = query.where(N.c.on <= up_to)
        return [Allocation(e, on, s, Part(part), amount)
                for e, on, s, part, amount in self.conn.execute(query)]

    def payslips(self, pa_id: int | None = None, start: date | None = None,
                 end: date | None = None) -> list[Payslip]:
        """Payslips by period end (oldest first), each with what has been paid against it."""
        paid: dict[int, dict[Part, Money]] = defaultdict(dict)
        for a in self.allocations():
            paid[a.payslip_id][a.part] = paid[a.payslip_id].get(a.part, Money(0)) + a.amount
        query = select(*_SLIP).order_by(S.c.period_end, S.c.id)
        if pa_id is not None:
            query = query.where(S.c.pa_id == pa_id)
        if start is not None:
            query = query.where(S.c.period_end >= start)
        if end is not None:
            query = query.where(S.c.period_end <= end)
        return [_slip(row, paid.get(row[0], {})) for row in self.conn.execute(query)]

    def payslip(self, payslip_id: int) -> Payslip | None:
        return next((s for s in self.payslips() if s.id == payslip_id), None)

    def latest_period_end(self, up_to: date) -> date | None:
        """The end of the latest pay period that had ended by `up_to`."""
        value: date | None = self.conn.execute(
            select(func.max(S.c.period_end)).where(S.c.period_end <= up_to)).scalar()
        return value

    def linked_to_entry(self, entry_id: int) -> list[tuple[int, Part, Money]]:
        return [(s, Part(p), m) for s, p, m in self.conn.execute(
            select(L.c.payslip_id, L.c.part, L.c.amount).where(L.c.entry_id == entry_id))]

    # --- the employer and the timesheets ----------------------------------------------------

    def employer(self) -> tuple[int | None, EmployerDetails]:
        row = self.conn.execute(select(
            E.c.id, E.c.insurer, E.c.policy_number, E.c.insurance_renewal, E.c.dbs_renew_months,
            E.c.duties_start, E.c.last_re_enrolment, E.c.paye_reference)
            .order_by(E.c.id).limit(1)).first()
        if row is None:
            return None, EmployerDetails()
        return row[0], EmployerDetails(*row[1:])

    def worked(self, pas: list[PA], start: date | None = None, end: date | None = None
               ) -> dict[int, list[tuple[date, int, int]]]:
        """Each PA's shifts from the services log: (day, minutes delivered, rate logged), by
        the visit's provider link, else by name."""
        by_provider = {pa.provider_id: pa.id for pa in pas}
        by_name = {}
        for pa in pas:
            by_name[payee_key(pa.name)] = pa.id
            by_name.setdefault(payee_key(pa.draft.payee_name), pa.id)
        query = select(V.c.on, V.c.chosen_provider_id, V.c.provider_name,
                       V.c.delivered_minutes, V.c.rate_pence).order_by(V.c.on, V.c.id)
        if start is not None:
            query = query.where(V.c.on >= start)
        if end is not None:
            query = query.where(V.c.on <= end)
        found: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
        for on, provider_id, name, minutes, rate in self.conn.execute(query):
            pa_id = by_provider.get(provider_id) if provider_id is not None else None
            pa_id = pa_id or by_name.get(payee_key(name))
            if pa_id is not None:
                found[pa_id].append((on, int(minutes), int(rate)))
        return dict(found)


def unlinked_payments(conn: Connection, category: str, start: date, end: date
                      ) -> list[tuple[int, date, Money, str]]:
    """Money out of a category from start to end not yet set against any payslip."""
    linked = select(L.c.entry_id)
    rows = conn.execute(
        select(N.c.id, N.c.on, N.c.amount, N.c.payee)
        .where(N.c.category_code == category, N.c.on >= start, N.c.on <= end,
               N.c.id.not_in(linked)).order_by(N.c.on, N.c.id))
    return [(i, on, amount, payee) for i, on, amount, payee in rows if amount.pence < 0]
