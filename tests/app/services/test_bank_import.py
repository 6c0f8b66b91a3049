"""Previewing and committing bank statements into a real encrypted profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.audit import decode, first_broken_link
from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.bank_import import ImportPreview, RowStatus
from app.services.context import ProfileContext, open_context
from app.services.profiles import NewProfile, create_profile
from app.store import writer as writer_module

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "bank"
TODAY = date(2026, 11, 29)


@pytest.fixture
def ctx(make_ctx: Callable[..., ProfileContext]) -> ProfileContext:
    """Records from 2020, so that the sample statements' years all fall inside them."""
    return make_ctx(start=date(2020, 1, 1))


def _preview(ctx: ProfileContext, name: str) -> ImportPreview:
    data = (SAMPLES / name).read_bytes()
    return ctx.imports.preview(data, name, ctx.imports.account_id(None), today=TODAY)


def _amounts(ctx: ProfileContext) -> list[int]:
    rows, after = [], None
    while page := ctx.ledger.page(after):
        rows += [r.entry for r in page]
        after = (page[-1].entry.on, page[-1].entry.id)
    return [e.amount.pence for e in rows]


def test_import_then_again_adds_nothing(ctx: ProfileContext) -> None:
    first = _preview(ctx, "lloyds.csv")
    assert (first.count(RowStatus.NEW), first.count(RowStatus.DUPLICATE)) == (12, 0)
    result = ctx.imports.commit(first, today=TODAY)
    assert result.added == 12
    again = _preview(ctx, "lloyds.csv")
    assert (again.count(RowStatus.NEW), again.count(RowStatus.DUPLICATE)) == (0, 12)
    assert ctx.imports.commit(again, today=TODAY).added == 0
    amounts = _amounts(ctx)
    assert len(amounts) == 12 and sum(amounts) == -388199
    assert all(ctx.ledger.get_entry(i).import_id for i in result.entry_ids)


def test_stale_preview_commits_nothing_twice(ctx: ProfileContext) -> None:
    preview = _preview(ctx, "monzo_3.csv")
    ctx.imports.commit(preview, today=TODAY)
    second = ctx.imports.commit(preview, today=TODAY)  # the same preview, committed again
    assert (second.added, second.duplicates) == (0, 9)
    assert ctx.ledger.count() == 9


def test_identical_lines_on_one_day_stay_two_entries(ctx: ProfileContext) -> None:
    text = "Date,Description,Amount,Balance\n01/09/2026,BUS,-2.80,10\n01/09/2026,BUS,-2.80,7.20\n"
    preview = ctx.imports.preview(text.encode(), "fd.csv", 1, today=TODAY)
    assert preview.count(RowStatus.NEW) == 2
    ctx.imports.commit(preview, today=TODAY)
    again = ctx.imports.preview(text.encode(), "fd.csv", 1, today=TODAY)
    assert again.count(RowStatus.DUPLICATE) == 2


def test_suggests_payee_and_category_from_earlier_entries(ctx: ProfileContext) -> None:
    ctx.ledger.add_entry(EntryDraft(date(2026, 8, 1), Money(-2000), "TESCO STORES",
                                    "activities"), today=TODAY)
    preview = _preview(ctx, "starling.csv")
    tesco = next(r for r in preview.rows if r.line == 3)
    assert (tesco.payee, tesco.category_code) == ("TESCO STORES", "activities")
    salary = next(r for r in preview.rows if r.line == 4)
    assert (salary.payee, salary.category_code) == ("ACME LTD", "unsorted_in")
    edited = preview.with_choice(3, payee="Tesco", category_code="respite")
    ctx.imports.commit(edited, today=TODAY)
    # The person's correction is what the next statement suggests for the same bank text.
    later = (SAMPLES / "starling.csv").read_text().replace("02/09/2026", "09/09/2026")
    hint = ctx.imports.preview(later.encode(), "s.csv", 1, today=TODAY).rows[0]
    assert (hint.status, hint.payee, hint.category_code) == (RowStatus.NEW, "Tesco", "respite")


@pytest.mark.parametrize("code", ["household", "equipment", "other_out"])
def test_categories_needing_agreement_are_never_suggested(ctx: ProfileContext,
                                                          code: str) -> None:
    ctx.ledger.add_entry(EntryDraft(date(2026, 8, 1), Money(-2000), "TESCO STORES", code,
                                    approval_reason="agreed"), today=TODAY)
    tesco = _preview(ctx, "starling.csv").rows[0]
    assert (tesco.category_code, tesco.status) == ("unsorted_out", RowStatus.NEW)


def test_a_line_put_in_a_category_needing_agreement_needs_its_reason(
        ctx: ProfileContext) -> None:
    preview = _preview(ctx, "barclays.csv")
    line = next(r for r in preview.rows if r.amount and r.amount.pence < 0).line
    with pytest.raises(Exception, match="must agree"):
        ctx.imports.commit(preview.with_choice(line, category_code="equipment"), today=TODAY)
    assert ctx.ledger.count() == 0
    agreed = preview.with_choice(line, category_code="equipment",
                                 approval_reason="Council letter 4 Aug")
    ids = ctx.imports.commit(agreed, today=TODAY).entry_ids
    assert any(ctx.ledger.get_entry(i).approval_reason == "Council letter 4 Aug" for i in ids)


def test_a_bad_edit_stops_the_whole_commit(ctx: ProfileContext) -> None:
    preview = _preview(ctx, "barclays.csv").with_choice(3, category_code="pa_wages")
    with pytest.raises(ValidationError) as caught:
        ctx.imports.commit(preview, today=TODAY)
    assert "Line 3" in str(caught.value)
    assert ctx.ledger.count() == 0


def test_rows_the_ledger_refuses_are_rejected_in_preview(ctx: ProfileContext) -> None:
    text = ("Date,Description,Amount,Balance\n01/09/1999,OLD,-2.80,10\n"
            "01/09/2026,FINE,-1.00,9\n01/09/2031,FUTURE,-2.80,7.20\n"
            "01/03/2019,BEFORE START,-1.00,8\n")
    preview = ctx.imports.preview(text.encode(), "fd.csv", 1, today=TODAY)
    assert [(r.line, r.status) for r in preview.rows] == [
        (2, RowStatus.REJECTED), (3, RowStatus.NEW), (4, RowStatus.REJECTED),
        (5, RowStatus.REJECTED)]
    assert "2000" in preview.rows[0].reason
    assert "before the records start" in preview.rows[3].reason


def test_one_audit_event_holds_every_imported_entry(ctx: ProfileContext) -> None:
    result = ctx.imports.commit(_preview(ctx, "monzo_3.csv"), today=TODAY)
    events = ctx.history.events()
    (imported,) = [e for e in events if e.action == "import"]
    body = decode(imported)
    assert (body.cause.about["file"], body.cause.about["layout"]) == ("monzo_3.csv", "monzo")
    assert [c.key[0] for c in body.changes] == list(result.entry_ids)
    assert imported.entity_id == f"{result.entry_ids[0]}-{result.entry_ids[-1]}"
    assert first_broken_link(events) is None
    assert {c.after["import_id"] for c in body.changes if c.after} >= {"id:tx_0000A1"}


def test_the_balance_an_ofx_file_states_is_kept_for_the_return(ctx: ProfileContext) -> None:
    preview = _preview(ctx, "santander.ofx")
    assert preview.closing is not None
    ctx.imports.commit(preview, today=TODAY)
    ctx.imports.commit(_preview(ctx, "santander.ofx"), today=TODAY)  # kept once
    with ctx.store.read() as repos:
        stated = repos.accounts.bank_balance(date(2026, 10, 31))
        count = repos.conn.exec_driver_sql("SELECT count(*) FROM bank_balance").scalar()
    assert stated is not None
    assert (stated.on, stated.balance, count) == (date(2026, 9, 30), Money(294000), 1)


def test_unknown_account_is_a_plain_error(ctx: ProfileContext) -> None:
    with pytest.raises(Exception, match="no account called"):
        ctx.imports.account_id("Savings")


def test_failure_while_writing_leaves_nothing(ctx: ProfileContext,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    preview = _preview(ctx, "lloyds.csv")

    def broken(*args: object, **kwargs: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(writer_module, "append_event", broken)
    with pytest.raises(OSError):
        ctx.imports.commit(preview, today=TODAY)
    assert ctx.ledger.count() == 0


# --- generated statements never leave part of a file in the ledger ---------------------------


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProfileContext]:
    folder = tmp_path_factory.mktemp("atomic")
    create_profile(folder, NewProfile("Atomic", Money(42000), Frequency.FOUR_WEEKLY,
                                      date(2020, 1, 1)), "a long passphrase")
    opened = open_context(folder, "Atomic", "a long passphrase")
    yield opened
    opened.close()


LINES = st.lists(st.tuples(st.integers(0, 500), st.integers(-99_999, 99_999),
                           st.text("ABCDEFGHIJ ", min_size=1, max_size=12)),
                 min_size=1, max_size=30)


def _csv(lines: list[tuple[int, int, str]]) -> bytes:
    rows = ["Date,Description,Amount"]
    for days, pence, text in lines:
        day = date(2025, 4, 1) + timedelta(days=days)
        rows.append(f"{day:%d/%m/%Y},{text.strip() or 'X'},{pence / 100:.2f}")
    return "\n".join(rows).encode()


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=LINES, sabotage=st.booleans(), pick=st.integers(0, 100))
def test_commit_is_all_or_nothing(shared: ProfileContext, lines: list[tuple[int, int, str]],
                                  sabotage: bool, pick: int) -> None:
    data = _csv(lines)
    preview = shared.imports.preview(data, "gen.csv", 1, today=TODAY)
    new = [r for r in preview.rows if r.status is RowStatus.NEW]
    before = shared.ledger.count()
    if sabotage and new:
        victim = new[pick % len(new)]
        wrong = "pa_wages" if victim.amount and victim.amount.pence > 0 else "council_payment"
        with pytest.raises(ValidationError):
            shared.imports.commit(preview.with_choice(victim.line, category_code=wrong),
                                  today=TODAY)
        assert shared.ledger.count() == before
        return
    result = shared.imports.commit(preview, today=TODAY)
    assert shared.ledger.count() == before + len(new) == before + result.added
    again = shared.imports.preview(data, "gen.csv", 1, today=TODAY)
    assert again.count(RowStatus.NEW) == 0
    assert shared.history.verify().is_whole
