"""Use cases on outcomes: add, change and remove them, rate them, link payments and visits,
and read them with their money over a period. Each call is one unit of work."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.audit import Cause
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.local_authorities import find_council
from app.domain.plan import clean_name
from app.i18n import _
from app.outcomes.model import Outcome, OutcomeDraft, RatedBy, Rating, check_rating, clean_draft
from app.outcomes.report import OutcomeInputs, OutcomesSummary, ServedVisit, summarise
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore
from app.store.repos import Repos


class OutcomesService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    # --- reading -------------------------------------------------------------------------

    def outcomes(self) -> list[Outcome]:
        with self.store.read() as repos:
            return repos.outcomes.all()

    def unrated(self, period: Period) -> list[Outcome]:
        """Outcomes with no check-in in the period: what to ask about before its return."""
        return [o for o in self.outcomes() if not o.ratings_between(period.start, period.end)]

    def get(self, outcome_id: int) -> Outcome:
        with self.store.read() as repos:
            return _found(repos, outcome_id)

    def summary(self, period: Period) -> OutcomesSummary:
        """Every outcome over the period: ratings, trend, spending and who delivered it."""
        with self.store.read() as repos:
            return summarise(period, inputs(repos, period))

    def nation(self) -> str:
        """england or wales, by the council that funds the budget (england when unknown):
        which list of outcome areas to offer first."""
        with self.store.read() as repos:
            holder = repos.people.holder()
        council = find_council(holder.council_name) if holder else None
        return "wales" if council is not None and council.nation == "Wales" else "england"

    def entry_outcome(self, entry_id: int) -> int | None:
        with self.store.read() as repos:
            return repos.outcomes.entry_outcome(entry_id)

    def visit_outcome(self, visit_id: int) -> int | None:
        with self.store.read() as repos:
            return repos.outcomes.visit_outcome(visit_id)

    # --- changing ------------------------------------------------------------------------

    def add(self, draft: OutcomeDraft, today: date | None = None,
            new_plan_line: str = "") -> Outcome:
        """Add an outcome; `new_plan_line` names a plan line to pay for it (made when the plan
        has no line of that name yet, as an entry's line is)."""
        clean = clean_draft(draft)
        with self.store.write(Cause("add", _("Add outcome"))) as (repos, writer):
            lines = clean.plan_line_ids + _line_named(repos, writer, new_plan_line)
            outcome_id = writer.insert("outcome", {
                "text": clean.text, "area_code": clean.area_code, "measure": clean.measure,
                "created_on": today or date.today()})
            _set_lines(repos, writer, outcome_id, lines)
            return _found(repos, outcome_id)

    def change(self, outcome_id: int, draft: OutcomeDraft) -> Outcome:
        clean = clean_draft(draft)
        with self.store.write(Cause("change", _("Change outcome"))) as (repos, writer):
            _found(repos, outcome_id)
            writer.update("outcome", (outcome_id,), {
                "text": clean.text, "area_code": clean.area_code, "measure": clean.measure})
            writer.delete_where("outcome_plan_line", "outcome_id", outcome_id)
            _set_lines(repos, writer, outcome_id, clean.plan_line_ids)
            return _found(repos, outcome_id)

    def remove(self, outcome_id: int) -> None:
        """Remove an outcome with its ratings and links (the payments and visits stay)."""
        with self.store.write(Cause("delete", _("Remove outcome"))) as (repos, writer):
            _found(repos, outcome_id)
            writer.delete("outcome", (outcome_id,))

    def rate(self, outcome_id: int, score: int, on: date | None = None,
             rated_by: RatedBy = RatedBy.PERSON, note: str = "",
             today: date | None = None) -> Rating:
        today = today or date.today()
        on = on or today
        clean = check_rating(score, on, today, note)
        with self.store.write(Cause("add", _("Rate outcome"))) as (repos, writer):
            _found(repos, outcome_id)
            rating_id = writer.insert("outcome_rating", {
                "outcome_id": outcome_id, "on": on, "score": score,
                "rated_by": RatedBy(rated_by).value, "note": clean, "created_at": now_utc()})
            found = repos.outcomes.rating(rating_id)
            assert found is not None
            return found

    def rate_many(self, ratings: list[tuple[int, int, date, RatedBy, str]],
                  today: date | None = None) -> int:
        """Many check-ins at once (the demo's year): one transaction, one event."""
        today = today or date.today()
        now = now_utc()
        rows: list[dict[str, Any]] = []
        for outcome_id, score, on, by, note in ratings:
            rows.append({"outcome_id": outcome_id, "on": on, "score": score,
                         "rated_by": RatedBy(by).value,
                         "note": check_rating(score, on, today, note), "created_at": now})
        with self.store.write(Cause("add", _("Rate outcomes"))) as (_repos, writer):
            return len(writer.insert_many("outcome_rating", rows))

    def remove_rating(self, rating_id: int) -> None:
        with self.store.write(Cause("delete", _("Remove rating"))) as (repos, writer):
            if repos.outcomes.rating(rating_id) is None:
                raise DomainError(_("That rating no longer exists."))
            writer.delete("outcome_rating", (rating_id,))

    def link_entry(self, entry_id: int, outcome_id: int | None) -> None:
        """Say which outcome a payment served (None: only through its plan line)."""
        with self.store.write(Cause("link", _("Link payment to outcome"))) as (repos, writer):
            entry = repos.entries.get(entry_id)
            if entry is None or entry.amount.pence >= 0:
                raise DomainError(_("Choose a payment (money out) to link to an outcome."))
            writer.delete_where("outcome_entry", "entry_id", entry_id)
            if outcome_id is not None:
                _found(repos, outcome_id)
                writer.insert("outcome_entry", {"entry_id": entry_id, "outcome_id": outcome_id})

    def link_visit(self, visit_id: int, outcome_id: int | None) -> None:
        """Say which outcome a visit or shift served (None: only through its payment)."""
        with self.store.write(Cause("link", _("Link visit to outcome"))) as (repos, writer):
            if repos.visits.get(visit_id) is None:
                raise DomainError(_("That visit is no longer in the services log."))
            writer.delete_where("outcome_visit", "service_log_id", visit_id)
            if outcome_id is not None:
                _found(repos, outcome_id)
                writer.insert("outcome_visit", {"service_log_id": visit_id,
                                                "outcome_id": outcome_id})

    def link_entries(self, links: list[tuple[int, int]]) -> None:
        """Many (payment, outcome) links in one step (the demo)."""
        with self.store.write(Cause("link", _("Link payments to outcomes"))) as (_r, writer):
            for entry_id, outcome_id in links:
                writer.insert("outcome_entry", {"entry_id": entry_id, "outcome_id": outcome_id})

    def link_visits(self, links: list[tuple[int, int]]) -> None:
        """Many (visit, outcome) links in one step (the demo)."""
        with self.store.write(Cause("link", _("Link visits to outcomes"))) as (_r, writer):
            for visit_id, outcome_id in links:
                writer.insert("outcome_visit", {"service_log_id": visit_id,
                                                "outcome_id": outcome_id})


def inputs(repos: Repos, period: Period) -> OutcomeInputs:
    """What the outcome sums read from the profile for a period."""
    names = {v.id: v.draft.provider_name for v in repos.visits.between(period.start, period.end)}
    minutes = {v.id: v.draft.delivered_minutes
               for v in repos.visits.between(period.start, period.end)}
    served = [ServedVisit(vid, names[vid], minutes[vid], outcome, entry)
              for vid, outcome, entry in repos.outcomes.visits_served(period.start, period.end)]
    return OutcomeInputs(
        outcomes=repos.outcomes.all(), spends=repos.outcomes.spends(period.start, period.end),
        outcomes_of_line=repos.outcomes.outcomes_of_line(),
        plan_line_names={line.id: line.name for line in repos.plan.lines()}, visits=served)


def _found(repos: Repos, outcome_id: int) -> Outcome:
    found = repos.outcomes.get(outcome_id)
    if found is None:
        raise DomainError(_("That outcome is no longer in your plan."))
    return found


def _line_named(repos: Repos, writer: Any, name: str) -> tuple[int, ...]:
    if not name.strip():
        return ()
    clean = clean_name(name)
    line = repos.plan.find(clean)
    if line is not None:
        return (line.id,)
    return (writer.insert("plan_line", {"name": clean, "weekly_budget": None}),)


def _set_lines(repos: Repos, writer: Any, outcome_id: int, line_ids: tuple[int, ...]) -> None:
    known = {line.id for line in repos.plan.lines()}
    for line_id in dict.fromkeys(line_ids):
        if line_id not in known:
            raise DomainError(_("That support-plan line no longer exists."))
        writer.insert("outcome_plan_line", {"outcome_id": outcome_id, "plan_line_id": line_id})
