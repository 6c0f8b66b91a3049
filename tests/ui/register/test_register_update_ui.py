"""Find providers downloads the register: the first-use notice, the update button, progress and
failures, against the local HTTP server (the `server` fixture in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.services.register import RegisterService
from ui.register.register_page import RegisterPage
from ui.register.register_update import UpdateSourceDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HSCA = (FIXTURES / "cqc_hsca_extract.csv").read_bytes()


def empty_page(qtbot, tmp_path: Path) -> RegisterPage:  # type: ignore[no-untyped-def]
    register = RegisterService(tmp_path / "data")
    page = RegisterPage(register)
    qtbot.addWidget(page)
    page.destroyed.connect(register.close)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_first_use_offers_the_download_and_it_fills_the_register(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, server) -> None:
    page = empty_page(qtbot, tmp_path)
    assert page.empty_notice.isVisible() and page.download_now.isEnabled()
    url = server.put("/hsca.csv", HSCA, etag='"1"')
    with qtbot.waitSignal(page.register_updated, timeout=10_000) as said:
        page.update_register(url)
    assert "40 added" in said.args[0]
    assert not page.empty_notice.isVisible()
    assert page.model.rowCount() > 0
    assert page.update_button.isEnabled()


def test_second_update_says_up_to_date(qtbot, tmp_path, server) -> None:  # type: ignore[no-untyped-def]
    page = empty_page(qtbot, tmp_path)
    url = server.put("/hsca.csv", HSCA, etag='"1"')
    with qtbot.waitSignal(page.register_updated, timeout=10_000):
        page.update_register(url)
    with qtbot.waitSignal(page.register_updated, timeout=10_000) as said:
        page.update_register(url)
    assert "up to date" in said.args[0]
    assert page.message.text() == said.args[0]


def test_failed_download_is_said_and_changes_nothing(qtbot, tmp_path, server) -> None:  # type: ignore[no-untyped-def]
    page = empty_page(qtbot, tmp_path)
    server.put("/hsca.csv", HSCA * 3, etag='"1"')
    server.cut("/hsca.csv")
    with qtbot.waitSignal(page.register_updated, timeout=10_000) as said:
        page.update_register(server.url("/hsca.csv"))
    assert "stopped before the end" in said.args[0]
    assert page.empty_notice.isVisible()  # still empty: the offer stays
    assert page.model.rowCount() == 0


def test_source_dialog_asks_for_a_web_address(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = UpdateSourceDialog()
    qtbot.addWidget(dialog)
    assert dialog.url().startswith("https://www.cqc.org.uk/")
    dialog.oruk.setChecked(True)
    dialog.feed.setText("council directory")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "https://" in dialog.message.text()
    dialog.feed.setText("https://council.example/api/services")
    dialog._accept()
    assert dialog.url() == "https://council.example/api/services"


def test_an_empty_register_says_how_to_get_it(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = empty_page(qtbot, tmp_path)
    page.search_box.setText("home care")
    page.run_search()
    assert "fewer" not in page.message.text() and "Download the register now" in \
        page.message.text()
    assert page.empty_notice.isVisible()
    assert page.download_now.isVisible() and page.import_now.isVisible()
    assert page.import_now.accessibleName() and page.download_now.accessibleName()
