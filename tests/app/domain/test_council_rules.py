from datetime import date

import pytest

from app.domain.categories import load_categories
from app.domain.council_rules import (
    LimitBasis,
    ReturnFrequency,
    custom_rule,
    load_templates,
    return_period,
    rule_from_json,
    rule_to_json,
)
from app.domain.documents import DocumentKind
from app.domain.errors import ValidationError
from app.domain.funding import Period

# Rules speak for every money-out category, except the holding one for unsorted bank lines.
CATEGORY_CODES = {c.code for c in load_categories()
                  if c.direction.value == "out" and c.group != "unsorted"}


def test_templates_cover_distinct_schemes_and_an_nhs_one() -> None:
    rules = load_templates()
    assert len(rules) >= 4
    assert {r.return_frequency for r in rules} == set(ReturnFrequency)
    assert any(r.funder == "nhs" for r in rules)
    assert len({r.code for r in rules}) == len({r.name_en for r in rules}) == len(rules)
    models = [r for r in rules if not r.published]
    assert len({(r.return_frequency, r.weeks_held_limit, r.contingency_weeks)
                for r in models}) == len(models)


def test_real_councils_rules_are_there_as_they_write_them() -> None:
    rules = {r.code: r for r in load_templates()}
    assert {"st_helens", "harrow", "essex", "nhs_phb_direct_payment"} <= {
        code for code, r in rules.items() if r.published}
    harrow = rules["harrow"]
    assert (harrow.return_frequency, harrow.weeks_held_limit, harrow.limit_basis,
            harrow.records_years) == (ReturnFrequency.ON_REQUEST, 4, LimitBasis.NET, 6)
    assert DocumentKind.DBS_CERTIFICATE in harrow.required_evidence
    assert rules["essex"].return_frequency is ReturnFrequency.ON_REQUEST
    assert rules["st_helens"].weeks_held_limit == 8
    assert rules["sefton"].minimum_weeks == 4 and rules["sefton"].send_to is not None
    assert rules["merton"].records_years == 7
    # The NHS regulations set no number of weeks: the template sets none either.
    assert rules["nhs_phb_direct_payment"].weeks_held_limit is None


@pytest.mark.parametrize("rule", load_templates(), ids=lambda r: r.code)
def test_each_template_is_complete_and_says_what_it_is(rule) -> None:  # type: ignore[no-untyped-def]
    assert {code for code, _p in rule.permissions} == CATEGORY_CODES
    assert rule.name_cy and rule.declaration_cy and rule.declaration_en
    assert rule_from_json(rule_to_json(rule)) == rule
    if rule.published:
        # Every figure from the council's (or the law's) own pages, each page cited.
        assert rule.sources and all(s.url.startswith("http") and s.says for s in rule.sources)
        assert "A model" not in rule.about
    else:
        assert "A model, not" in rule.about and "https://" in rule.about


def test_a_rule_stored_before_the_new_keys_reads_as_it_did() -> None:
    old = {"code": "custom", "name": {"en": "Mine"}, "return_frequency": "yearly",
           "weeks_held_limit": 6, "contingency_weeks": 1, "categories": {},
           "declaration": {"en": "I declare."}}
    rule = rule_from_json(old)
    assert (rule.weeks_held_limit, rule.limit_basis, rule.minimum_weeks, rule.published,
            rule.required_evidence, rule.send_to) == (6, LimitBasis.GROSS, 0, False, (), None)


def test_custom_rule_checks_its_figures() -> None:
    rule = custom_rule("  Agreed with Jo  ", ReturnFrequency.YEARLY, 6, 2)
    assert (rule.name_en, rule.allowed_weeks, rule.code) == ("Agreed with Jo", 8, "custom")
    with pytest.raises(ValidationError):
        custom_rule("x", ReturnFrequency.YEARLY, 0)
    with pytest.raises(ValidationError):
        custom_rule(" ", ReturnFrequency.YEARLY, 4)


@pytest.mark.parametrize(("frequency", "today", "start", "end"), [
    (ReturnFrequency.QUARTERLY, date(2026, 2, 14), date(2026, 1, 1), date(2026, 3, 31)),
    (ReturnFrequency.QUARTERLY, date(2025, 4, 1), date(2025, 4, 1), date(2025, 6, 30)),
    (ReturnFrequency.SIX_MONTHLY, date(2025, 11, 30), date(2025, 10, 1), date(2026, 3, 31)),
    (ReturnFrequency.SIX_MONTHLY, date(2025, 9, 30), date(2025, 4, 1), date(2025, 9, 30)),
    (ReturnFrequency.YEARLY, date(2026, 3, 31), date(2025, 4, 1), date(2026, 3, 31)),
    (ReturnFrequency.YEARLY, date(2026, 4, 1), date(2026, 4, 1), date(2027, 3, 31)),
])
def test_return_period_follows_the_financial_year(frequency: ReturnFrequency, today: date,
                                                  start: date, end: date) -> None:
    assert return_period(frequency, today) == Period(start, end)
