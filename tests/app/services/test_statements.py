from datetime import date
from pathlib import Path

import pytest

from app.domain.council_rules import ReturnFrequency, custom_rule, find_template
from app.domain.errors import ValidationError
from app.domain.funding import Period
from app.i18n import set_locale
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.statements import StatementRequest, StatementService

QUARTER = Period(date(2026, 1, 1), date(2026, 3, 31))


def test_statement_matches_the_ledger(profile: OpenProfile) -> None:
    service = StatementService(profile)
    statement = service.build(StatementRequest(QUARTER))
    ledger = LedgerService(profile)
    assert statement.reconciliation.closing == ledger.summary(QUARTER.end).balance
    assert len(statement.transactions) == sum(
        1 for r in _all_rows(ledger) if QUARTER.contains(r.entry.on))
    assert statement.audit_hash == ledger.audit_events()[-1].hash
    assert statement.holder.council_reference == "DEMO-0001"


def _all_rows(ledger: LedgerService) -> list:  # type: ignore[type-arg]
    rows, after = [], None
    while page := ledger.page(after):
        rows += page
        after = (page[-1].entry.on, page[-1].entry.id)
    return rows


def test_regenerating_gives_the_same_files(profile: OpenProfile, tmp_path: Path) -> None:
    service = StatementService(profile)
    request = StatementRequest(QUARTER, generated_on=date(2026, 4, 2))
    outputs = []
    for n in (1, 2):
        for suffix in ("pdf", "csv"):
            path = service.save(service.build(request), tmp_path / f"r{n}.{suffix}")
            outputs.append(path.read_bytes())
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def test_choosing_a_rule_is_kept_and_audited(profile: OpenProfile) -> None:
    service = StatementService(profile)
    before = len(LedgerService(profile).audit_events())
    phb = find_template("nhs_phb_direct_payment")
    service.choose_rule(phb)
    assert service.chosen_rule() == phb
    assert LedgerService(profile).summary(QUARTER.end).weeks_limit == phb.weeks_held_limit
    assert len(LedgerService(profile).audit_events()) == before + 1
    mine = custom_rule("Our agreement", ReturnFrequency.SIX_MONTHLY, 5, 1)
    service.choose_rule(mine)
    assert service.chosen_rule() == mine


def test_bad_output_name_writes_nothing(profile: OpenProfile, tmp_path: Path) -> None:
    service = StatementService(profile)
    with pytest.raises(ValidationError):
        service.save(service.build(StatementRequest(QUARTER)), tmp_path / "r.docx")
    assert list(tmp_path.iterdir()) == []


def test_welsh_return_has_welsh_dates_and_declaration(profile: OpenProfile,
                                                      tmp_path: Path) -> None:
    service = StatementService(profile)
    service.choose_rule(find_template("quarterly_8_weeks"))
    set_locale("cy")
    path = service.save(service.build(StatementRequest(QUARTER)), tmp_path / "r.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "Mawrth 2026" in text
    assert "Rwy'n datgan" in text


def test_forecast_from_the_profile(profile: OpenProfile) -> None:
    result = StatementService(profile).forecast(date(2026, 3, 31), date(2026, 6, 30))
    assert result.opening == LedgerService(profile).summary(date(2026, 3, 31)).balance
    assert result.weekly_spending  # the demo pays PAs every week
    assert result.closing != result.opening
