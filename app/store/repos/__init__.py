"""Repositories: the profile's queries, with rows read into domain objects.

`Repos` bundles one of each over one connection, so a unit of work reads everything it needs
in one transaction. Each repository's module (and the domain types it reads into) is imported
when first used: opening the ledger reads a few of them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from app.domain.policy import Policy
from app.store.sql import Connection

if TYPE_CHECKING:  # each repository's module is imported when first used
    from app.store.repos.accounts import AccountRepo
    from app.store.repos.audit import AuditRepo
    from app.store.repos.care import ProviderRepo, VisitRepo
    from app.store.repos.categories import CategoryRepo
    from app.store.repos.employer import EmployerRepo
    from app.store.repos.entries import EntryRepo
    from app.store.repos.evidence import EvidenceRepo
    from app.store.repos.funding import FundingRepo
    from app.store.repos.matches import MatchRepo
    from app.store.repos.outcomes import OutcomeRepo
    from app.store.repos.owed import OwedRepo
    from app.store.repos.payee_rules import PayeeRuleRepo
    from app.store.repos.people import PeopleRepo
    from app.store.repos.plan import PlanRepo
    from app.store.repos.reconciliation import ReconciliationRepo
    from app.store.repos.rules import RuleRepo


class Repos:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @cached_property
    def entries(self) -> EntryRepo:
        from app.store.repos.entries import EntryRepo

        return EntryRepo(self.conn)

    @cached_property
    def accounts(self) -> AccountRepo:
        from app.store.repos.accounts import AccountRepo

        return AccountRepo(self.conn)

    @cached_property
    def categories(self) -> CategoryRepo:
        from app.store.repos.categories import CategoryRepo

        return CategoryRepo(self.conn)

    @cached_property
    def rules(self) -> RuleRepo:
        from app.store.repos.rules import RuleRepo

        return RuleRepo(self.conn)

    @cached_property
    def funding(self) -> FundingRepo:
        from app.store.repos.funding import FundingRepo

        return FundingRepo(self.conn)

    @cached_property
    def owed(self) -> OwedRepo:
        from app.store.repos.owed import OwedRepo

        return OwedRepo(self.conn)

    @cached_property
    def plan(self) -> PlanRepo:
        from app.store.repos.plan import PlanRepo

        return PlanRepo(self.conn)

    @cached_property
    def people(self) -> PeopleRepo:
        from app.store.repos.people import PeopleRepo

        return PeopleRepo(self.conn)

    @cached_property
    def visits(self) -> VisitRepo:
        from app.store.repos.care import VisitRepo

        return VisitRepo(self.conn)

    @cached_property
    def providers(self) -> ProviderRepo:
        from app.store.repos.care import ProviderRepo

        return ProviderRepo(self.conn)

    @cached_property
    def outcomes(self) -> OutcomeRepo:
        from app.store.repos.outcomes import OutcomeRepo

        return OutcomeRepo(self.conn)

    @cached_property
    def evidence(self) -> EvidenceRepo:
        from app.store.repos.evidence import EvidenceRepo

        return EvidenceRepo(self.conn)

    @cached_property
    def reconciliations(self) -> ReconciliationRepo:
        from app.store.repos.reconciliation import ReconciliationRepo

        return ReconciliationRepo(self.conn)

    @cached_property
    def matches(self) -> MatchRepo:
        from app.store.repos.matches import MatchRepo  # bank matching (rapidfuzz): not at open

        return MatchRepo(self.conn)

    @cached_property
    def payee_rules(self) -> PayeeRuleRepo:
        from app.store.repos.payee_rules import PayeeRuleRepo

        return PayeeRuleRepo(self.conn)

    @cached_property
    def employer(self) -> EmployerRepo:
        from app.store.repos.employer import EmployerRepo

        return EmployerRepo(self.conn)

    @cached_property
    def audit(self) -> AuditRepo:
        from app.store.repos.audit import AuditRepo

        return AuditRepo(self.conn)

    def policy(self) -> Policy:
        """The rule book of this profile: its chosen rule over its categories."""
        return Policy(self.rules.chosen(), self.categories.by_code())
