"""My providers in the encrypted profile: choose, change, end, and value for money."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind, cost_per_hour
from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.providers import Source
from app.domain.visits import VisitDraft
from app.services.context import ProfileContext
from app.services.my_providers import (
    ChosenProviderNotFound,
    MyProvidersService,
    draft_from_register,
)
from app.services.register import RegisterService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"


@pytest.fixture
def profile(make_ctx: Callable[..., ProfileContext]) -> ProfileContext:
    # Records from March 2024: the payments below fall inside them.
    return make_ctx("Ann", start=date(2024, 3, 1))


@pytest.fixture
def register(tmp_path: Path) -> Iterator[RegisterService]:
    service = RegisterService(tmp_path)
    service.import_file(FIXTURES / "cqc_api_extract.csv")
    yield service
    service.close()


def pay(profile: ProfileContext, on: date, pounds: int, payee: str) -> None:
    profile.ledger.add_entry(
        EntryDraft(on, Money(-pounds * 100), payee, "agency_care", "", ""), today=on)


def test_choose_from_the_register_snapshots_it(profile: ProfileContext,
                                               register: RegisterService) -> None:
    detail = register.provider("cqc", "1-1000587219")
    mine = MyProvidersService(profile.store, register)
    chosen = mine.add(draft_from_register(detail, date(2024, 4, 1),
                                          agreed_hourly_rate=Money(2450)))
    assert (chosen.source, chosen.source_id) == (Source.CQC, "1-1000587219")
    assert chosen.name == "Highlands Borders Care Home" and chosen.postcode == "EX1 2QE"
    assert chosen.payee_name == chosen.name
    assert [p.id for p in mine.providers()] == [chosen.id]
    assert any(e.entity == "chosen_provider" for e in profile.history.events())


def test_add_a_pa_by_hand_and_end_them(profile: ProfileContext) -> None:
    mine = MyProvidersService(profile.store)
    pa = mine.add(ChosenProviderDraft("Jo Bloggs", date(2024, 4, 1), kind=ProviderKind.PA,
                                      agreed_hourly_rate=Money(1400), own_rating=5))
    assert pa.source is Source.MANUAL and pa.source_id == ""
    ended = mine.end(pa.id, date(2024, 9, 30))
    assert ended.end == date(2024, 9, 30) and ended.own_rating == 5
    assert mine.providers(on=date(2024, 10, 1)) == []
    assert mine.providers(on=date(2024, 9, 1)) == [ended]


def test_update_changes_rate_and_notes(profile: ProfileContext) -> None:
    mine = MyProvidersService(profile.store)
    pa = mine.add(ChosenProviderDraft("Jo Bloggs", date(2024, 4, 1)))
    changed = mine.update(pa.id, ChosenProviderDraft("Jo Bloggs", date(2024, 4, 1),
                                                     agreed_hourly_rate=Money(1500),
                                                     notes="Mornings"))
    assert changed.agreed_hourly_rate == Money(1500) and changed.notes == "Mornings"


@pytest.mark.parametrize(("draft", "field"), [
    (ChosenProviderDraft("", date(2024, 1, 1)), "name"),
    (ChosenProviderDraft("X", date(2024, 1, 1), end=date(2023, 1, 1)), "end"),
    (ChosenProviderDraft("X", date(2024, 1, 1), own_rating=6), "own_rating"),
    (ChosenProviderDraft("X", date(2024, 1, 1), agreed_hourly_rate=Money(-1)),
     "agreed_hourly_rate"),
    (ChosenProviderDraft("X", date(2024, 1, 1), source=Source.CQC), "source_id"),
])
def test_bad_drafts_are_refused_and_nothing_saved(profile: ProfileContext,
                                                  draft: ChosenProviderDraft,
                                                  field: str) -> None:
    mine = MyProvidersService(profile.store)
    with pytest.raises(ValidationError) as error:
        mine.add(draft)
    assert error.value.field == field
    assert mine.providers() == []


def test_unknown_id(profile: ProfileContext) -> None:
    with pytest.raises(ChosenProviderNotFound):
        MyProvidersService(profile.store).get(99)


def test_value_for_money_from_ledger_payments(profile: ProfileContext,
                                              register: RegisterService) -> None:
    mine = MyProvidersService(profile.store, register)
    chosen = mine.add(draft_from_register(register.provider("cqc", "1-1000587219"),
                                          date(2024, 4, 1), agreed_hourly_rate=Money(2400)))
    pay(profile, date(2024, 4, 30), 500, "Highlands Borders Care Home")
    pay(profile, date(2024, 5, 31), 490, "highlands  borders care home.")  # same payee
    pay(profile, date(2024, 5, 31), 80, "Someone Else")
    pay(profile, date(2024, 3, 1), 999, "Highlands Borders Care Home")  # before the start
    value = mine.value_for_money(chosen.id, hours_delivered=Decimal("40"),
                                 today=date(2024, 6, 30))
    assert value.paid == Money(99000) and value.payments == 2
    assert value.cost_per_hour == Money(2475)
    assert value.over_agreed_rate == Money(75)
    assert value.rating == "Good" and value.rating_date == date(2020, 5, 6)


def test_value_for_money_without_hours_keeps_the_total(profile: ProfileContext) -> None:
    mine = MyProvidersService(profile.store)
    pa = mine.add(ChosenProviderDraft("Jo Bloggs", date(2024, 4, 1)))
    pay(profile, date(2024, 4, 30), 140, "Jo Bloggs")
    (value,) = mine.value_for_money_all(Period(date(2024, 4, 1), date(2024, 6, 30)))
    assert value.provider.id == pa.id
    assert value.paid == Money(14000) and value.cost_per_hour is None
    assert value.rating == ""


def test_cost_per_hour_rounds_half_up_to_the_penny() -> None:
    assert cost_per_hour(Money(1000), Decimal("3")) == Money(333)
    assert cost_per_hour(Money(1001), Decimal("2")) == Money(501)
    assert cost_per_hour(Money(1000), Decimal("0")) is None


def test_value_for_money_takes_hours_from_the_services_log(profile: ProfileContext) -> None:
    mine = MyProvidersService(profile.store)
    agency = mine.add(ChosenProviderDraft("Red Kite Home Care", date(2024, 4, 1),
                                          agreed_hourly_rate=Money(2400)))
    log = profile.visits
    # Two visits linked to the chosen provider, one logged by name only, one elsewhere.
    log.add(VisitDraft(date(2024, 4, 2), "Red Kite Home Care", 120, 120, 2400,
                       chosen_provider_id=agency.id))
    log.add(VisitDraft(date(2024, 4, 3), "Red Kite Home Care", 120, 95, 2400,
                       chosen_provider_id=agency.id))
    log.add(VisitDraft(date(2024, 4, 4), "red kite home care", 60, 60, 2400))
    log.add(VisitDraft(date(2024, 4, 5), "Jo Bloggs", 60, 60, 1400))
    pay(profile, date(2024, 4, 30), 110, "Red Kite Home Care")
    (value,) = mine.value_for_money_all(Period(date(2024, 4, 1), date(2024, 4, 30)))
    assert value.hours_from_log and value.hours_delivered == Decimal(275) / 60
    assert value.cost_per_hour == Money(2400)  # £110 for 4 h 35 min: £24.00 an hour
    # Hours the caller gives win over the log.
    given = mine.value_for_money(agency.id, hours_delivered=Decimal(5), today=date(2024, 4, 30))
    assert given.cost_per_hour == Money(2200) and not given.hours_from_log
