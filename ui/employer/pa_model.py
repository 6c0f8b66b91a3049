"""The PAs as a table: rate today, hours, pay, pension, DBS renewal, right to work, dates."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.employer.checks import dbs_renewal
from app.employer.records import FREQUENCY_NAMES, PA, PENSION_NAMES, EmployerDetails
from app.i18n import _, format_date, format_money
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

__all__ = ["SORT_ROLE", "Col", "PAModel"]


class Col(IntEnum):
    NAME = 0
    RATE = 1
    HOURS = 2
    PAID = 3
    PENSION = 4
    DBS_RENEWAL = 5
    RIGHT_TO_WORK = 6
    SINCE = 7
    LEFT = 8


def _titles() -> dict[Col, str]:
    return {Col.NAME: _("PA"), Col.RATE: _("Rate an hour today"), Col.HOURS: _("Hours a week"),
            Col.PAID: _("Paid"), Col.PENSION: _("Workplace pension"),
            Col.DBS_RENEWAL: _("DBS renewal"), Col.RIGHT_TO_WORK: _("Right to work"),
            Col.SINCE: _("Since"), Col.LEFT: _("Left")}


def hours_week_text(pa: PA) -> str:
    minutes = pa.draft.hours_week_minutes
    if minutes is None:
        return _("Irregular")
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


class PAModel(RowsModel[PA]):
    def __init__(self) -> None:
        super().__init__(_titles())
        self.employer = EmployerDetails()
        self.today = date.today()

    def set_rows(self, rows: list[PA], employer: EmployerDetails, today: date) -> None:
        self.employer, self.today = employer, today
        self._reset(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pa = self._row(index)
        if pa is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(pa, col)
        if role == SORT_ROLE:
            return self._raw(pa, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Col.RATE, Col.HOURS):
            return RIGHT
        return None

    def _rate(self, pa: PA) -> Any:
        return pa.rate_on(max(min(self.today, pa.end or self.today), pa.start))

    def _display(self, pa: PA, col: Col) -> str:
        d = pa.draft
        if col is Col.NAME:
            return pa.name
        if col is Col.RATE:
            rate = self._rate(pa)
            return format_money(rate.pence) if rate is not None else "–"
        if col is Col.HOURS:
            return hours_week_text(pa)
        if col is Col.PAID:
            return _(FREQUENCY_NAMES[d.pay_frequency])
        if col is Col.PENSION:
            return _(PENSION_NAMES[d.pension_status])
        if col is Col.DBS_RENEWAL:
            renewal = dbs_renewal(pa, self.employer)
            return format_date(renewal) if renewal else "–"
        if col is Col.RIGHT_TO_WORK:
            if d.right_to_work_checked is None:
                return _("Not checked")
            if d.right_to_work_expires is not None:
                return _("Until {date}").format(date=format_date(d.right_to_work_expires))
            return _("Checked {date}").format(date=format_date(d.right_to_work_checked))
        if col is Col.SINCE:
            return format_date(pa.start)
        return format_date(pa.end) if pa.end else ""

    def _raw(self, pa: PA, col: Col) -> Any:
        if col is Col.RATE:
            rate = self._rate(pa)
            return rate.pence if rate is not None else -1
        if col is Col.HOURS:
            return pa.draft.hours_week_minutes or 0
        # Dates as day numbers: a Python date held in a QVariant does not sort.
        if col is Col.DBS_RENEWAL:
            return (dbs_renewal(pa, self.employer) or date.max).toordinal()
        if col is Col.SINCE:
            return pa.start.toordinal()
        if col is Col.LEFT:
            return (pa.end or date.max).toordinal()
        return self._display(pa, col).casefold()
