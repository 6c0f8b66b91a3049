"""ProfileContext: one open profile with its store, services and undo stack.

The window and the command line both get their services from here (as Anki's Collection
does), so no widget or command builds a service, works out a path, or reaches the database.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.profiles import OpenProfile, close_after, known_history_heads, open_profile
from app.services.undo import UndoStack
from app.store.profile_store import ProfileStore
from app.store.profiles import ProfileInfo

# Each service's module is imported when the service is first used: opening a profile to
# its ledger does not load reportlab (statements), holidays (employing PAs) and the like.
if TYPE_CHECKING:
    from app.employer.service import EmployerService
    from app.opendata.service import OpenDataService
    from app.outcomes.service import OutcomesService
    from app.services.accounts import AccountsService
    from app.services.bank_import import BankImportService
    from app.services.charts import ChartsService
    from app.services.evidence import EvidenceService
    from app.services.funding import FundingService
    from app.services.history import HistoryService
    from app.services.ledger import LedgerService
    from app.services.my_providers import MyProvidersService
    from app.services.owed import OwedService
    from app.services.payees import PayeeRulesService
    from app.services.people import PeopleService
    from app.services.plan import PlanService
    from app.services.reconcile import ReconciliationService
    from app.services.register import RegisterService
    from app.services.rules import RulesService
    from app.services.services_log import ServicesLogService
    from app.services.statements import StatementService
    from app.services.summary import SummaryService


class ProfileContext:
    def __init__(self, profile: OpenProfile, data_dir: Path) -> None:
        self.profile = profile
        self.data_dir = Path(data_dir)
        self.store: ProfileStore = profile.store
        self.undo = UndoStack(self.store)

    # --- the open profile ----------------------------------------------------------------

    @property
    def info(self) -> ProfileInfo:
        return self.profile.info

    @property
    def read_only(self) -> bool:
        return self.profile.read_only

    @property
    def actor(self) -> str:
        return self.profile.actor

    def close(self) -> None:
        if "register" in self.__dict__:
            self.register.close()
        self.profile.close()

    def __enter__(self) -> ProfileContext:
        return self

    def __exit__(self, _type: object, failure: BaseException | None, _tb: object) -> None:
        close_after(self.close, failure)

    # --- services ------------------------------------------------------------------------

    @cached_property
    def ledger(self) -> LedgerService:
        from app.services.ledger import LedgerService

        return LedgerService(self.store)

    @cached_property
    def summary(self) -> SummaryService:
        from app.services.summary import SummaryService

        return SummaryService(self.store)

    @cached_property
    def funding(self) -> FundingService:
        from app.services.funding import FundingService

        return FundingService(self.store)

    @cached_property
    def plan(self) -> PlanService:
        from app.services.plan import PlanService

        return PlanService(self.store)

    @cached_property
    def owed(self) -> OwedService:
        from app.services.owed import OwedService

        return OwedService(self.store)

    @cached_property
    def rules(self) -> RulesService:
        from app.services.rules import RulesService

        return RulesService(self.store)

    @cached_property
    def statements(self) -> StatementService:
        from app.services.statements import StatementService

        return StatementService(self.store)

    @cached_property
    def imports(self) -> BankImportService:
        from app.importers.bank import MappingStore
        from app.services.bank_import import BankImportService

        return BankImportService(self.store, MappingStore(self.data_dir))

    @cached_property
    def accounts(self) -> AccountsService:
        from app.services.accounts import AccountsService

        return AccountsService(self.store)

    @cached_property
    def payee_rules(self) -> PayeeRulesService:
        from app.services.payees import PayeeRulesService

        return PayeeRulesService(self.store)

    @cached_property
    def reconcile(self) -> ReconciliationService:
        from app.services.reconcile import ReconciliationService

        return ReconciliationService(self.store)

    @cached_property
    def evidence(self) -> EvidenceService:
        from app.services.evidence import EvidenceService

        return EvidenceService(self.store)

    @cached_property
    def visits(self) -> ServicesLogService:
        from app.services.services_log import ServicesLogService

        return ServicesLogService(self.store)

    @cached_property
    def outcomes(self) -> OutcomesService:
        from app.outcomes.service import OutcomesService

        return OutcomesService(self.store)

    @cached_property
    def open_data(self) -> OpenDataService:
        from app.opendata.service import OpenDataService

        return OpenDataService(self.store, self.register)

    @cached_property
    def employer(self) -> EmployerService:
        """Employing PAs: records, payslips, checks and reminders."""
        from app.employer.service import EmployerService

        return EmployerService(self.store)

    @cached_property
    def register(self) -> RegisterService:
        from app.services.register import RegisterService

        return RegisterService(self.data_dir)

    @cached_property
    def providers(self) -> MyProvidersService:
        from app.services.my_providers import MyProvidersService

        return MyProvidersService(self.store, self.register)

    @cached_property
    def people(self) -> PeopleService:
        from app.services.people import PeopleService

        return PeopleService(self.profile)

    @cached_property
    def charts(self) -> ChartsService:
        """The Overview's figures."""
        from app.services.charts import ChartsService

        return ChartsService(self.store)

    @cached_property
    def history(self) -> HistoryService:
        from app.services.history import HistoryService

        return HistoryService(self.store, known_history_heads(self.info.folder))


def open_context(data_dir: Path, name: str, passphrase: str, actor: str | None = None,
                 read_only: bool = False) -> ProfileContext:
    """Unlock a profile by name and passphrase (see app.services.profiles.open_profile)."""
    return ProfileContext(open_profile(data_dir, name, passphrase, actor, read_only), data_dir)
