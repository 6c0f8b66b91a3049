"""Use cases for monitoring returns: build a statement for a period from the encrypted profile,
forecast the balance, and save PDF or CSV, recording the history head the return quoted.

Each public method is one unit of work; callers get frozen dataclasses.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from app.domain.audit import Cause
from app.domain.chosen_providers import payee_key
from app.domain.entries import Entry
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Period
from app.domain.money import Money
from app.employer.rules import employer_rules
from app.employer.service import statement_inputs
from app.i18n import _, format_date
from app.outcomes.service import inputs as outcome_inputs
from app.services.jobs import NO_CONTROL, JobControl
from app.services.summary import owed_on, position_on
from app.statements import build
from app.statements.appendix import render_appendix
from app.statements.builder import CONTRIBUTION_CODE, Ledger
from app.statements.csv import render_csv
from app.statements.forecast import RECENT_WEEKS, Forecast, Spend, forecast
from app.statements.model import (
    EvidenceInputs,
    EvidenceSection,
    ProviderService,
    Statement,
    StatementEntry,
    StatementInputs,
)
from app.statements.pack import render_pack, render_with_evidence
from app.statements.pdf import render_pdf
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

SUFFIXES = (".pdf", ".csv")
ISSUED = "statement"  # the cause of the event recording that a return was produced
HOURS = Decimal("0.01")


@dataclass(frozen=True)
class StatementRequest:
    period: Period
    bank_balance: Money | None = None  # as on the bank statement at the period's end
    services: tuple[ProviderService, ...] | None = None
    outcomes: str = ""
    generated_on: date | None = None
    evidence: Mapping[int, str] | None = None  # entry id -> receipt or invoice reference
    due_on: date | None = None  # the day the council asked for the return by


class StatementService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def build(self, request: StatementRequest) -> Statement:
        period = request.period
        if period.end < period.start:
            raise ValidationError("period", _("The period must end on or after its start."))
        with self.store.read() as repos:
            _check_period_has_records(repos, period, request.generated_on or date.today())
            policy = repos.policy()
            evidence = {**repos.evidence.names_by_entry(period), **(request.evidence or {})}
            names = {line.id: line.name for line in repos.plan.lines()}

            def shown(entry: Entry) -> StatementEntry:
                return StatementEntry(entry.id, entry.on, entry.amount, entry.payee,
                                      entry.category_code,
                                      names.get(entry.plan_line_id or 0, ""), entry.memo,
                                      entry.cleared or entry.reconciled,
                                      evidence.get(entry.id, ""), entry.approval_reason)

            bank, bank_date = request.bank_balance, period.end
            if bank is None and (stated := repos.accounts.bank_balance(period.end)):
                bank, bank_date = stated.balance, stated.on
            # Recording that a return was produced is not a change to the records: the same
            # return made again quotes the same head, and its file is the same to the byte.
            head = repos.audit.head(skip_action=ISSUED) or (0, "")
            inputs = StatementInputs(
                bank_balance=bank, bank_date=bank_date,
                services=(request.services if request.services is not None
                          else service_summaries(repos, period)),
                outcomes=request.outcomes, generated_on=request.generated_on,
                audit_hash=head[1], head_event_id=head[0], due_on=request.due_on)
            ledger = Ledger(
                opening=repos.entries.balance(period.start - timedelta(days=1)),
                entries=[shown(e) for e in repos.entries.between(period.start, period.end)],
                uncleared=[shown(e) for e in repos.entries.uncleared(period.end)],
                plan_lines=repos.plan.lines(), outcomes=outcome_inputs(repos, period),
                contributions=[(on, amount) for on, amount, code
                               in repos.entries.spending(date.min, period.end)
                               if code == CONTRIBUTION_CODE])
            holder = repos.people.holder()
            if holder is None:
                raise DomainError(_("This profile has no budget holder recorded."))
            return build(period, holder=holder, policy=policy,
                         streams=repos.funding.streams(), ledger=ledger,
                         owed=owed_on(repos, policy, period.end), inputs=inputs,
                         employer=statement_inputs(repos, employer_rules(), period.start,
                                                   period.end),
                         evidence=evidence_inputs(repos, period))

    def forecast(self, today: date, end: date | None = None) -> Forecast:
        """From the end of `today` to `end` (default: the end of today's return period)."""
        with self.store.read() as repos:
            policy = repos.policy()
            end = end or policy.return_period(today).end
            since = today - timedelta(days=7 * RECENT_WEEKS)
            history = [Spend(on, amount, code) for on, amount, code
                       in repos.entries.spending(since + timedelta(days=1), today)]
            return forecast(position_on(repos, policy, today), end, repos.funding.streams(),
                            history, policy)

    def save(self, statement: Statement, path: Path, control: JobControl = NO_CONTROL,
             with_evidence: bool = False) -> Path:
        """Write PDF or CSV by the file's ending (a failed or stopped write leaves no half
        file), and record that a return quoting this history head was produced. A PDF
        `with_evidence` has the appendix of every document for the period after it."""
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            raise ValidationError("out", _("Save as a .pdf or a .csv file."))

        def write(temp: Path) -> None:
            on_page = lambda page: control.step(  # noqa: E731
                page, 0, _("Writing page {n}…").format(n=page))
            if suffix == ".pdf" and with_evidence:
                render_with_evidence(statement, self.load_document, temp, on_page)
            elif suffix == ".pdf":
                render_pdf(statement, temp, on_page=on_page)
            else:
                render_csv(statement, temp)

        _written(path, write)
        self._issued(statement, suffix.lstrip("."))
        return path

    def save_pack(self, statement: Statement, path: Path, control: JobControl = NO_CONTROL
                  ) -> Path:
        """A ZIP of the return (PDF and CSV), every document for the period and index.csv."""
        if path.suffix.lower() != ".zip":
            raise ValidationError("pack", _("Save the evidence pack as a .zip file."))

        def write(temp: Path) -> None:
            appendix = render_appendix(statement, self.load_document)
            with tempfile.TemporaryDirectory() as folder:
                plain = Path(folder) / "return.pdf"
                render_pdf(statement, plain, on_page=lambda page: control.step(
                    page, 0, _("Writing page {n}…").format(n=page)))
                render_pack(statement, self.load_document, temp, plain, appendix)

        _written(path, write)
        self._issued(statement, "zip")
        return path

    def load_document(self, evidence_id: int) -> bytes | None:
        """A document's bytes for the appendix, or None when they no longer match their
        sha256 (damaged: the appendix says so rather than showing them)."""
        with self.store.read() as repos:
            meta, data = repos.evidence.meta(evidence_id), repos.evidence.data(evidence_id)
        if meta is None or data is None or hashlib.sha256(data).hexdigest() != meta[3]:
            return None
        return data

    def checklist(self, period: Period) -> EvidenceSection:
        """The evidence the chosen rules ask for and what is missing, before a pack is made."""
        statement = self.build(StatementRequest(period))
        assert statement.evidence is not None
        return statement.evidence

    def _issued(self, statement: Statement, kind: str) -> None:
        if not self.store.read_only and statement.audit_hash:
            self._record_issued(statement, kind)

    def _record_issued(self, statement: Statement, kind: str) -> None:
        with self.store.write(Cause(ISSUED, about={"kind": kind})) as (_repos, writer):
            writer.insert("issued_statement", {
                "period_start": statement.period.start, "period_end": statement.period.end,
                "produced_on": statement.generated_on or date.today(), "file_kind": kind,
                "head_event_id": statement.head_event_id, "head_hash": statement.audit_hash})


def _written(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside `path`, so a failed or stopped write leaves no
    half file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError(_("The folder {folder} does not exist.").format(folder=folder))
    handle, temp = tempfile.mkstemp(suffix=path.suffix, dir=folder)
    os.close(handle)
    try:
        write(Path(temp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def evidence_inputs(repos: Repos, period: Period) -> EvidenceInputs:
    """The period's documents, and each PA employed in it with the payslips recorded."""
    documents = (repos.evidence.entry_documents(period.start, period.end)
                 + repos.evidence.subject_documents(period.start, period.end))
    pas = tuple((pa.provider_id, pa.name,
                 len(repos.employer.payslips(pa.id, period.start, period.end)))
                for pa in repos.employer.pas()
                if pa.start <= period.end and (pa.end is None or pa.end >= period.start))
    return EvidenceInputs(tuple(documents), pas)


def _check_period_has_records(repos: Repos, period: Period, today: date) -> None:
    """A return for a period with no records would show made-up figures: refuse it plainly."""
    started = repos.accounts.records_start()
    if started is not None and period.end < started:
        raise ValidationError("period", _(
            "This period ends before the records start on {date}. Choose a later period."
        ).format(date=format_date(started)))
    if period.start > today:
        raise ValidationError("period", _(
            "This period has not started yet. Use the forecast to see what may happen."))


# --- services delivered and paid, per provider ---------------------------------------------


def service_summaries(repos: Repos, period: Period) -> tuple[ProviderService, ...] | None:
    """Per provider: visits in the period (hours planned and delivered, their value) beside
    payments in the period linked to that provider's visits (or, with none linked, paid to
    that name). None when nothing is logged."""
    planned: dict[str, int] = defaultdict(int)
    delivered: dict[str, int] = defaultdict(int)
    value: dict[str, int] = defaultdict(int)
    paid: dict[str, int] = defaultdict(int)
    for visit in repos.visits.between(period.start, period.end):
        name = visit.draft.provider_name
        planned[name] += visit.draft.planned_minutes
        delivered[name] += visit.draft.delivered_minutes
        value[name] += visit.cost.pence
    linked = set()
    for name, pence in repos.visits.payments_linked(period):
        paid[name] += pence
        linked.add(name)
    names = set(planned) | set(paid)
    if not names:
        return None
    by_payee = repos.entries.paid_by_payee(period)
    for name in names - linked:
        paid[name] += by_payee.get(payee_key(name), (Money(0), 0))[0].pence
    return tuple(ProviderService(name, _hours(planned[name]), _hours(delivered[name]),
                                 Money(value[name]), Money(paid[name]))
                 for name in sorted(names))


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(HOURS, rounding=ROUND_HALF_UP)
