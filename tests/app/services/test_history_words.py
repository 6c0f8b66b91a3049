"""The history in words: local time, who, and what changed from what to what."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app import i18n
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from app.services.history_words import value_text


def test_a_change_says_from_what_to_what(ctx: ProfileContext) -> None:
    entry = ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-1200), "Jo Evans (PA)",
                                            "pa_wages", ""), date(2025, 6, 1))
    ctx.ledger.update_entry(entry.id, EntryDraft(date(2025, 5, 2), Money(-2550), "Jo Evans (PA)",
                                                 "agency_care", "Week 1"), date(2025, 6, 1))
    event = ctx.history.events()[-1]
    words = ctx.history.describe(event)
    assert words.what == "Changed the entry “Jo Evans (PA), 2 May 2025”"
    assert words.who == "Ann Example"
    assert "Amount: from -£12.00 to -£25.50" in words.details
    assert "Date: from 1 May 2025 to 2 May 2025" in words.details
    assert "Note: from nothing to Week 1" in words.details
    category = [d for d in words.details if d.startswith("Category")]
    assert category and "PA wages" in category[0] and "agency_care" not in category[0]
    moment = datetime.fromisoformat(event.at.replace("Z", "+00:00"))
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    assert words.when == f"{i18n.format_day(local.date())}, {local:%H:%M}"
    assert "UTC" not in words.when


def test_adding_and_removing_say_what_the_record_held(ctx: ProfileContext) -> None:
    entry = ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-700), "Shop",
                                            "pa_wages", ""), date(2025, 6, 1))
    added = ctx.history.describe(ctx.history.events()[-1])
    assert added.what == "Added the entry “Shop, 1 May 2025”"
    assert "Amount: -£7.00" in added.details
    ctx.ledger.delete_entry(entry.id)
    removed = ctx.history.describe(ctx.history.events()[-1])
    assert removed.what.startswith("Removed the entry “Shop")


def test_values_in_welsh() -> None:
    i18n.set_locale("cy")
    assert value_text("entry", "on", "2026-11-29") == "29 Tach 2026"
    assert value_text("entry", "cleared", True) == i18n._("yes")
    assert value_text("entry", "amount", 1250) == "£12.50"


def test_every_audited_table_and_column_has_words() -> None:
    """A table or column added without words would show its code name, in English, in the
    History tab (the outcome and evidence tables once did)."""
    from app.services.history_words import COLUMNS, HIDDEN, RECORDS
    from app.store.writer import TABLES, audited_columns

    assert sorted(set(TABLES) - set(RECORDS)) == []
    assert [(table, column) for table in sorted(TABLES) for column in audited_columns(table)
            if column not in COLUMNS and column not in HIDDEN] == []
