from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.my_providers import MyProvidersService
from app.services.profiles import OpenProfile
from app.services.register import RegisterService
from ui.register.my_providers_model import Col, MyProvidersModel
from ui.register.my_providers_page import MyProvidersPage, OwnProviderDialog


def test_add_own_pa_and_see_value_for_money(qtbot: object, open_profile: OpenProfile,
                                            data_dir: Path, qtmodeltester: object) -> None:
    service = MyProvidersService(open_profile, RegisterService(data_dir))
    dialog = OwnProviderDialog(service)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Jo Evans")
    dialog.rate.setText("12.60")
    dialog.start.setDate(dialog.start.date().addDays(-30))
    dialog.submit()
    assert dialog.result() == 1
    LedgerService(open_profile).add_entry(
        EntryDraft(date.today(), Money(-25200), "Jo Evans", "pa_wages"))
    page = MyProvidersPage(service)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.show()
    model: MyProvidersModel = page.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 1
    assert model.data(model.index(0, Col.NAME)) == "Jo Evans"
    assert model.data(model.index(0, Col.AGREED_RATE)) == "£12.60"
    assert model.data(model.index(0, Col.PAID)) == "£252.00"
    assert model.data(model.index(0, Col.KIND)) == "Personal assistant"


def test_bad_rate_is_explained(qtbot: object, open_profile: OpenProfile, data_dir: Path) -> None:
    dialog = OwnProviderDialog(MyProvidersService(open_profile, RegisterService(data_dir)))
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Jo")
    dialog.rate.setText("twelve")
    dialog.submit()
    assert "not an amount" in dialog.error.text() and dialog.result() == 0
