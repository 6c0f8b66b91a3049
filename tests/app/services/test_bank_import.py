"""Previewing and committing bank statements into a real encrypted profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.accounts import AccountKind
from app.domain.audit import decode, first_broken_link
from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.bank_import import BankImportService, ImportPreview, RowStatus
from app.services.context import ProfileContext, open_context
from app.services.payees import RuleDraft
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
        count = repos.conn.execute("SELECT count(*) FROM bank_balance").fetchone()[0]
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


# --- every real export, without a mapper ------------------------------------------------------

SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "bank-statements"
REAL = sorted(p.name for p in SAMPLES.iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("name", REAL)
def test_every_real_export_imports_without_a_mapper(make_ctx: Callable[..., ProfileContext],
                                                    name: str) -> None:
    ctx = make_ctx(start=date(2000, 1, 1))  # the samples run from 2009 to 2026
    service = BankImportService(ctx.store, mappings=None)  # nothing remembered, no mapper
    data = (SAMPLES / name).read_bytes()
    preview = service.preview(data, name, 1, today=TODAY)
    assert preview.count(RowStatus.REJECTED) == 0, [r.reason for r in preview.rows]
    new = preview.count(RowStatus.NEW)
    assert new > 0 and service.commit(preview, today=TODAY).added == new
    again = service.preview(data, name, 1, today=TODAY)
    assert again.count(RowStatus.DUPLICATE) == new


def test_the_samples_are_the_shared_real_exports() -> None:
    """tests/fixtures/bank holds a copy of every real export the team keeps (when the shared
    folder is beside this checkout), so the test above covers them all."""
    if not SHARED_DATA.is_dir():
        pytest.skip("no shared data folder beside this checkout")
    shared = {p.name: p.read_bytes() for p in SHARED_DATA.iterdir() if p.is_file()}
    assert set(shared) <= set(REAL)
    assert all((SAMPLES / n).read_bytes() == data for n, data in shared.items())


# --- matching what is already there -------------------------------------------------------------


def _add(ctx: ProfileContext, on: date, pence: int, payee: str, code: str) -> int:
    return ctx.ledger.add_entry(EntryDraft(on, Money(pence), payee, code), today=TODAY).id


def _links(ctx: ProfileContext) -> list[tuple[int, int]]:
    with ctx.store.read() as repos:
        return [(int(e), int(a)) for e, a in repos.conn.execute(
            "SELECT entry_id, amount FROM bank_match ORDER BY id")]


def test_payments_typed_by_hand_are_matched_not_counted_twice(ctx: ProfileContext) -> None:
    tesco = _add(ctx, date(2026, 8, 31), -1234, "Tesco", "activities")
    acme = _add(ctx, date(2026, 9, 1), 200000, "Acme Ltd", "refund_in")
    balance, money = ctx.ledger.balance(), ctx.summary.on(date(2026, 9, 30))
    preview = _preview(ctx, "santander.ofx")
    assert [(r.status, r.match.entry_id if r.match else None) for r in preview.rows] == [
        (RowStatus.MATCHED, tesco), (RowStatus.MATCHED, acme)]
    assert all(r.match and r.match.certain for r in preview.rows)
    result = ctx.imports.commit(preview, today=TODAY)
    assert (result.added, result.matched) == (0, 2)
    assert ctx.ledger.count() == 2 and ctx.ledger.balance() == balance
    assert ctx.summary.on(date(2026, 9, 30)) == money  # weeks held, surplus: as before
    assert ctx.ledger.get_entry(tesco).cleared and ctx.ledger.get_entry(acme).cleared
    assert ctx.ledger.get_entry(tesco).payee == "Tesco"  # the person's own words are kept
    again = _preview(ctx, "santander.ofx")
    assert again.count(RowStatus.DUPLICATE) == 2  # the matched lines' ids stop it too


@pytest.mark.parametrize("order", [["santander.ofx", "hsbc.csv", "natwest.csv", "santander.txt"],
                                   ["santander.txt", "natwest.csv", "hsbc.csv", "santander.ofx"]])
def test_the_same_account_as_ofx_and_csv_imports_once(ctx: ProfileContext,
                                                      order: list[str]) -> None:
    """The countinghouse samples are one set of payments written in each bank's layout:
    imported one after another they are the same three payments, whatever the order."""
    for name in order:
        ctx.imports.commit(_preview(ctx, name), today=TODAY)
    assert sorted(_amounts(ctx)) == [-6000, -1234, 200000]  # santander.txt adds British Gas
    for name in order:
        preview = _preview(ctx, name)
        assert preview.count(RowStatus.NEW) == preview.count(RowStatus.MATCHED) == 0, name
    assert ctx.history.verify().is_whole


def test_an_uncertain_match_can_be_refused(ctx: ProfileContext) -> None:
    jo = _add(ctx, date(2026, 9, 2), -1234, "Jo (PA)", "pa_wages")
    preview = _preview(ctx, "hsbc.csv")
    row = next(r for r in preview.rows if r.status is RowStatus.MATCHED)
    assert row.to_check and row.match is not None and row.match.entry_id == jo
    assert preview.to_check == 1
    refused = preview.with_match(row.line, accepted=False)
    assert refused.count(RowStatus.NEW) == 2 and refused.to_check == 0
    assert refused.with_match(row.line, accepted=True).count(RowStatus.MATCHED) == 1
    result = ctx.imports.commit(refused, today=TODAY)
    assert (result.added, result.matched, ctx.ledger.count()) == (2, 0, 3)
    assert not ctx.ledger.get_entry(jo).cleared


def test_an_entry_gone_since_the_preview_stops_the_commit(ctx: ProfileContext) -> None:
    tesco = _add(ctx, date(2026, 9, 1), -1234, "Tesco", "activities")
    preview = _preview(ctx, "santander.ofx")
    ctx.ledger.delete_entry(tesco)
    with pytest.raises(ValidationError, match="Line 17: the entry it matched"):
        ctx.imports.commit(preview, today=TODAY)
    assert ctx.ledger.count() == 0
    assert _preview(ctx, "santander.ofx").count(RowStatus.NEW) == 2


def test_deleting_a_matched_entry_lets_its_line_in_again(ctx: ProfileContext) -> None:
    tesco = _add(ctx, date(2026, 9, 1), -1234, "Tesco", "activities")
    ctx.imports.commit(_preview(ctx, "santander.ofx"), today=TODAY)
    ctx.ledger.delete_entry(tesco)
    assert _links(ctx) == []  # the link went with the entry (and comes back on undo)
    statuses = [r.status for r in _preview(ctx, "santander.ofx").rows]
    assert statuses == [RowStatus.NEW, RowStatus.DUPLICATE]


def test_undo_takes_back_the_links_and_the_ticks(ctx: ProfileContext) -> None:
    tesco = _add(ctx, date(2026, 9, 1), -1234, "Tesco", "activities")
    ctx.undo.run("Import", lambda: ctx.imports.commit(_preview(ctx, "santander.ofx"),
                                                      today=TODAY))
    assert _links(ctx) == [(tesco, -1234)] and ctx.ledger.count() == 2
    ctx.undo.undo()
    assert _links(ctx) == [] and ctx.ledger.count() == 1
    assert not ctx.ledger.get_entry(tesco).cleared


def test_imported_lines_are_ticked_as_on_the_statement(ctx: ProfileContext) -> None:
    result = ctx.imports.commit(_preview(ctx, "monzo_3.csv"), today=TODAY)
    assert all(ctx.ledger.get_entry(i).cleared for i in result.entry_ids)


# Generated pairs: payments typed by hand, and a bank file that repeats them (bank-style
# payees, dates moved up to 3 days) among new lines.
PEOPLE = [("Jo Evans (PA)", "pa_wages"), ("Sam Smith", "pa_wages"),
          ("Bright Care Agency Ltd", "agency_care"), ("Tesco", "activities"),
          ("HMRC", "paye_ni"), ("Testshire Council", "council_payment")]


def _bank_style(payee: str, form: int, number: int) -> str:
    words = payee.replace("(", "").replace(")", "").upper().split()
    return [" ".join(words), f"{words[0][0]} {' '.join(words[1:])} WAGES",
            f"FPO {' '.join(words)} {number:06d}", f"CARD PAYMENT TO {words[0]} {number % 9999}",
            f"SO {number:05d}"][form]


TYPED = st.lists(st.tuples(st.sampled_from(range(len(PEOPLE))), st.integers(100, 90_000),
                           st.integers(0, 40), st.integers(-3, 3), st.integers(0, 4)),
                 min_size=1, max_size=8)
NEW_LINES = st.lists(st.tuples(st.integers(-90_000, 90_000).filter(bool), st.integers(0, 40)),
                     max_size=6)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(typed=TYPED, new=NEW_LINES)
def test_only_the_new_lines_of_a_file_repeating_typed_payments_are_added(
        make_ctx: Callable[..., ProfileContext], typed: list[tuple[int, int, int, int, int]],
        new: list[tuple[int, int]]) -> None:
    ctx = make_ctx(f"Pairs {next(_COUNT)}")
    start = date(2026, 1, 10)
    rows, typed_ids = ["Date,Description,Amount"], []
    for n, (who, pence, day, moved, form) in enumerate(typed):
        payee, code = PEOPLE[who]
        signed = pence if code == "council_payment" else -pence
        on = start + timedelta(days=day)
        typed_ids.append(_add(ctx, on, signed, payee, code))
        rows.append(f"{on + timedelta(days=moved):%d/%m/%Y},{_bank_style(payee, form, n)},"
                    f"{signed / 100:.2f}")
    taken = {-p for _w, p, _d, _m, _f in typed} | {p for _w, p, _d, _m, _f in typed}
    fresh = [(p, d) for p, d in new if p not in taken]  # a new line never repeats a typed one
    for pence, day in fresh:
        rows.append(f"{start + timedelta(days=day):%d/%m/%Y},NEW LINE,{pence / 100:.2f}")
    before = sorted(_amounts(ctx))
    preview = ctx.imports.preview("\n".join(rows).encode(), "gen.csv", 1, today=TODAY)
    assert preview.count(RowStatus.REJECTED) == 0
    result = ctx.imports.commit(preview, today=TODAY)
    assert sorted(_amounts(ctx)) == sorted(before + [p for p, _d in fresh])
    assert result.added == len(fresh) and result.matched == len(typed)
    links = _links(ctx)
    assert sorted(e for e, _a in links) == sorted(typed_ids)  # each typed entry exactly once
    for entry_id, pence in links:
        assert ctx.ledger.get_entry(entry_id).amount.pence == pence  # same amount, same way
    assert ctx.history.verify().is_whole


_COUNT = iter(range(10**6))


# --- payees and categories learned ----------------------------------------------------------


def _statement(*lines: str) -> bytes:
    return ("Date,Description,Amount\n" + "\n".join(lines) + "\n").encode()


def test_a_corrected_payee_names_the_next_statement(ctx: ProfileContext) -> None:
    first = ctx.imports.preview(_statement("01/09/2026,J EVANS PA WAGES,-120.00"), "a.csv", 1,
                                today=TODAY)
    assert (first.rows[0].payee, first.rows[0].category_code) == ("J EVANS PA WAGES",
                                                                  "unsorted_out")
    corrected = first.with_choice(2, payee="Jo Evans (PA)", category_code="pa_wages")
    assert ctx.imports.commit(corrected, today=TODAY).learned == 1
    (rule,) = ctx.payee_rules.rules()
    assert (rule.words, rule.payee, rule.category_code, rule.learned) == (
        "j evans pa", "Jo Evans (PA)", "pa_wages", True)
    later = ctx.imports.preview(_statement("01/10/2026,SO J EVANS PA WAGES OCT,-120.00"),
                                "b.csv", 1, today=TODAY)
    assert (later.rows[0].payee, later.rows[0].category_code, later.rows[0].source) == (
        "Jo Evans (PA)", "pa_wages", "rule")


def test_a_rule_is_changed_and_removed(ctx: ProfileContext) -> None:
    rule = ctx.payee_rules.add(RuleDraft("J EVANS", "Jo Evans (PA)", "pa_wages"))
    ctx.payee_rules.change(rule.id, RuleDraft("J EVANS", "Jo Evans", None))
    preview = ctx.imports.preview(_statement("01/09/2026,J EVANS,-120.00"), "a.csv", 1,
                                  today=TODAY)
    assert (preview.rows[0].payee, preview.rows[0].category_code) == ("Jo Evans",
                                                                      "unsorted_out")
    ctx.payee_rules.remove(rule.id)
    assert ctx.payee_rules.rules() == []


def test_a_payee_typed_before_the_statement_is_learned_from_the_match(
        ctx: ProfileContext) -> None:
    _add(ctx, date(2026, 9, 1), -12000, "Jo Evans (PA)", "pa_wages")
    ctx.imports.commit(ctx.imports.preview(_statement("02/09/2026,J EVANS PA WAGES,-120.00"),
                                           "a.csv", 1, today=TODAY), today=TODAY)
    later = ctx.imports.preview(_statement("02/10/2026,J EVANS PA WAGES,-130.00"), "b.csv", 1,
                                today=TODAY)
    assert (later.rows[0].payee, later.rows[0].category_code) == ("Jo Evans (PA)", "pa_wages")


def test_my_providers_and_common_payees_name_bank_lines(ctx: ProfileContext) -> None:
    ctx.providers.add(ChosenProviderDraft("Jo Evans (PA)", date(2025, 4, 1),
                                          kind=ProviderKind.PA))
    ctx.providers.add(ChosenProviderDraft("Bright Care Agency Ltd", date(2025, 4, 1)))
    preview = ctx.imports.preview(_statement(
        "01/09/2026,FPO J EVANS 4412,-120.00", "02/09/2026,BRIGHT CARE AGENCY INV 2231,-300.00",
        "03/09/2026,HMRC CUMBERNAULD,-45.00", "04/09/2026,TESTSHIRE COUNTY COUNCIL DP,1680.00",
        "05/09/2026,CORNER SHOP,-3.00"), "a.csv", 1, today=TODAY)
    assert [(r.payee, r.category_code) for r in preview.rows] == [
        ("Jo Evans (PA)", "pa_wages"), ("Bright Care Agency Ltd", "agency_care"),
        ("HMRC", "paye_ni"), ("Testshire County Council", "council_payment"),
        ("CORNER SHOP", "unsorted_out")]


def test_a_rule_never_files_in_a_category_needing_agreement(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError, match="council must agree"):
        ctx.payee_rules.add(RuleDraft("CURRYS", "Currys", "equipment"))
    first = ctx.imports.preview(_statement("01/09/2026,CURRYS PC WORLD,-300.00"), "a.csv", 1,
                                today=TODAY)
    agreed = first.with_choice(2, payee="Currys", category_code="equipment",
                               approval_reason="Council letter 4 Aug")
    ctx.imports.commit(agreed, today=TODAY)
    (rule,) = ctx.payee_rules.rules()
    assert (rule.payee, rule.category_code) == ("Currys", None)  # the payee, not the category
    later = ctx.imports.preview(_statement("01/10/2026,CURRYS PC WORLD,-30.00"), "b.csv", 1,
                                today=TODAY)
    assert (later.rows[0].payee, later.rows[0].category_code) == ("Currys", "unsorted_out")


# --- kinds of account, pending lines, balances -------------------------------------------------


CARD = _statement("01/09/2026,SHOP,12.00", "03/09/2026,PAYMENT RECEIVED - THANK YOU,-100.00")


def test_a_credit_card_reads_positive_amounts_as_spending(ctx: ProfileContext) -> None:
    current = ctx.imports.preview(CARD, "card.csv", 1, today=TODAY)
    assert [r.amount.pence for r in current.rows if r.amount] == [1200, -10000]
    ctx.accounts.change(1, kind=AccountKind.CREDIT_CARD)
    card = ctx.imports.preview(CARD, "card.csv", 1, today=TODAY)
    assert card.reversed and [r.amount.pence for r in card.rows if r.amount] == [-1200, 10000]
    assert [r.category_code for r in card.rows] == ["unsorted_out", "unsorted_in"]
    told = ctx.imports.preview(CARD, "card.csv", 1, today=TODAY, positive_is_money_in=True)
    assert not told.reversed
    # A file that says which way each amount went is read as it says, on any account.
    qif = _preview(ctx, "hsbc_creditcard.qif")
    assert not qif.reversed and sum(1 for r in qif.rows if r.amount and r.amount.pence < 0) == 7


def test_pending_lines_are_shown_but_not_imported(ctx: ProfileContext) -> None:
    text = (b"Date,Description,Amount,Status\n01/09/2026,SHOP,-1.00,Settled\n"
            b"02/09/2026,CAFE,-2.00,Pending\n")
    preview = ctx.imports.preview(text, "p.csv", 1, today=TODAY)
    assert [(r.line, r.status) for r in preview.rows] == [(2, RowStatus.NEW),
                                                          (3, RowStatus.PENDING)]
    assert "pending" in preview.rows[1].reason
    result = ctx.imports.commit(preview, today=TODAY)
    assert (result.added, result.pending, result.rejected) == (1, 1, 0)


def test_a_csv_running_balance_is_kept_as_the_statement_balance(ctx: ProfileContext) -> None:
    ctx.imports.commit(_preview(ctx, "natwest.csv"), today=TODAY)
    with ctx.store.read() as repos:
        assert repos.accounts.latest_stated(1) == (date(2026, 9, 3), Money(300000),
                                                   "natwest.csv")


def test_a_match_window_of_zero_days_matches_the_same_day_only(ctx: ProfileContext) -> None:
    _add(ctx, date(2026, 8, 31), -1234, "Tesco", "activities")
    preview = ctx.imports.preview((SAMPLES / "santander.ofx").read_bytes(), "s.ofx", 1,
                                  today=TODAY, match_days=0)
    assert preview.count(RowStatus.MATCHED) == 0 and preview.match_days == 0
    ctx.accounts.change(1, match_days=1)
    assert _preview(ctx, "santander.ofx").count(RowStatus.MATCHED) == 1
