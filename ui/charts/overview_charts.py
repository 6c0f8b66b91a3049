"""The Overview's figures from app.charts, in the one shape the chart and table draw."""

from __future__ import annotations

from app.charts.balance import BalanceHistory
from app.charts.months import month_name
from app.charts.ratings import RatingsByMonth
from app.charts.words import balance_in_words, ratings_in_words, spending_in_words
from app.i18n import _, format_date, format_money
from app.outcomes.model import score_words
from app.services.charts import SpendingChart
from ui.charts.chart_data import ChartData, Kind, Series


def money_text(pence: int) -> str:
    """Whole pounds stay whole ('£1,200'); other figures keep their pence."""
    text = format_money(pence)
    return text.removesuffix(".00") if pence % 100 == 0 else text


def spending_chart(found: SpendingChart) -> ChartData:
    spending = found.spending
    return ChartData(
        title=_("Money out each month"),
        description=spending_in_words(spending, found.names),
        column_heading=_("Month"),
        columns=tuple(month_name(m) for m in spending.months),
        series=tuple(Series(name, tuple(row)) for name, row in zip(found.names, spending.pence,
                                                                   strict=True)),
        kind=Kind.STACKED_BARS, value_text=money_text, total_heading=_("Total"))


def balance_chart(history: BalanceHistory) -> ChartData:
    points = history.points
    now = history.today
    # The forecast line starts from today's balance, so the two lines join.
    past = tuple(None if p.forecast else p.balance.pence for p in points)
    ahead = tuple(p.balance.pence if p.forecast or p is now else None for p in points)
    limit = tuple(None if p.limit is None else p.limit.pence for p in points)
    series = [Series(_("Balance"), past)]
    if any(p.forecast for p in points):
        series.append(Series(_("Forecast"), ahead))
    if any(v is not None for v in limit):
        series.append(Series(_("Council's limit"), limit))
    return ChartData(
        title=_("Balance, forecast and the council's limit"),
        description=balance_in_words(history), column_heading=_("Day"),
        columns=tuple(format_date(p.on) for p in points), series=tuple(series),
        kind=Kind.LINES, value_text=money_text)


def score_text(score: int) -> str:
    return _("{score} – {words}").format(score=score, words=score_words(score))


def ratings_chart(ratings: RatingsByMonth) -> ChartData:
    return ChartData(
        title=_("Outcome ratings over time"),
        description=ratings_in_words(ratings, score_words), column_heading=_("Month"),
        columns=tuple(month_name(m) for m in ratings.months),
        series=tuple(Series(text, row) for text, row in zip(ratings.outcomes, ratings.scores,
                                                            strict=True)),
        kind=Kind.LINES, value_text=score_text, low=1, high=4, axis_text=str,
        join_gaps=True, dodge=True)
