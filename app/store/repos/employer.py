"""Employing PAs: PA records with their dated rates, payslips with what was paid against them,
the employer's details, and each PA's shifts from the services log."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

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
from app.store.sql import Connection, day, first, maybe_day, money, rows, scalar

_PA = ("SELECT a.id, a.provider_id, p.name, p.payee_name, p.start_date, p.end_date, "
       "a.hours_week_minutes, a.born, a.apprentice, a.dbs_checked, a.dbs_renewal, "
       "a.right_to_work_checked, a.right_to_work_expires, a.payroll_ref, a.pay_frequency, "
       "a.pension_status, a.leave_year_start FROM personal_assistant a "
       "JOIN chosen_provider p ON p.id = a.provider_id ORDER BY lower(p.name), a.id")
_SLIP = ("SELECT id, pa_id, period_start, period_end, gross, tax, employee_ni, employer_ni, "
         "employee_pension, employer_pension, hours_minutes, holiday_minutes, note FROM payslip")


def _rate_of(rates: list[PayRate], kind: RateKind) -> Money | None:
    mine = [r for r in rates if r.kind is kind]
    return mine[-1].hourly if mine else None


def _pa(row: Any, rates: list[PayRate]) -> PA:
    (pid, provider_id, name, payee, start, end, hours, born, apprentice, dbs, dbs_renewal,
     rtw, rtw_expires, payroll_ref, frequency, pension, leave_year) = row
    standard = [r for r in rates if r.kind is RateKind.STANDARD]
    draft = PADraft(
        name=name, start=day(start), rate=standard[0].hourly if standard else Money(0),
        hours_week_minutes=hours, born=Born.parse(born) if born else None,
        dbs_checked=maybe_day(dbs), dbs_renewal=maybe_day(dbs_renewal),
        right_to_work_checked=maybe_day(rtw), right_to_work_expires=maybe_day(rtw_expires),
        payroll_ref=payroll_ref, pay_frequency=PayFrequency(frequency),
        pension_status=PensionStatus(pension), leave_year_start=maybe_day(leave_year),
        apprentice=bool(apprentice), payee_name=payee,
        night_rate=_rate_of(rates, RateKind.NIGHT),
        bank_holiday_rate=_rate_of(rates, RateKind.BANK_HOLIDAY), end=maybe_day(end))
    return PA(pid, provider_id, draft, tuple(rates))


def _slip(row: Any, paid: dict[Part, Money]) -> Payslip:
    (sid, pa_id, start, end, gross, tax, ee_ni, er_ni, ee_pension, er_pension, hours,
     holiday, note) = row
    draft = PayslipDraft(pa_id, day(end), money(gross), money(tax), money(ee_ni), money(er_ni),
                         money(ee_pension), money(er_pension), day(start), hours, holiday, note)
    return Payslip(sid, draft, day(start), paid)


class EmployerRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # --- PAs --------------------------------------------------------------------------------

    def _rates(self) -> dict[int, list[PayRate]]:
        rates: dict[int, list[PayRate]] = defaultdict(list)
        for pa_id, kind, start, hourly in rows(
                self.conn, "SELECT pa_id, kind, start_date, hourly FROM pa_rate "
                           "ORDER BY pa_id, start_date, id"):
            rates[pa_id].append(PayRate(RateKind(kind), day(start), money(hourly)))
        return rates

    def pas(self) -> list[PA]:
        rates = self._rates()
        return [_pa(row, rates.get(row[0], [])) for row in rows(self.conn, _PA)]

    def get(self, pa_id: int) -> PA | None:
        return next((pa for pa in self.pas() if pa.id == pa_id), None)

    def by_name(self, name: str) -> list[PA]:
        key = payee_key(name)
        return [pa for pa in self.pas()
                if key in (payee_key(pa.name), payee_key(pa.draft.payee_name))]

    def id_of_provider(self, provider_id: int) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM personal_assistant "
                                              "WHERE provider_id = ?", (provider_id,))
        return value

    def rate_id(self, pa_id: int, kind: RateKind, start: date) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM pa_rate WHERE pa_id = ? "
                                              "AND kind = ? AND start_date = ?",
                                   (pa_id, kind.value, start.isoformat()))
        return value

    # --- payslips and payments --------------------------------------------------------------

    def allocations(self, up_to: date | None = None) -> list[Allocation]:
        sql = ('SELECT l.entry_id, n."on", l.payslip_id, l.part, l.amount '
               "FROM payslip_payment l JOIN entry n ON n.id = l.entry_id")
        params: tuple[Any, ...] = ()
        if up_to is not None:
            sql += ' WHERE n."on" <= ?'
            params = (up_to.isoformat(),)
        return [Allocation(e, day(on), s, Part(part), money(amount))
                for e, on, s, part, amount in rows(
                    self.conn, sql + ' ORDER BY n."on", l.entry_id', params)]

    def payslips(self, pa_id: int | None = None, start: date | None = None,
                 end: date | None = None) -> list[Payslip]:
        """Payslips by period end (oldest first), each with what has been paid against it."""
        paid: dict[int, dict[Part, Money]] = defaultdict(dict)
        for a in self.allocations():
            paid[a.payslip_id][a.part] = paid[a.payslip_id].get(a.part, Money(0)) + a.amount
        sql = _SLIP + " WHERE 1"
        params: list[Any] = []
        if pa_id is not None:
            sql += " AND pa_id = ?"
            params.append(pa_id)
        if start is not None:
            sql += " AND period_end >= ?"
            params.append(start.isoformat())
        if end is not None:
            sql += " AND period_end <= ?"
            params.append(end.isoformat())
        return [_slip(row, paid.get(row[0], {}))
                for row in rows(self.conn, sql + " ORDER BY period_end, id", params)]

    def payslip(self, payslip_id: int) -> Payslip | None:
        return next((s for s in self.payslips() if s.id == payslip_id), None)

    def latest_period_end(self, up_to: date) -> date | None:
        """The end of the latest pay period that had ended by `up_to`."""
        return maybe_day(scalar(self.conn, "SELECT max(period_end) FROM payslip "
                                           "WHERE period_end <= ?", (up_to.isoformat(),)))

    def linked_to_entry(self, entry_id: int) -> list[tuple[int, Part, Money]]:
        return [(s, Part(p), money(m)) for s, p, m in rows(
            self.conn, "SELECT payslip_id, part, amount FROM payslip_payment WHERE entry_id = ?",
            (entry_id,))]

    # --- the employer and the timesheets ----------------------------------------------------

    def employer(self) -> tuple[int | None, EmployerDetails]:
        row = first(self.conn, "SELECT id, insurer, policy_number, insurance_renewal, "
                               "dbs_renew_months, duties_start, last_re_enrolment, "
                               "paye_reference FROM employer ORDER BY id LIMIT 1")
        if row is None:
            return None, EmployerDetails()
        eid, insurer, policy, renewal, dbs_months, duties, re_enrolment, paye = row
        return eid, EmployerDetails(insurer, policy, maybe_day(renewal), dbs_months,
                                    maybe_day(duties), maybe_day(re_enrolment), paye)

    def worked(self, pas: list[PA], start: date | None = None, end: date | None = None
               ) -> dict[int, list[tuple[date, int, int]]]:
        """Each PA's shifts from the services log: (day, minutes delivered, rate logged), by
        the visit's provider link, else by name."""
        by_provider = {pa.provider_id: pa.id for pa in pas}
        by_name = {}
        for pa in pas:
            by_name[payee_key(pa.name)] = pa.id
            by_name.setdefault(payee_key(pa.draft.payee_name), pa.id)
        sql = ('SELECT "on", chosen_provider_id, provider_name, delivered_minutes, rate_pence '
               "FROM service_log WHERE 1")
        params: list[Any] = []
        if start is not None:
            sql += ' AND "on" >= ?'
            params.append(start.isoformat())
        if end is not None:
            sql += ' AND "on" <= ?'
            params.append(end.isoformat())
        found: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
        for on, provider_id, name, minutes, rate in rows(self.conn, sql + ' ORDER BY "on", id',
                                                         params):
            pa_id = by_provider.get(provider_id) if provider_id is not None else None
            pa_id = pa_id or by_name.get(payee_key(name))
            if pa_id is not None:
                found[pa_id].append((day(on), int(minutes), int(rate)))
        return dict(found)


def unlinked_payments(conn: Connection, category: str, start: date, end: date
                      ) -> list[tuple[int, date, Money, str]]:
    """Money out of a category from start to end not yet set against any payslip."""
    return [(i, day(on), money(amount), payee) for i, on, amount, payee in rows(
        conn, 'SELECT id, "on", amount, payee FROM entry WHERE category_code = ? '
              'AND "on" >= ? AND "on" <= ? AND amount < 0 '
              "AND id NOT IN (SELECT entry_id FROM payslip_payment) ORDER BY \"on\", id",
        (category, start.isoformat(), end.isoformat()))]
