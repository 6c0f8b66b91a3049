"""Payee rules (listed, added, changed, removed, learned from corrections) and the payees the
records already know, for naming bank lines.

Known payees come from PAYEE_SOURCES, each a function of the open profile's repositories:
My providers and a few payees every UK budget holder meets (HMRC, workplace pensions, the
council). Employer records (PAs as employees) plug in by adding their own source to the list;
nothing else needs to change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.domain.audit import Cause
from app.domain.categories import Direction
from app.domain.chosen_providers import ProviderKind
from app.domain.entries import MAX_PAYEE
from app.domain.errors import DomainError, ValidationError
from app.domain.payees import (
    KnownPayee,
    PayeeBook,
    PayeeRule,
    check_rule_words,
    rule_words,
    words_of,
)
from app.domain.policy import Policy
from app.i18n import _
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

if TYPE_CHECKING:
    from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

PayeeSource = Callable[[Repos], list[KnownPayee]]
# Words that describe a provider rather than name them: "Jo Evans (PA)" is "jo evans".
_DESCRIBING = frozenset({"pa", "personal", "assistant", "the"})
_KIND_CATEGORY = {ProviderKind.PA: "pa_wages", ProviderKind.AGENCY: "agency_care"}


def providers_as_payees(repos: Repos) -> list[KnownPayee]:
    """My providers: their payee name, and what paying them usually is."""
    found = []
    for provider in repos.providers.all():
        name = provider.payee_name or provider.name
        words = tuple(w for w in words_of(name) if w not in _DESCRIBING)
        found.append(KnownPayee(name, words, _KIND_CATEGORY.get(provider.kind), Direction.OUT))
    return found


def common_payees(repos: Repos) -> list[KnownPayee]:
    """Payees nearly every budget holder's bank lines show."""
    holder = repos.people.holder()
    council = (holder.council_name if holder else "") or _("Council")
    return [
        KnownPayee("HMRC", ("hmrc",), "paye_ni", Direction.OUT),
        KnownPayee("NEST", ("nest",), "pension", Direction.OUT),
        KnownPayee("The People's Pension", ("peoples", "pension"), "pension", Direction.OUT),
        KnownPayee("NOW: Pensions", ("now", "pensions"), "pension", Direction.OUT),
        KnownPayee("Smart Pension", ("smart", "pension"), "pension", Direction.OUT),
        KnownPayee(council, ("council",), "council_payment", Direction.IN),
        KnownPayee(council, ("cyngor",), "council_payment", Direction.IN),
        KnownPayee("NHS", ("nhs",), "nhs_payment", Direction.IN),
    ]


# Most particular first: the first source naming a line wins. Employer records go before
# the common payees when they come.
PAYEE_SOURCES: list[PayeeSource] = [providers_as_payees, common_payees]


def payee_book(repos: Repos) -> PayeeBook:
    known = [k for source in PAYEE_SOURCES for k in source(repos)]
    return PayeeBook(repos.payee_rules.all(), known)


@dataclass(frozen=True)
class RuleDraft:
    words: str
    payee: str
    category_code: str | None = None


def check_rule(draft: RuleDraft, policy: Policy) -> RuleDraft:
    """A rule as stored, or a plain error. A rule never files lines in a category the council
    must agree: that needs the agreement for each payment, which a rule cannot give."""
    words = check_rule_words(draft.words)
    payee = " ".join(draft.payee.split())
    if not payee or len(payee) > MAX_PAYEE:
        raise ValidationError("payee", _("Say who the payee is (up to 200 letters)."))
    code = draft.category_code or None
    if code is not None:
        if code not in policy.categories:
            raise ValidationError("category", _("Choose a category from the list."))
        if policy.needs_reason(code):
            raise ValidationError("category", _(
                "A rule cannot file payments in a category the council must agree: each "
                "payment needs its own agreement. Leave the category empty."))
    return RuleDraft(words, payee, code)


class PayeeRulesService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def rules(self) -> list[PayeeRule]:
        with self.store.read() as repos:
            return repos.payee_rules.all()

    def get(self, rule_id: int) -> PayeeRule:
        with self.store.read() as repos:
            return _found(repos.payee_rules.get(rule_id))

    def add(self, draft: RuleDraft) -> PayeeRule:
        with self.store.write(Cause("add_rule")) as (repos, writer):
            clean = check_rule(draft, repos.policy())
            if repos.payee_rules.by_words(clean.words) is not None:
                raise ValidationError("words", _(
                    "There is already a rule for “{words}”. Change that one instead.").format(
                        words=clean.words))
            rule_id = writer.insert("payee_rule", {
                "words": clean.words, "payee": clean.payee, "category_code": clean.category_code,
                "learned": False, "created_by": self.store.actor, "created_at": _now()})
            return _found(repos.payee_rules.get(rule_id))

    def change(self, rule_id: int, draft: RuleDraft) -> PayeeRule:
        with self.store.write(Cause("change_rule")) as (repos, writer):
            _found(repos.payee_rules.get(rule_id))
            clean = check_rule(draft, repos.policy())
            other = repos.payee_rules.by_words(clean.words)
            if other is not None and other.id != rule_id:
                raise ValidationError("words", _(
                    "There is already a rule for “{words}”. Change that one instead.").format(
                        words=clean.words))
            writer.update("payee_rule", (rule_id,), {
                "words": clean.words, "payee": clean.payee,
                "category_code": clean.category_code})
            return _found(repos.payee_rules.get(rule_id))

    def remove(self, rule_id: int) -> None:
        with self.store.write(Cause("remove_rule")) as (repos, writer):
            _found(repos.payee_rules.get(rule_id))
            writer.delete("payee_rule", (rule_id,))


def learn(repos: Repos, writer: Writer, actor: str, bank_text: str, payee: str,
          category_code: str | None) -> bool:
    """Remember that bank lines like `bank_text` are `payee` (and `category_code`, when a
    rule may hold it), inside the caller's unit of work. False when nothing was learned:
    the text has no words that say who, or a rule already says exactly this."""
    return learn_all(repos, writer, actor, [(bank_text, payee, category_code)]) > 0


def learn_all(repos: Repos, writer: Writer, actor: str,
              taught: Sequence[tuple[str, str, str | None]]) -> int:
    """learn() for many (bank text, payee, category) at once: one rule per set of words,
    the most common answer for it (the latest among equals). Returns the rules written."""
    answers: dict[str, Counter[tuple[str, str | None]]] = defaultdict(Counter)
    for text, payee, code in taught:
        words, name = rule_words(text), " ".join(payee.split())[:MAX_PAYEE]
        if words and name:
            answers[words][(name, code)] += 1
    if not answers:
        return 0
    policy = repos.policy()
    rules = {rule.words: rule for rule in repos.payee_rules.all()}
    written = 0
    for words, counts in answers.items():
        top = max(counts.values())
        payee, said = [answer for answer in counts if counts[answer] == top][-1]
        rule = rules.get(words)
        code = _rule_category(policy, said, rule.category_code if rule else None)
        if rule is None:
            writer.insert("payee_rule", {"words": words, "payee": payee, "category_code": code,
                                         "learned": True, "created_by": actor,
                                         "created_at": _now()})
        elif (rule.payee, rule.category_code) != (payee, code):
            writer.update("payee_rule", (rule.id,), {"payee": payee, "category_code": code})
        else:
            continue
        written += 1
    return written


def _rule_category(policy: Policy, said: str | None, before: str | None) -> str | None:
    """The category a learned rule keeps: what the person chose, when a rule may hold it;
    none when they chose one needing the council's agreement (each payment needs its own);
    the rule's own when they said nothing (not sorted yet)."""
    if not said or policy.is_unsorted(said):
        return before
    return None if policy.needs_reason(said) else said


def _found(rule: PayeeRule | None) -> PayeeRule:
    if rule is None:
        raise DomainError(_("That payee rule no longer exists."))
    return rule


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # as every record's time (naive UTC)
