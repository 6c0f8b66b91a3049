"""The check-in at a return: saving a return first asks about the outcomes with no rating in
its period, saves the chosen ratings as one undoable step, and never stops the return."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.domain.funding import Period
from app.outcomes.areas import areas_for
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext
from ui.outcomes.return_checkin import ReturnCheckInDialog, check_in_before_return
from ui.statements.statement_page import StatementPage

TODAY = date(2025, 9, 30)
PERIOD = Period(date(2025, 7, 1), date(2025, 9, 30))


def two_outcomes(ctx: ProfileContext) -> tuple[int, int]:
    area = areas_for("england")[0].code
    walk = ctx.outcomes.add(OutcomeDraft("Walk to the shop", area), today=TODAY)
    meal = ctx.outcomes.add(OutcomeDraft("A hot meal each day", area), today=TODAY)
    ctx.outcomes.rate(meal.id, 3, date(2025, 8, 1), today=TODAY)  # rated in the period
    return walk.id, meal.id


def page_with_check_in(qtbot: QtBot, ctx: ProfileContext, target: Path) -> StatementPage:
    page = StatementPage(
        ctx.statements, ctx.rules, ctx.undo, today=TODAY,
        choose_path=lambda _parent, _title, _filter: target,
        check_in=lambda parent, period: check_in_before_return(
            parent, ctx.outcomes, ctx.undo, period, TODAY))
    qtbot.addWidget(page)
    page.show_period(PERIOD)
    return page


def test_saving_a_return_asks_only_about_the_unrated_and_saves_the_choice(
        qtbot: QtBot, ctx: ProfileContext, tmp_path: Path,
        dialog_driver: Callable[[], object]) -> None:
    walk, meal = two_outcomes(ctx)
    page = page_with_check_in(qtbot, ctx, tmp_path / "return.pdf")
    asked: list[list[int]] = []

    def rate(dialog: ReturnCheckInDialog) -> None:
        asked.append(list(dialog.boxes))
        box = dialog.boxes[walk]
        box.setCurrentIndex(box.findData(2))
        dialog.by_box.setCurrentIndex(dialog.by_box.findData(RatedBy.WITH_CARER.value))
        dialog.accept()

    driver = dialog_driver()
    driver.expect(ReturnCheckInDialog, rate)  # type: ignore[attr-defined]
    assert page.save(".pdf") == tmp_path / "return.pdf"
    driver.check()  # type: ignore[attr-defined]
    assert asked == [[walk]]  # the meal was rated in the period already
    rating = ctx.outcomes.get(walk).ratings[-1]
    assert (rating.score, rating.on, rating.rated_by) == (2, TODAY, RatedBy.WITH_CARER)
    assert ctx.undo.undo_label == "Rate outcomes"
    assert (tmp_path / "return.pdf").stat().st_size > 0


def test_not_now_makes_the_return_without_rating(
        qtbot: QtBot, ctx: ProfileContext, tmp_path: Path,
        dialog_driver: Callable[[], object]) -> None:
    walk, _meal = two_outcomes(ctx)
    page = page_with_check_in(qtbot, ctx, tmp_path / "return.csv")
    driver = dialog_driver()
    driver.expect(ReturnCheckInDialog, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    assert page.save(".csv") == tmp_path / "return.csv"
    driver.check()  # type: ignore[attr-defined]
    assert ctx.outcomes.get(walk).ratings == ()


def test_nothing_is_asked_when_every_outcome_is_rated(qtbot: QtBot, ctx: ProfileContext) -> None:
    area = areas_for("england")[0].code
    done = ctx.outcomes.add(OutcomeDraft("Walk to the shop", area), today=TODAY)
    ctx.outcomes.rate(done.id, 4, date(2025, 9, 1), today=TODAY)
    assert check_in_before_return(None, ctx.outcomes, ctx.undo, PERIOD, TODAY) == 0  # type: ignore[arg-type]
