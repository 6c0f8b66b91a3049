"""Make the pictures of the help guide from the real window: the demo profile, offscreen, in
English and Welsh, at normal text, scaled down and saved as small PNGs in
resources/help/images/<language>/. Run after the screens change:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/help_screens.py

Each picture is the window (or the dialog or menu) a help page talks about. Pillow (which
reportlab brings) reduces each to 64 colours: screens have few, and the guide stays small.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu, QWidget  # noqa: E402

from app import i18n  # noqa: E402
from app.help.topics import HELP_DIR, LANGUAGES  # noqa: E402
from app.services.computer import ComputerService  # noqa: E402
from app.services.demo import DEFAULT_DEMO_NAME, create_demo_profile  # noqa: E402
from app.services.profiles import DEMO_PASSPHRASE  # noqa: E402
from app.settings import load_settings, save_settings  # noqa: E402
from ui.bank.import_dialog import BankImportDialog  # noqa: E402
from ui.dialogs.entry_dialog import EntryDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.security.settings_dialog import SettingsDialog  # noqa: E402
from ui.text_size import TextSize  # noqa: E402

WIDTH = 600  # pixels: a picture fits beside the page list at any text size
COLOURS = 64
WINDOW = (900, 560)


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def save(pixmap: QPixmap, path: Path) -> int:
    """Scale to WIDTH, reduce the colours, write an optimised PNG; its size in bytes."""
    scaled = pixmap.scaledToWidth(min(WIDTH, pixmap.width()),
                                  Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "PNG")
    image = Image.open(_bytes_io(bytes(buffer.data().data())))
    small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, optimize=True)
    return path.stat().st_size


def _bytes_io(data: bytes):  # type: ignore[no-untyped-def]
    import io
    return io.BytesIO(data)


def bank_file(folder: Path, today: date) -> Path:
    """A short made-up statement in Lloyds' layout, dated this month."""
    rows = [(today - timedelta(days=n), text, out, inn) for n, text, out, inn in (
        (2, "BRIGHT CARE LTD", "312.50", ""), (5, "J EVANS WAGES", "420.00", ""),
        (9, "COUNCIL DIRECT PAYMENT", "", "1540.00"), (12, "HMRC PAYE", "96.20", ""))]
    path = folder / "statement.csv"
    lines = ["Transaction Date,Transaction Type,Sort Code,Account Number,"
             "Transaction Description,Debit Amount,Credit Amount,Balance,"]
    lines += [f"{on:%d/%m/%Y},DEB,'11-22-33,12345678,{text},{out},{inn},," for on, text, out, inn
              in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def menu_shot(window: MainWindow, index: int, app: QApplication) -> QPixmap:
    """A menu of the menu bar, opened: the window with the menu drawn over it."""
    action = window.menuBar().actions()[index]
    menu = action.menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.menuBar().mapToGlobal(window.menuBar().actionGeometry(action).bottomLeft()))
    settle(app)
    shot = window.grab()
    from PySide6.QtGui import QPainter
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(menu.pos()) + QPoint(0, 0), menu.grab())
    painter.end()
    menu.hide()
    return shot.copy(0, 0, min(shot.width(), 640), min(shot.height(), 400))


def dialog_shot(make: Callable[[], QWidget], app: QApplication,
                before: Callable[[QWidget], object] | None = None) -> QPixmap:
    dialog = make()
    dialog.show()
    if before is not None:
        before(dialog)
    settle(app)
    shot = dialog.grab()
    dialog.close()
    dialog.deleteLater()
    return shot


def shots_for(language: str, app: QApplication, folder: Path) -> dict[str, QPixmap]:
    i18n.set_locale("cy_GB" if language == "cy" else "en_GB")
    save_settings(folder, load_settings(folder).with_changes(language=language))
    window = MainWindow(folder, TextSize(app))
    window.show()
    window.resize(*WINDOW)
    settle(app)
    found = {"profiles": window.grab()}
    found["getting_help"] = menu_shot(window, 2, app)
    window.open_with_passphrase(DEFAULT_DEMO_NAME, DEMO_PASSPHRASE)
    tabs, ctx = window.profile_view, window.ctx
    assert tabs is not None and ctx is not None
    settle(app)
    for topic, page in (("overview", tabs.overview_page), ("statement", tabs.statement_page),
                        ("providers", tabs.register_page), ("visits", tabs.services_page),
                        ("pas", tabs.pa_page), ("outcomes", tabs.outcomes_page)):
        tabs.setCurrentWidget(page)
        settle(app)
        found[topic] = window.grab()
    tabs.setCurrentWidget(tabs.ledger_page)
    settle(app)
    found["backups"] = menu_shot(window, 0, app)
    policy, lines = ctx.ledger.policy(), ctx.ledger.plan_lines()
    found["entry"] = dialog_shot(lambda: EntryDialog(policy, lines, lambda _d: None,
                                                     parent=window), app)
    statement = bank_file(folder, date.today())
    found["bank_import"] = dialog_shot(
        lambda: BankImportDialog(ctx.imports, ctx.undo, window, ctx.accounts, ctx.payee_rules),
        app, lambda d: d.load_file(statement))  # type: ignore[attr-defined]
    found["text_language"] = dialog_shot(
        lambda: SettingsDialog(ComputerService(folder), window), app)
    window.lock()
    window.close()
    window.deleteLater()
    return found


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as temp:
        total = 0
        for language in LANGUAGES:
            # The demo is made in the language of its pictures (its outcomes are in words).
            i18n.set_locale("cy_GB" if language == "cy" else "en_GB")
            folder = Path(temp) / language
            create_demo_profile(folder, DEFAULT_DEMO_NAME, DEMO_PASSPHRASE, today=date.today())
            for topic, pixmap in shots_for(language, app, folder).items():
                size = save(pixmap, HELP_DIR / "images" / language / f"{topic}.png")
                total += size
                print(f"{language}/{topic}.png  {size // 1024} KB")
        print(f"in all {total // 1024} KB")


if __name__ == "__main__":
    main()
