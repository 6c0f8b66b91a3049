"""The People table's model: Qt's checks, role names, sorting by name without case."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from app.domain.roles import Role
from app.services.context import ProfileContext
from ui.security.people_model import SORT_ROLE, Col, PeopleModel


def test_people_model_is_a_sound_table(qtmodeltester: ModelTester, ctx: ProfileContext) -> None:
    ctx.people.add("Zoe Appointee", Role.APPOINTED_PERSON)
    model = PeopleModel()
    model.set_people(ctx.people.list())
    qtmodeltester.check(model)
    assert model.data(model.index(1, Col.ROLE)) == "Appointed person"
    assert model.data(model.index(1, Col.NAME), SORT_ROLE) == "zoe appointee"
