"""A profile open in another window is opened here read-only: every tab shows its records, and
no button that would change them is offered (found by trying it: Log visit, Add a provider,
Add to My providers, Make my own rule and attaching a document for the council were offered,
then refused when pressed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.chosen_providers import ChosenProviderDraft
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.domain.visits import VisitDraft
from app.services.context import open_context
from app.services.profiles import CreatedProfile, open_profile
from tests.conftest import NAME, PASSPHRASE
from ui.pages.profile_tabs import ProfileTabs
from ui.statements.documents_dialog import DocumentsDialog

PDF = b"%PDF-1.4\n%%EOF\n"  # the smallest file the evidence service takes as a PDF


def test_no_tab_offers_a_change_when_read_only(qtbot: QtBot, data_dir: Path,
                                               created: CreatedProfile,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    today = date.today()
    with open_context(data_dir, NAME, PASSPHRASE) as writer:
        writer.visits.add(VisitDraft(today, "Helping Hands", 60, 60, 1500))
        writer.providers.add(ChosenProviderDraft("Helping Hands", today))
        paid = writer.ledger.add_entry(EntryDraft(today, Money(-1500), "Helping Hands",
                                                  "agency_care"), today=today)
        writer.evidence.attach(paid.id, "invoice.pdf", PDF)
    with open_profile(data_dir, NAME, PASSPHRASE), \
            open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        tabs = ProfileTabs(ctx)
        qtbot.addWidget(tabs)
        tabs.show()
        tabs.build_all()
        services, mine = tabs.services_page, tabs.my_providers_page
        services.show_week(today)
        mine.refresh()  # it reloads when shown
        assert services.model.rowCount() >= 1 and mine.model.rowCount() == 1
        services.table.selectRow(0)
        mine.table.selectRow(0)
        tabs.ledger_page.table.selectRow(0)
        documents = tabs.ledger_page.evidence
        documents.table.selectRow(0)
        offered = {
            "Log visit": services.add_button, "Change visit": services.change_button,
            "Remove visit": services.remove_button, "Add a provider": mine.add_button,
            "Change provider": mine.change_button, "Remove provider": mine.remove_button,
            "Add to My providers": tabs.register_page.add_button,
            "Make my own rule": tabs.statement_page.custom_button,
            "Choose a council rule": tabs.statement_page.rule_combo,
            "Add an entry": tabs.ledger_page.add_button,
            "Add a person": tabs.people_page.add_button,
            "Attach a receipt": documents.attach_button,
            "Remove a receipt": documents.remove_button,
        }
        assert [name for name, widget in offered.items() if widget.isEnabled()] == []
        assert tabs.register_page.add_current() is None
        shown: list[DocumentsDialog] = []

        def record(dialog: DocumentsDialog) -> int:
            shown.append(dialog)
            return 0

        monkeypatch.setattr(DocumentsDialog, "exec", record)
        tabs.statement_page.documents_button.click()
        assert shown and not shown[0].attach_button.isEnabled()
        assert not shown[0].remove_button.isEnabled()
        # Receipts are still seen and saved; returns still made (read-only, one records
        # nothing).
        assert documents.isEnabled() and documents.save_button.isEnabled()
        assert tabs.statement_page.pdf_button.isEnabled()
