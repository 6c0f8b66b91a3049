"""The Outcomes tab: add an outcome, rate it with one key press or the check-in, see the trend
and the providers' value, remove it and undo; every control named; models checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.outcomes.areas import areas_for
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY
from ui.outcomes.open_data_dialog import OpenDataDialog
from ui.outcomes.outcome_dialogs import OutcomeDialog, RatingDialog
from ui.outcomes.outcomes_models import OutcomeCol, ProviderCol, RatingCol
from ui.outcomes.outcomes_page import OutcomesPage

TODAY = date(2026, 3, 31)


def make_page(qtbot: QtBot, ctx: ProfileContext, today: date = TODAY) -> OutcomesPage:
    page = OutcomesPage(ctx, today=today)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    return page


def test_add_then_rate_with_one_key_then_remove_and_undo(
        qtbot: QtBot, ctx: ProfileContext, dialog_driver: Callable[..., object],
        unnamed_controls: Callable[..., list[str]]) -> None:
    page = make_page(qtbot, ctx)
    assert unnamed_controls(page) == []
    assert "No outcomes yet" in page.details.text()

    def fill(dialog: OutcomeDialog) -> None:
        dialog.text_edit.setText("Get to the allotment twice a week")
        dialog.area_box.setCurrentIndex(dialog.area_box.findData("ca.1.2.e"))
        dialog.accept()

    driver = dialog_driver()
    driver.expect(OutcomeDialog, fill)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    driver.check()  # type: ignore[attr-defined]
    assert page.model.rowCount() == 1
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_3)
    (outcome,) = ctx.outcomes.outcomes()
    assert [(r.score, r.on, r.rated_by) for r in outcome.ratings] == [(3, TODAY,
                                                                       RatedBy.PERSON)]
    assert page.ratings.rowCount() == 1
    assert "Mostly" in page.ratings.data(page.ratings.index(0, RatingCol.SCORE))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert ctx.outcomes.outcomes() == [] and page.model.rowCount() == 0
    ctx.undo.undo()
    page.refresh()
    assert page.model.rowCount() == 1 and len(ctx.outcomes.outcomes()[0].ratings) == 1


def test_the_check_in_dialog_takes_a_key_a_date_who_and_a_note(
        qtbot: QtBot, ctx: ProfileContext, dialog_driver: Callable[..., object]) -> None:
    ctx.outcomes.add(OutcomeDraft("Eat a hot meal", "er.2.2.a"), TODAY)
    page = make_page(qtbot, ctx)

    def check_in(dialog: RatingDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_4)
        dialog.by_box.setCurrentIndex(1)
        dialog.note_edit.setText("every day this week")
        dialog.accept()

    driver = dialog_driver()
    driver.expect(RatingDialog, check_in)  # type: ignore[attr-defined]
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    driver.check()  # type: ignore[attr-defined]
    (rating,) = ctx.outcomes.outcomes()[0].ratings
    assert (rating.score, rating.rated_by, rating.note) == (4, RatedBy.WITH_CARER,
                                                            "every day this week")


def test_the_demo_shows_trends_and_providers(qtbot: QtBot, demo_ctx: ProfileContext,
                                             qtmodeltester: ModelTester) -> None:
    page = make_page(qtbot, demo_ctx, DEMO_TODAY)
    for model in (page.model, page.ratings, page.providers):
        qtmodeltester.check(model)
    assert page.model.rowCount() == 5
    trends = {page.model.data(page.model.index(r, OutcomeCol.TREND))
              for r in range(page.model.rowCount())}
    assert "Better" in trends
    assert page.ratings.rowCount() >= 10  # the selected outcome's year of check-ins
    rows = {page.providers.data(page.providers.index(r, ProviderCol.NAME)):
            r for r in range(page.providers.rowCount())}
    sam = rows["Sam Patel (PA)"]
    assert page.providers.data(page.providers.index(sam, ProviderCol.FORM)) == \
        "Personal assistant"
    served = page.providers.data(page.providers.index(sam, ProviderCol.OUTCOMES))
    assert "1 outcome, +3.0 points on average" in served


def test_the_dialogs_fit_at_double_text_and_every_control_is_named(
        ctx: ProfileContext, fits_at_double_text: Callable[[QDialog], None]) -> None:
    line = ctx.plan.add("Personal care from my PAs")
    outcome = ctx.outcomes.add(OutcomeDraft("Choose who supports me and when", "ca.1.2.d",
                                            (line.id,)), TODAY)
    fits_at_double_text(OutcomeDialog(areas_for("england"), ctx.plan.lines(), outcome))
    fits_at_double_text(RatingDialog(outcome, TODAY))


def test_share_open_data_previews_then_writes_only_on_save(
        qtbot: QtBot, demo_ctx: ProfileContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        fits_at_double_text: Callable[[QDialog], None]) -> None:
    dialog = OpenDataDialog(demo_ctx.open_data, DEMO_TODAY)
    qtbot.addWidget(dialog)
    shown = dialog.preview.toPlainText()
    assert "providers.csv (3 rows):" in shown and "Sam Patel" not in shown
    assert not any(tmp_path.iterdir())  # nothing written by looking
    monkeypatch.setattr("ui.outcomes.open_data_dialog.ask_folder", lambda parent: tmp_path)
    dialog.save()
    folder = tmp_path / dialog.folder_name()
    assert sorted(p.name for p in folder.iterdir()) == [
        "datapackage.json", "outcomes.csv", "package.csv", "providers.csv", "spend.csv"]
    assert (folder / "providers.csv").read_text(encoding="utf-8") in shown
    fits_at_double_text(OpenDataDialog(demo_ctx.open_data, DEMO_TODAY))
