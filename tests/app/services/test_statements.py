"""Returns built from the profile: figures, services and evidence picked up, heads recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.council_rules import find_template
from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.funding import Period, StreamRequest, StreamType
from app.domain.money import Money
from app.domain.visits import VisitDraft
from app.i18n import set_locale
from app.services.context import ProfileContext
from app.services.statements import StatementRequest

QUARTER = Period(date(2026, 1, 1), date(2026, 3, 31))
AUTUMN = Period(date(2025, 10, 1), date(2025, 12, 31))
MAY = Period(date(2025, 5, 1), date(2025, 5, 31))
JUNE_1 = date(2025, 6, 1)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- the demo's year ---------------------------------------------------------------------------


def test_statement_matches_the_money_tab(demo_ctx: ProfileContext) -> None:
    statement = demo_ctx.statements.build(StatementRequest(QUARTER))
    summary = demo_ctx.summary.on(QUARTER.end)
    assert statement.reconciliation.closing == summary.balance
    assert statement.position == summary.position
    with demo_ctx.store.read() as repos:
        in_quarter = repos.entries.between(QUARTER.start, QUARTER.end)
    assert len(statement.transactions) == len(in_quarter)
    assert statement.audit_hash == demo_ctx.history.events()[-1].hash
    assert statement.holder.council_reference == "DEMO-0001"


def test_regenerating_gives_the_same_files(demo_ctx: ProfileContext, tmp_path: Path) -> None:
    request = StatementRequest(QUARTER, generated_on=date(2026, 4, 2))
    outputs = []
    for n in (1, 2):
        for suffix in ("pdf", "csv"):
            path = demo_ctx.statements.save(demo_ctx.statements.build(request),
                                            tmp_path / f"r{n}.{suffix}")
            outputs.append(path.read_bytes())
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def test_a_saved_return_records_the_history_head_it_quoted(demo_ctx: ProfileContext,
                                                           tmp_path: Path) -> None:
    statement = demo_ctx.statements.build(StatementRequest(QUARTER))
    demo_ctx.statements.save(statement, tmp_path / "r.pdf")
    with demo_ctx.store.read() as repos:
        heads = repos.audit.issued_heads()
    assert heads[-1] == (statement.head_event_id, statement.audit_hash)
    assert demo_ctx.history.verify().is_whole


def test_bad_output_name_writes_nothing(demo_ctx: ProfileContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        demo_ctx.statements.save(demo_ctx.statements.build(StatementRequest(QUARTER)),
                                 tmp_path / "r.docx")
    assert list(tmp_path.iterdir()) == []


def test_welsh_return_has_welsh_dates_and_declaration(demo_ctx: ProfileContext,
                                                      tmp_path: Path) -> None:
    demo_ctx.rules.choose_rule(find_template("quarterly_8_weeks"))
    set_locale("cy")
    path = demo_ctx.statements.save(demo_ctx.statements.build(StatementRequest(QUARTER)),
                                    tmp_path / "r.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "Mawrth 2026" in text
    assert "Rwy'n datgan" in text


def test_forecast_starts_from_the_money_tab(demo_ctx: ProfileContext) -> None:
    result = demo_ctx.statements.forecast(date(2026, 3, 31), date(2026, 6, 30))
    assert result.now == demo_ctx.summary.on(date(2026, 3, 31)).position
    assert result.weekly_spending  # the demo pays PAs every week
    assert result.closing != result.opening


def test_a_period_before_the_records_is_refused(demo_ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError, match="before the records start"):
        demo_ctx.statements.build(StatementRequest(Period(date(2020, 1, 1),
                                                          date(2020, 3, 31))))


def test_a_period_not_yet_started_is_refused(demo_ctx: ProfileContext) -> None:
    request = StatementRequest(Period(date(2026, 7, 1), date(2026, 9, 30)),
                               generated_on=date(2026, 3, 31))
    with pytest.raises(ValidationError, match="not started yet"):
        demo_ctx.statements.build(request)


def test_services_show_what_was_paid_to_each_provider(demo_ctx: ProfileContext) -> None:
    """The demo links no payment to visits: paid comes from payments to the same name."""
    statement = demo_ctx.statements.build(StatementRequest(AUTUMN))
    assert statement.services
    with demo_ctx.store.read() as repos:
        entries = repos.entries.between(AUTUMN.start, AUTUMN.end)
    paid: dict[str, int] = {}
    for e in entries:
        if e.amount.pence < 0:
            paid[e.payee] = paid.get(e.payee, 0) - e.amount.pence
    for service in statement.services:
        assert service.paid.pence == paid[service.provider] > 0


def test_spending_is_shown_against_each_plan_line(demo_ctx: ProfileContext) -> None:
    statement = demo_ctx.statements.build(StatementRequest(QUARTER))
    with demo_ctx.store.read() as repos:
        entries = repos.entries.between(QUARTER.start, QUARTER.end)
        names = {line.id: line.name for line in repos.plan.lines()}
    spent: dict[str, int] = {}
    for e in entries:
        if e.amount.pence < 0:
            name = names.get(e.plan_line_id or 0, "")
            spent[name] = spent.get(name, 0) - e.amount.pence
    assert {s.name: s.spent.pence for s in statement.plan if s.spent.pence} == spent
    personal = next(s for s in statement.plan if s.name == "Personal care from my PAs")
    assert personal.budget == Money(round(325_00 * 90 / 7))  # 90 days at £325 a week


# --- a profile built for the case --------------------------------------------------------------


def test_services_and_evidence_come_from_the_profile(make_ctx: Callable[..., ProfileContext]
                                                     ) -> None:
    ctx = make_ctx("Bea Example", gross_weekly=Money(30000))
    paid = ctx.ledger.add_entry(
        EntryDraft(date(2025, 5, 28), Money(-9500), "Sunrise Home Care", "agency_care"),
        today=JUNE_1)
    # 2 h planned, 1 h 50 min delivered at £25/h, and 3 h at £25/h: £45.83 + £75.00.
    visits = [ctx.visits.add(VisitDraft(date(2025, 5, 5), "Sunrise Home Care", 120, 110, 2500)),
              ctx.visits.add(VisitDraft(date(2025, 5, 12), "Sunrise Home Care", 180, 180, 2500))]
    ctx.visits.link_payment(paid.id, [v.id for v in visits])
    ctx.evidence.attach(paid.id, "invoice-may.pdf", PDF)
    statement = ctx.statements.build(StatementRequest(MAY))
    (summary,) = statement.services or ()
    assert summary.provider == "Sunrise Home Care"
    assert (summary.planned_hours, summary.delivered_hours) == (Decimal("5.00"),
                                                                 Decimal("4.83"))
    assert summary.value_delivered == Money(4583 + 7500)
    assert summary.paid == Money(9500)
    assert summary.difference == Money(9500 - 12083)
    (entry,) = statement.transactions
    assert entry.evidence_ref == "invoice-may.pdf"


def test_nothing_logged_means_none_recorded(ctx: ProfileContext) -> None:
    assert ctx.statements.build(StatementRequest(MAY)).services is None


def test_bank_balance_from_a_reconciliation_on_or_before_the_end(
        make_ctx: Callable[..., ProfileContext]) -> None:
    ctx = make_ctx("Di Example", opening_balance=Money(10000))
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 20), Money(-2500), "Jo (PA)", "pa_wages"),
                         today=JUNE_1)
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 30), Money(-1000), "Jo (PA)", "pa_wages"),
                         today=JUNE_1)
    assert ctx.statements.build(StatementRequest(MAY)).reconciliation.bank_balance is None
    # The bank said £100 on 25 May: it had not paid the £25 of the 20th yet.
    ctx.reconcile.start(1, date(2025, 5, 25), Money(10000))
    recon = ctx.statements.build(StatementRequest(MAY)).reconciliation
    assert (recon.bank_balance, recon.bank_date) == (Money(10000), date(2025, 5, 25))
    assert [e.amount for e in recon.uncleared] == [Money(-2500)]
    assert [e.amount for e in recon.after_bank] == [Money(-1000)]
    assert recon.bank_difference == Money(0)
    # A later statement, on the last day, wins: the bank has paid neither yet.
    ctx.reconcile.start(1, MAY.end, Money(10000))
    recon = ctx.statements.build(StatementRequest(MAY)).reconciliation
    assert (recon.bank_date, recon.after_bank) == (MAY.end, ())
    assert recon.bank_difference == Money(0)


def test_items_not_on_the_bank_statement_are_counted_over_all_time(
        ctx: ProfileContext) -> None:
    ctx.ledger.add_entry(EntryDraft(date(2025, 4, 20), Money(-700), "Jo", "pa_wages"), JUNE_1)
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 20), Money(-300), "Jo", "pa_wages"), JUNE_1)
    recon = ctx.statements.build(StatementRequest(MAY)).reconciliation
    assert [e.amount.pence for e in recon.uncleared] == [-700, -300]
    assert recon.uncleared_total == Money(-1000)


def test_every_funding_stream_counts(ctx: ProfileContext) -> None:
    ctx.funding.add(StreamRequest(StreamType.NHS_PHB, Money(7000), date(2025, 5, 1)))
    ctx.funding.change(StreamType.COUNCIL_DP, Money(49000), date(2025, 5, 15))
    statement = ctx.statements.build(StatementRequest(MAY))
    lines = {line.stream.stream_type: line for line in statement.funding.lines}
    assert set(lines) == {StreamType.COUNCIL_DP, StreamType.NHS_PHB}
    council = lines[StreamType.COUNCIL_DP]
    assert council.rates_in_period == 2
    assert council.gross_period == Money(round((42000 * 14 + 49000 * 17) / 7))
    assert lines[StreamType.NHS_PHB].gross_period == Money(31000)
    assert statement.position.gross_weekly == Money(56000)


# --- the employer section ---------------------------------------------------------------------


def test_employer_section_of_the_demo(demo_ctx: ProfileContext, tmp_path: Path) -> None:
    statement = demo_ctx.statements.build(StatementRequest(QUARTER))
    section = statement.employer
    assert section is not None
    assert [pa.name for pa in section.pas] == ["Jo Evans (PA)", "Sam Patel (PA)"]
    slips = demo_ctx.employer.payslips(start=QUARTER.start, end=QUARTER.end)
    assert section.total.gross == Money(sum(s.draft.gross.pence for s in slips))
    assert section.total.payslips == len(slips)
    assert section.total.tax_ni == Money(sum(s.draft.hmrc.pence for s in slips))
    visits = demo_ctx.visits.visits(QUARTER.start, QUARTER.end)
    jo_minutes = sum(v.draft.delivered_minutes for v in visits if v.draft.provider_name ==
                     "Jo Evans (PA)")
    assert section.pas[0].hours == Decimal(jo_minutes) / 60
    # One truth: the section's owed is the statement's "What is owed" and the Money tab's.
    assert section.owed == statement.liabilities.entered == demo_ctx.owed.on(QUARTER.end)
    assert section.owed.from_payslips
    assert {c.topic for c in section.checks} >= {"minimum_wage", "holiday", "pension", "dbs",
                                                   "right_to_work", "insurance"}
    assert section.insurer and section.insurance_renewal is not None
    demo_ctx.statements.save(statement, tmp_path / "r.pdf")
    from pypdf import PdfReader
    text = " ".join(p.extract_text() or "" for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "You as an employer: your personal assistants" in text
    assert "Employer checks" in text and "https://www.gov.uk/national-minimum-wage-rates" in text


def test_a_breach_in_the_period_is_in_the_return(ctx: ProfileContext, tmp_path: Path) -> None:
    from app.employer.records import Born, PADraft

    ctx.employer.add(PADraft("Chris Low", date(2025, 10, 1), Money(1250), 20 * 60,
                             born=Born(1990)))
    statement = ctx.statements.build(StatementRequest(Period(date(2026, 1, 1),
                                                             date(2026, 6, 30))))
    assert statement.employer is not None
    wage = [c for c in statement.employer.checks if c.topic == "minimum_wage"]
    assert [c.state for c in wage] == ["problem"]
    assert "From 1 Apr 2026 to 30 Jun 2026" in wage[0].text
    ctx.statements.save(statement, tmp_path / "r.csv")
    import csv

    rows = {(r["section"], r["key"]): r for r in csv.DictReader(
        (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines())}
    check = rows[("employer_check", "minimum_wage")]
    assert check["state"] == "problem" and check["text"].startswith("From 1 Apr 2026")
    assert check["payee"] == "Chris Low" and "gov.uk" in check["source"]
    assert rows[("employer", "employer_checks")]["count"] != "0"


def test_no_pas_no_employer_section(ctx: ProfileContext) -> None:
    assert ctx.statements.build(StatementRequest(MAY)).employer is None
