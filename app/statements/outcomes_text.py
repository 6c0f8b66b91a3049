"""The outcomes section's words, shared by the PDF and CSV renderers (figures come from the
Statement's OutcomesSummary; nothing is added up here)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.money import Money
from app.i18n import _, active_locale, format_date, format_money
from app.outcomes.areas import area, list_of
from app.outcomes.model import RATED_BY_SENTENCE, Rating, score_words
from app.outcomes.report import Deliverer, OutcomeReport, OutcomesSummary


@dataclass(frozen=True)
class OutcomeBlock:
    id: int
    text: str
    area: str  # the statutory words, with the law named
    area_code: str
    plan_lines: str
    ratings: tuple[str, ...]  # "1 Oct 2026: 3 – Mostly (a carer, with me)"
    trend: str
    spent: Money
    delivered_by: tuple[str, ...]  # "Jo Evans (PA): £1,234.00, 52 hours"
    report: OutcomeReport


def area_text(code: str) -> str:
    found = area(code)
    return _("{words} ({law}, {provision})").format(
        words=found.label(active_locale()), law=list_of(found).short(active_locale()),
        provision=found.provision_in(active_locale()))


def rating_text(rating: Rating) -> str:
    by = _(RATED_BY_SENTENCE[rating.rated_by])
    return _("{date}: {score} – {words} ({by})").format(
        date=format_date(rating.on), score=rating.score, words=score_words(rating.score), by=by)


def deliverer_text(d: Deliverer) -> str:
    if d.delivered_minutes:
        return _("{name}: {paid}, {hours} hours logged").format(
            name=d.name, paid=format_money(d.paid.pence),
            hours=f"{d.delivered_minutes / 60:.1f}")
    return _("{name}: {paid}").format(name=d.name, paid=format_money(d.paid.pence))


def trend_text(report: OutcomeReport) -> str:
    t = report.trend
    if t.change is None:
        return t.words()
    return _("{words}: from {first} to {latest}").format(words=t.words(), first=t.first,
                                                         latest=t.latest)


def blocks(summary: OutcomesSummary) -> list[OutcomeBlock]:
    return [OutcomeBlock(
        r.outcome.id, r.outcome.text, area_text(r.outcome.area_code), r.outcome.area_code,
        "; ".join(r.plan_lines) or _("None"),
        tuple(rating_text(x) for x in r.ratings) or (_("Not rated in this period"),),
        trend_text(r), r.spent, tuple(deliverer_text(d) for d in r.deliverers) or (
            _("Nobody yet"),), r) for r in summary.reports]
