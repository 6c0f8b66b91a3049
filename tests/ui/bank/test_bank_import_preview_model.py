from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.bank_import import BankImportService
from app.services.profiles import OpenProfile
from ui.bank.import_preview_model import DIRECTION_ROLE, SORT_ROLE, Col, ImportPreviewModel

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "bank"
TODAY = date(2026, 11, 29)
MIXED = (b"Date,Description,Amount,Balance\n01/09/2026,SHOP,-1.00,1\n"
         b"31/02/2026,BAD,-1.00,1\n02/09/2026,COUNCIL,500.00,1\n")


def _model(profile: OpenProfile) -> tuple[ImportPreviewModel, BankImportService]:
    service = BankImportService(profile)
    model = ImportPreviewModel(service.categories())
    model.set_preview(service.preview(MIXED, "m.csv", 1, today=TODAY))
    return model, service


def test_model_passes_qtmodeltester(qtmodeltester, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    model, _service = _model(profile)
    qtmodeltester.check(model)


def test_rows_show_status_and_reason(profile: OpenProfile) -> None:
    model, _service = _model(profile)
    assert model.rowCount() == 3
    status = [model.index(r, Col.STATUS).data() for r in range(3)]
    assert status == ["New", "Cannot import", "New"]
    assert "31/02/2026" in model.index(1, Col.REASON).data()
    assert model.index(0, Col.AMOUNT).data() == "-£1.00"
    assert model.index(0, Col.AMOUNT).data(SORT_ROLE) == -100
    assert model.index(2, Col.CATEGORY).data(DIRECTION_ROLE) == "in"


def test_only_new_rows_take_edits(profile: OpenProfile) -> None:
    model, service = _model(profile)
    payee = model.index(0, Col.PAYEE)
    assert model.flags(payee) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, Col.PAYEE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, Col.AMOUNT)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(payee, "Corner Shop")
    assert model.setData(model.index(0, Col.CATEGORY), "activities")
    assert not model.setData(model.index(0, Col.CATEGORY), "no_such_category")
    assert model.index(0, Col.CATEGORY).data() == "Activities and day services"
    assert model.preview is not None
    service.commit(model.preview, today=TODAY)
    with profile.session() as s:
        from sqlalchemy import select

        from app.store.models import EntryRow
        first = s.scalars(select(EntryRow).order_by(EntryRow.on)).first()
        assert first is not None
        assert (first.payee, first.category_code) == ("Corner Shop", "activities")
