"""The ledger model without a view: Qt's model checks, paging, cells and sort values."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from app.services.ledger import LedgerService
from ui.models.ledger_model import SORT_ROLE, Col, LedgerModel


def fill(ledger: LedgerService, n: int) -> None:
    drafts = [EntryDraft(date(2025, 4, 1) + timedelta(days=i % 60), Money(-100 - i), "Jo",
                         "pa_wages") for i in range(n)]
    ledger.add_entries(drafts, date(2025, 12, 31))


def test_model_passes_qt_checks(qtmodeltester: ModelTester, ctx: ProfileContext) -> None:
    fill(ctx.ledger, 30)
    model = LedgerModel(ctx.ledger, {"pa_wages": "PA wages"}, page_size=7)
    qtmodeltester.check(model)


def test_rows_arrive_a_page_at_a_time(ctx: ProfileContext) -> None:
    fill(ctx.ledger, 25)
    model = LedgerModel(ctx.ledger, {}, page_size=10)
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25 and not model.canFetchMore()


def test_cells_show_formatted_money_and_sort_by_raw_values(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries(
        [EntryDraft(date(2025, 4, 2), Money(123450), "Council", "council_payment"),
         EntryDraft(date(2025, 4, 3), Money(-2550), "Jo", "pa_wages")], date(2025, 5, 1))
    model = LedgerModel(ctx.ledger, {"pa_wages": "PA wages"})
    assert model.data(model.index(0, Col.MONEY_OUT)) == "£25.50"
    assert model.data(model.index(0, Col.MONEY_IN)) == ""
    assert model.data(model.index(0, Col.BALANCE)) == "£1,209.00"
    assert model.data(model.index(0, Col.CATEGORY)) == "PA wages"
    assert model.data(model.index(0, Col.DATE)) == "3 Apr 2025"
    assert model.data(model.index(0, Col.BALANCE), SORT_ROLE) == 120900
    assert model.data(model.index(1, Col.DATE), SORT_ROLE) == date(2025, 4, 2)
    align = model.data(model.index(0, Col.BALANCE), Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
