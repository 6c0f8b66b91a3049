"""The import preview model: status and reason per line, edits only on new lines."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from ui.bank.import_preview_model import DIRECTION_ROLE, Col, ImportPreviewModel
from ui.models.rows_model import SORT_ROLE

TODAY = date(2026, 11, 29)
MIXED = (b"Date,Description,Amount,Balance\n01/09/2026,SHOP,-1.00,1\n"
         b"31/02/2026,BAD,-1.00,1\n02/09/2026,COUNCIL,500.00,1\n")


def _model(ctx: ProfileContext) -> ImportPreviewModel:
    model = ImportPreviewModel(ctx.imports.categories())
    model.set_preview(ctx.imports.preview(MIXED, "m.csv", ctx.imports.account_id(None),
                                          today=TODAY))
    return model


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, ctx: ProfileContext) -> None:
    qtmodeltester.check(_model(ctx))


def test_rows_show_status_and_reason(ctx: ProfileContext) -> None:
    model = _model(ctx)
    assert model.rowCount() == 3
    status = [model.index(r, Col.STATUS).data() for r in range(3)]
    assert status == ["New", "Cannot import", "New"]
    assert "31/02/2026" in model.index(1, Col.REASON).data()
    assert model.index(0, Col.AMOUNT).data() == "-£1.00"
    assert model.index(0, Col.AMOUNT).data(SORT_ROLE) == -100
    assert model.index(2, Col.CATEGORY).data(DIRECTION_ROLE) == "in"


def test_only_new_rows_take_edits(ctx: ProfileContext) -> None:
    model = _model(ctx)
    payee = model.index(0, Col.PAYEE)
    assert model.flags(payee) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, Col.PAYEE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, Col.AMOUNT)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(payee, "Corner Shop")
    assert model.setData(model.index(0, Col.CATEGORY), "activities")
    assert not model.setData(model.index(0, Col.CATEGORY), "no_such_category")
    assert model.index(0, Col.CATEGORY).data() == "Activities and day services"
    assert model.preview is not None
    ctx.imports.commit(model.preview, today=TODAY)
    oldest = ctx.ledger.page()[-1].entry
    assert (oldest.on, oldest.payee, oldest.category_code) == (
        date(2026, 9, 1), "Corner Shop", "activities")


def test_a_matched_line_is_ticked_and_can_be_unticked(qtmodeltester: ModelTester,
                                                      ctx: ProfileContext) -> None:
    ctx.ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(-100), "Shop", "activities"),
                         today=TODAY)
    model = _model(ctx)
    qtmodeltester.check(model)
    match = model.index(0, Col.MATCH)
    assert model.index(0, Col.STATUS).data() == "Already in your records"
    assert match.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.flags(match) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, Col.PAYEE)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(match, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(0, Col.STATUS).data() == "New"
    assert model.flags(model.index(0, Col.PAYEE)) & Qt.ItemFlag.ItemIsEditable
    assert model.preview is not None
    model.show_done(model.preview)
    assert model.rowCount() == 2 and not model.flags(match) & Qt.ItemFlag.ItemIsUserCheckable
    assert [model.index(r, Col.STATUS).data() for r in range(2)] == ["Added", "Added"]
