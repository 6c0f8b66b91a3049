"""Use cases for monitoring returns: choose the council's rule, build a statement for a
period from the encrypted profile, forecast the balance, and save PDF or CSV.

Each public method is one unit of work (one session); callers get frozen dataclasses.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.categories import Category, Direction, Permission
from app.domain.council_rules import (
    CUSTOM_CODE,
    CouncilRule,
    ReturnFrequency,
    find_template,
    load_templates,
    rule_from_json,
    rule_to_json,
)
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Period
from app.domain.money import Money
from app.i18n import _, format_date
from app.services.profiles import OpenProfile
from app.services.statement_sources import (
    evidence_refs,
    reconciled_bank_balance,
    service_summaries,
)
from app.statements import build
from app.statements.csv import render_csv
from app.statements.forecast import RECENT_WEEKS, Forecast, Spend, forecast
from app.statements.model import (
    Holder,
    Liabilities,
    ProviderService,
    Statement,
    StatementEntry,
    StatementInputs,
)
from app.statements.pdf import render_pdf
from app.store.audit_log import append_event
from app.store.models import (
    AccountRow,
    AuditEventRow,
    CategoryRow,
    CouncilRuleRow,
    EntryRow,
    FundingStreamRow,
    PersonRow,
)
from app.store.models_statements import CouncilRuleDetailRow

RENDERERS = {".pdf": render_pdf, ".csv": render_csv}


@dataclass(frozen=True)
class StatementRequest:
    period: Period
    bank_balance: Money | None = None
    liabilities: Liabilities = Liabilities()
    services: tuple[ProviderService, ...] | None = None
    outcomes: str = ""
    generated_on: date | None = None
    evidence: Mapping[int, str] | None = None  # entry id -> receipt or invoice reference


class StatementService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    # --- rules ---------------------------------------------------------------------------

    @staticmethod
    def templates() -> list[CouncilRule]:
        return load_templates()

    def chosen_rule(self) -> CouncilRule:
        with self.profile.session() as s:
            return _chosen_rule(s)

    def choose_rule(self, rule: CouncilRule) -> CouncilRule:
        """Keep `rule` as this profile's rule, with an audit event; returns it."""
        with self.profile.session() as s, s.begin():
            row = s.scalars(select(CouncilRuleRow).order_by(CouncilRuleRow.id)).first()
            if row is None:
                row = CouncilRuleRow(name="")
                s.add(row)
            row.name, row.return_frequency = rule.name_en[:200], rule.return_frequency.value
            row.weeks_held_limit, row.contingency_weeks = (rule.weeks_held_limit,
                                                           rule.contingency_weeks)
            s.flush()
            detail = s.get(CouncilRuleDetailRow, row.id) or CouncilRuleDetailRow(
                council_rule_id=row.id)
            detail.template_code = rule.code
            detail.rule_json = json.dumps(rule_to_json(rule), ensure_ascii=False)
            s.add(detail)
            append_event(s, self.profile.actor, "update", "council_rule", row.id,
                         {"template": rule.code, "weeks_held_limit": rule.weeks_held_limit,
                          "contingency_weeks": rule.contingency_weeks,
                          "return_frequency": rule.return_frequency.value})
        return rule

    # --- statements ----------------------------------------------------------------------

    def build(self, request: StatementRequest) -> Statement:
        period = request.period
        if period.end < period.start:
            raise ValidationError("period", _("The period must end on or after its start."))
        with self.profile.session() as s:
            _check_period_has_records(s, period, request.generated_on or date.today())
            # What the person gives explicitly wins over what the profile holds.
            services = (request.services if request.services is not None
                        else service_summaries(s, period))
            evidence = {**evidence_refs(s, period), **(request.evidence or {})}
            bank = (request.bank_balance if request.bank_balance is not None
                    else reconciled_bank_balance(s, period.end))
            inputs = StatementInputs(
                bank_balance=bank, liabilities=request.liabilities,
                services=services, outcomes=request.outcomes,
                generated_on=request.generated_on, audit_hash=_latest_hash(s))
            return build(period, holder=_holder(s), rule=_chosen_rule(s),
                         streams=_streams(s), categories=_categories(s),
                         opening=_balance_before(s, period.start),
                         entries=_entries(s, period, evidence), inputs=inputs)

    def forecast(self, today: date, end: date) -> Forecast:
        with self.profile.session() as s:
            history = [Spend(on, amount, code) for on, amount, code in s.execute(
                select(EntryRow.on, EntryRow.amount, EntryRow.category_code)
                .where(EntryRow.on <= today,
                       EntryRow.on > today - timedelta(days=7 * RECENT_WEEKS)))]
            balance = _balance_before(s, today + timedelta(days=1))
            return forecast(today, end, balance, _streams(s), history, _chosen_rule(s))

    @staticmethod
    def save(statement: Statement, path: Path) -> Path:
        """Write PDF or CSV by the file's ending; a failed write leaves no half file behind."""
        renderer = RENDERERS.get(path.suffix.lower())
        if renderer is None:
            raise ValidationError("out", _("Save as a .pdf or a .csv file."))
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise DomainError(_("The folder {folder} does not exist.").format(folder=folder))
        handle, temp = tempfile.mkstemp(suffix=path.suffix, dir=folder)
        os.close(handle)
        try:
            renderer(statement, Path(temp))
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return path


# --- reading the profile -------------------------------------------------------------------


def _chosen_rule(s: Session) -> CouncilRule:
    row = s.scalars(select(CouncilRuleRow).order_by(CouncilRuleRow.id)).first()
    if row is None:
        return find_template("quarterly_8_weeks")
    detail = s.get(CouncilRuleDetailRow, row.id)
    if detail is not None:
        return rule_from_json(json.loads(detail.rule_json))
    # A profile from before rules were chosen: its own figures on the default wording.
    base = find_template("quarterly_8_weeks")
    name = row.name.strip() or base.name_en
    return replace(base, code=CUSTOM_CODE, name_en=name, name_cy=row.name.strip() or base.name_cy,
                   return_frequency=ReturnFrequency(row.return_frequency),
                   weeks_held_limit=row.weeks_held_limit,
                   contingency_weeks=row.contingency_weeks)


def _holder(s: Session) -> Holder:
    person = s.scalars(select(PersonRow).order_by(PersonRow.id)).first()
    if person is None:
        raise DomainError(_("This profile has no budget holder recorded."))
    return Holder(person.display_name, person.council_name, person.council_reference,
                  person.nhs_number, person.managed_by)


def _streams(s: Session) -> list[FundingStream]:
    rows = s.scalars(select(FundingStreamRow).order_by(FundingStreamRow.id))
    return [FundingStream(Funder(r.funder), FundingKind(r.kind), r.gross_weekly,
                          Frequency(r.frequency), r.start_date, r.client_contribution_weekly,
                          r.end_date) for r in rows]


def _categories(s: Session) -> list[Category]:
    return [Category(r.code, r.name_en, r.name_cy, r.grp, Direction(r.direction),
                     Permission(r.permission)) for r in s.scalars(select(CategoryRow))]


def _balance_before(s: Session, day: date) -> Money:
    opening = s.scalar(select(func.coalesce(func.sum(AccountRow.opening_balance), 0)))
    moved = s.scalar(select(func.coalesce(func.sum(EntryRow.amount), 0))
                     .where(EntryRow.on < day))
    return Money(_pence(opening) + _pence(moved))


def _pence(value: Money | int | None) -> int:
    return value.pence if isinstance(value, Money) else int(value or 0)


def _entries(s: Session, period: Period, evidence: Mapping[int, str]) -> list[StatementEntry]:
    rows = s.scalars(select(EntryRow).where(EntryRow.on >= period.start,
                                            EntryRow.on <= period.end)
                     .order_by(EntryRow.on, EntryRow.id))
    return [StatementEntry(r.id, r.on, r.amount, r.payee, r.category_code,
                           r.support_plan_line, r.memo, r.cleared, evidence.get(r.id, ""),
                           r.approval_reason) for r in rows]


def _latest_hash(s: Session) -> str:
    return s.scalar(select(AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)) or ""


def _check_period_has_records(s: Session, period: Period, today: date) -> None:
    """A return for a period with no records would show made-up figures: refuse it plainly."""
    started = s.scalar(select(func.min(AccountRow.opening_date)))
    if started is not None and period.end < started:
        raise ValidationError("period", _(
            "This period ends before the records start on {date}. Choose a later period."
        ).format(date=format_date(started)))
    if period.start > today:
        raise ValidationError("period", _(
            "This period has not started yet. Use the forecast to see what may happen."))
