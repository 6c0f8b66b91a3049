"""Item models for the outcomes page: the outcomes, one outcome's ratings (its trend as a
table), and each provider's value beside the outcomes it served."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.i18n import _, active_locale, format_date, format_money, format_number, ngettext
from app.opendata.package import ProviderValue
from app.opendata.schema import form_label
from app.outcomes.areas import area
from app.outcomes.model import RATED_BY_WORDS, Rating, score_words
from app.outcomes.report import OutcomeReport
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

__all__ = ["SORT_ROLE", "OutcomeCol", "OutcomesModel", "ProviderCol", "ProvidersModel",
           "RatingCol", "RatingsModel"]

_SHOWN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class OutcomeCol(IntEnum):
    OUTCOME = 0
    LATEST = 1
    TREND = 2
    SPENT = 3
    AREA = 4  # last: the law's words are long, and the column takes what room is left


class OutcomesModel(RowsModel[OutcomeReport]):
    def __init__(self) -> None:
        super().__init__({OutcomeCol.OUTCOME: _("Outcome"),
                          OutcomeCol.LATEST: _("Latest rating"), OutcomeCol.TREND: _("Trend"),
                          OutcomeCol.SPENT: _("Spent, last 12 months"),
                          OutcomeCol.AREA: _("Area in law")})

    def set_rows(self, rows: list[OutcomeReport]) -> None:
        self._reset(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        report = self._row(index)
        if report is None:
            return None
        col = OutcomeCol(index.column())
        ratings = report.outcome.ratings
        if role in _SHOWN:
            if col is OutcomeCol.OUTCOME:
                return report.outcome.text
            if col is OutcomeCol.AREA:
                return area(report.outcome.area_code).label(active_locale())
            if col is OutcomeCol.LATEST:
                if not ratings:
                    return _("Not rated yet")
                latest = ratings[-1]
                return _("{score} – {words} ({date})").format(
                    score=latest.score, words=score_words(latest.score),
                    date=format_date(latest.on))
            if col is OutcomeCol.TREND:
                return report.outcome.trend.words()
            return format_money(report.spent.pence)
        if role == SORT_ROLE:
            return {OutcomeCol.OUTCOME: report.outcome.id,
                    OutcomeCol.AREA: report.outcome.area_code,
                    OutcomeCol.LATEST: ratings[-1].score if ratings else 0,
                    OutcomeCol.TREND: report.outcome.trend.change or 0,
                    OutcomeCol.SPENT: report.spent.pence}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col is OutcomeCol.SPENT:
            return RIGHT
        return None


class RatingCol(IntEnum):
    DATE = 0
    SCORE = 1
    BY = 2
    NOTE = 3


class RatingsModel(RowsModel[Rating]):
    def __init__(self) -> None:
        super().__init__({RatingCol.DATE: _("Date"), RatingCol.SCORE: _("Rating"),
                          RatingCol.BY: _("Rated by"), RatingCol.NOTE: _("Note")})

    def set_rows(self, rows: list[Rating]) -> None:
        self._reset(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rating = self._row(index)
        if rating is None:
            return None
        col = RatingCol(index.column())
        if role in _SHOWN:
            return {RatingCol.DATE: format_date(rating.on),
                    RatingCol.SCORE: f"{rating.score} – {score_words(rating.score)}",
                    RatingCol.BY: _(RATED_BY_WORDS[rating.rated_by]),
                    RatingCol.NOTE: rating.note}[col]
        if role == SORT_ROLE:
            return {RatingCol.DATE: rating.on.toordinal(), RatingCol.SCORE: rating.score,
                    RatingCol.BY: rating.rated_by.value, RatingCol.NOTE: rating.note}[col]
        return None


class ProviderCol(IntEnum):
    NAME = 0
    FORM = 1
    PLANNED = 2
    DELIVERED = 3
    MISSED = 4
    LATE = 5
    COST = 6
    OUTCOMES = 7


def form_words(value: ProviderValue) -> str:
    f = value.figures
    text = form_label(f.org_form)
    return _("{form} (likely)").format(form=text) if f.org_form_likely else text


def _hours(minutes: int) -> str:
    return format_number(Decimal(minutes) / 60, 1)


class ProvidersModel(RowsModel[ProviderValue]):
    def __init__(self) -> None:
        super().__init__({ProviderCol.NAME: _("Provider"), ProviderCol.FORM: _("Kind"),
                          ProviderCol.PLANNED: _("Hours planned"),
                          ProviderCol.DELIVERED: _("Hours delivered"),
                          ProviderCol.MISSED: _("Missed visits"),
                          ProviderCol.LATE: _("Late visits"),
                          ProviderCol.COST: _("Cost an hour"),
                          ProviderCol.OUTCOMES: _("Outcomes served")})

    def set_rows(self, rows: list[ProviderValue]) -> None:
        self._reset(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._row(index)
        if value is None:
            return None
        col, f = ProviderCol(index.column()), value.figures
        if role in _SHOWN:
            return self._display(value, col)
        if role == SORT_ROLE:
            return {ProviderCol.NAME: value.name.casefold(), ProviderCol.FORM: f.org_form,
                    ProviderCol.PLANNED: f.planned_minutes,
                    ProviderCol.DELIVERED: f.delivered_minutes, ProviderCol.MISSED: f.missed,
                    ProviderCol.LATE: f.late, ProviderCol.COST: value.cost_per_hour or 0,
                    ProviderCol.OUTCOMES: value.outcome_change or 0}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (
                ProviderCol.NAME, ProviderCol.FORM, ProviderCol.OUTCOMES):
            return RIGHT
        return None

    def _display(self, value: ProviderValue, col: ProviderCol) -> str:
        f = value.figures
        if col is ProviderCol.NAME:
            return value.name
        if col is ProviderCol.FORM:
            return form_words(value)
        if col is ProviderCol.PLANNED:
            return _hours(f.planned_minutes)
        if col is ProviderCol.DELIVERED:
            return _hours(f.delivered_minutes)
        if col is ProviderCol.MISSED:
            return str(f.missed)
        if col is ProviderCol.LATE:
            return str(f.late)
        if col is ProviderCol.COST:
            cost = value.cost_per_hour
            return "–" if cost is None else format_money(int(cost * 100))
        change = value.outcome_change
        if not value.outcomes_served:
            return _("None linked")
        if change is None:
            return ngettext("{n} outcome, not rated twice yet", "{n} outcomes, not rated twice yet",
                            value.outcomes_served).format(n=value.outcomes_served)
        # The change is in points of the 4-point scale, first rating to latest.
        return ngettext("{n} outcome, {change} points on average",
                        "{n} outcomes, {change} points on average",
                        value.outcomes_served).format(n=value.outcomes_served,
                                                      change=_signed(change))


def _signed(change: Decimal | float) -> str:
    """A change on the scale with its sign always shown: +2.0, -0.5, +0.0."""
    text = format_number(Decimal(str(change)), 1)
    return text if text.startswith(("-", "\u2212")) else "+" + text
