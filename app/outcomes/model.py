"""Outcomes and their ratings: plain frozen records and the rules on them.

The rating scale is CareLedger's own (no law sets one): four steps in plain words, so a
check-in takes one key press. 1 is "not happening yet", 4 is "happening as I want".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import ValidationError
from app.i18n import N_, _
from app.outcomes.areas import area

MAX_TEXT = 300
MAX_NOTE = 1000
SCORES = (1, 2, 3, 4)
SCORE_WORDS = {
    1: N_("Not happening yet"),
    2: N_("A little"),
    3: N_("Mostly"),
    4: N_("Yes, as I want it"),
}


class RatedBy(StrEnum):
    PERSON = "person"  # the budget holder
    WITH_CARER = "with_carer"  # a carer or supporter, with the person


RATED_BY_WORDS = {RatedBy.PERSON: N_("Me"), RatedBy.WITH_CARER: N_("A carer, with me")}
RATED_BY_SENTENCE = {RatedBy.PERSON: N_("rated by me"),
                     RatedBy.WITH_CARER: N_("rated by a carer with me")}


def score_words(score: int) -> str:
    return _(SCORE_WORDS[score])


@dataclass(frozen=True)
class OutcomeDraft:
    text: str  # the person's own words
    area_code: str
    plan_line_ids: tuple[int, ...] = ()
    measure: str = ""  # how the person will know (optional, their words)


@dataclass(frozen=True)
class Rating:
    id: int
    outcome_id: int
    on: date
    score: int
    rated_by: RatedBy
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    id: int
    text: str
    area_code: str
    measure: str
    created_on: date
    plan_line_ids: tuple[int, ...]
    ratings: tuple[Rating, ...]  # oldest first

    def ratings_between(self, start: date, end: date) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if start <= r.on <= end)

    @property
    def trend(self) -> Trend:
        return trend_of(self.ratings)


@dataclass(frozen=True)
class Trend:
    first: int | None
    latest: int | None
    count: int

    @property
    def change(self) -> int | None:
        """Latest less first; None with fewer than two ratings."""
        if self.count < 2 or self.first is None or self.latest is None:
            return None
        return self.latest - self.first

    def words(self) -> str:
        change = self.change
        if change is None:
            return _("Not rated yet") if self.count == 0 else _("Rated once")
        if change > 0:
            return _("Better")
        if change < 0:
            return _("Worse")
        return _("No change")


def trend_of(ratings: tuple[Rating, ...]) -> Trend:
    ordered = sorted(ratings, key=lambda r: (r.on, r.id))
    if not ordered:
        return Trend(None, None, 0)
    return Trend(ordered[0].score, ordered[-1].score, len(ordered))


def clean_draft(draft: OutcomeDraft) -> OutcomeDraft:
    text = " ".join(draft.text.split())
    if not text or len(text) > MAX_TEXT:
        raise ValidationError("text", _("Write the outcome in your own words (up to 300 "
                                        "letters)."))
    found = area(draft.area_code)
    measure = " ".join(draft.measure.split())
    if len(measure) > MAX_TEXT:
        raise ValidationError("measure", _("Keep “how I will know” to 300 letters."))
    return OutcomeDraft(text, found.code, tuple(dict.fromkeys(draft.plan_line_ids)), measure)


def check_rating(score: int, on: date, today: date, note: str) -> str:
    if score not in SCORES:
        raise ValidationError("score", _("A rating is 1, 2, 3 or 4."))
    if on > today:
        raise ValidationError("on", _("A rating cannot be dated after today."))
    clean = note.strip()
    if len(clean) > MAX_NOTE:
        raise ValidationError("note", _("Keep the note to 1,000 letters."))
    return clean
