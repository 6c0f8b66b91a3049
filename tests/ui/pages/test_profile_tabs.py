"""The profile's tabs share one undo stack: a change made on any tab is undone from the
Money tab (Ctrl+Z), and every tab shows the result."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.council_rules import ReturnFrequency, custom_rule
from app.domain.roles import Role
from app.services.context import ProfileContext
from tests.conftest import NAME
from ui.pages.profile_tabs import ProfileTabs
from ui.register.my_providers_page import OwnProviderDialog


def make_tabs(qtbot: QtBot, ctx: ProfileContext) -> ProfileTabs:
    tabs = ProfileTabs(ctx)
    qtbot.addWidget(tabs)
    tabs.show()
    return tabs


def test_every_tab_shares_the_profiles_undo_stack(qtbot: QtBot, ctx: ProfileContext) -> None:
    tabs = make_tabs(qtbot, ctx)
    assert tabs.undo_stack is ctx.undo and tabs.ledger_page.undo_stack is ctx.undo


def test_a_person_added_on_the_people_tab_is_undone_from_the_money_tab(
        qtbot: QtBot, ctx: ProfileContext) -> None:
    tabs = make_tabs(qtbot, ctx)
    people = tabs.people_page
    people.name.setText("Sam Carer")
    people.role.setCurrentIndex(people.role.findData(Role.CARER))
    people.add_button.click()
    assert people.model.rowCount() == 2
    assert tabs.ledger_page.undo_button.isEnabled()
    assert tabs.ledger_page.undo_button.toolTip() == "Undo: Add person"
    tabs.ledger_page.undo()
    assert people.model.rowCount() == 1  # the tab followed without being asked
    assert [p.name for p in ctx.people.list()] == [NAME]
    tabs.ledger_page.redo()
    assert people.model.rowCount() == 2


def test_a_provider_and_a_rule_are_undone_in_turn(qtbot: QtBot, ctx: ProfileContext) -> None:
    tabs = make_tabs(qtbot, ctx)
    before = ctx.rules.chosen_rule()
    dialog = OwnProviderDialog(ctx.providers, ctx.undo)
    qtbot.addWidget(dialog)
    dialog.name.setText("Jo Evans")
    dialog.rate.setText("12.60")
    dialog.submit()
    ctx.undo.run("Choose council rule", lambda: ctx.rules.choose_rule(
        custom_rule("Ours", ReturnFrequency.YEARLY, 4)))
    tabs.ledger_page.undo()
    assert ctx.rules.chosen_rule() == before
    assert [p.name for p in ctx.providers.providers()] == ["Jo Evans"]
    tabs.ledger_page.undo()
    assert ctx.providers.providers() == []
    assert not tabs.ledger_page.undo_button.isEnabled()


def test_every_control_on_every_tab_has_a_name(
        qtbot: QtBot, ctx: ProfileContext, unnamed: Callable[[QWidget], list[str]]) -> None:
    tabs = make_tabs(qtbot, ctx)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        assert page is not None
        assert unnamed(page) == [], tabs.tabText(index)


def test_only_the_money_tab_is_built_at_first(qtbot: QtBot, ctx: ProfileContext) -> None:
    """The ledger paints at once; every other page is made when its tab is first shown."""
    from ui.pages.profile_tabs import LATER_PAGES
    from ui.security.history_page import HistoryPage

    tabs = make_tabs(qtbot, ctx)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert tabs.count() == 1 + len(LATER_PAGES)
    assert tabs.currentWidget() is tabs.ledger_page
    assert tabs.built_pages() == [tabs.ledger_page]
    history = titles.index("&History")
    tabs.setCurrentIndex(history)
    assert isinstance(tabs.currentWidget(), HistoryPage)
    assert tabs.currentWidget() is tabs.history_page  # the same page, by name
    assert tabs.built_pages() == [tabs.ledger_page, tabs.history_page]
    assert [tabs.tabText(i) for i in range(tabs.count())] == titles
    assert tabs.currentIndex() == history


def test_a_page_asked_for_by_name_is_built_in_its_place(qtbot: QtBot,
                                                        ctx: ProfileContext) -> None:
    tabs = make_tabs(qtbot, ctx)
    people = tabs.people_page
    assert tabs.currentWidget() is tabs.ledger_page  # still on the Money tab
    tabs.setCurrentWidget(people)
    assert tabs.tabText(tabs.currentIndex()) == "P&eople"
    assert people.isVisible()
    assert tabs.built_pages() == [tabs.ledger_page, people]  # and no page between


def test_a_change_reaches_only_the_pages_built(qtbot: QtBot, ctx: ProfileContext) -> None:
    """A page not built yet reads everything when it is built: nothing is lost meanwhile."""
    tabs = make_tabs(qtbot, ctx)
    people = tabs.people_page
    ctx.undo.run("Add person", lambda: ctx.people.add("Sam Carer", Role.CARER))
    assert people.model.rowCount() == 2
    assert tabs.built_pages() == [tabs.ledger_page, people]
    history = tabs.history_page  # built now, and reading when shown: the change is in it
    tabs.setCurrentWidget(history)
    assert history.model.rowCount() == len(ctx.history.page(None, 1000))


def test_opening_a_profile_loads_no_statement_code_or_other_pages(tmp_path: Path) -> None:
    """reportlab (statements), SQLAlchemy and Alembic (writes, migrations), and the pages of
    the other tabs wait until used."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CARELEDGER_PASSPHRASE="a passphrase")
    root = Path(__file__).parents[3]
    subprocess.run([sys.executable, "-m", "ui.main", "--data-dir", str(tmp_path), "profile",
                    "create", "Ann", "--weekly", "300"], env=env, cwd=root, check=True,
                   capture_output=True)
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from app.services.context import open_context\n"
            "from ui.pages.profile_tabs import ProfileTabs\n"
            "app = QApplication([])\n"
            f"ctx = open_context({str(tmp_path)!r}, 'Ann', 'a passphrase')\n"
            "tabs = ProfileTabs(ctx)\n"
            "tabs.show()\n"
            "app.processEvents()\n"
            "print(' '.join(sys.modules))\n"
            "ctx.close()\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, check=True,
                          capture_output=True, text=True)
    loaded = set(done.stdout.split())
    assert not loaded & {"reportlab", "alembic", "holidays", "app.statements", "sqlalchemy",
                         "ui.statements.statement_page",
                         "ui.register.register_page", "ui.security.history_page",
                         "ui.employer.pa_page", "ui.bank.import_dialog"}
