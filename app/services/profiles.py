"""Use cases for profiles: create one, list them, open one with its passphrase."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.domain.categories import load_categories
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Frequency, Funder, FundingKind
from app.domain.money import Money
from app.i18n import _
from app.store import database, keys
from app.store.audit_log import append_event
from app.store.models import (
    AccountRow,
    CategoryRow,
    CouncilRuleRow,
    FundingStreamRow,
    PersonRow,
)
from app.store.profiles import ProfileDirectory, ProfileInfo

MIN_PASSPHRASE = 8
DEMO_PASSPHRASE = "demo"  # shown on the demo's label: the demo holds no real data


class WrongPassphrase(DomainError):
    pass


class ProfileNotFound(DomainError):
    pass


@dataclass(frozen=True)
class NewProfile:
    """Everything asked when a budget holder's profile is created."""

    display_name: str
    gross_weekly: Money
    frequency: Frequency
    start: date
    client_contribution_weekly: Money = Money(0)
    council_name: str = ""
    council_reference: str = ""
    funder: Funder = Funder.COUNCIL
    kind: FundingKind = FundingKind.DIRECT_PAYMENT
    weeks_held_limit: int = 8
    opening_balance: Money = Money(0)
    account_name: str = field(default="")
    is_demo: bool = False


@dataclass
class OpenProfile:
    """An unlocked profile: the engine over its decrypted database, and who is at the keyboard."""

    info: ProfileInfo
    engine: Engine
    actor: str

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        # Fold the WAL back into the main file so a copied folder is complete.
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()


def validate_new_profile(request: NewProfile, passphrase: str) -> None:
    name = request.display_name.strip()
    if not name or len(name) > 100:
        raise ValidationError("display_name", _("Give the profile a name (up to 100 letters)."))
    if request.gross_weekly.pence < 0 or request.client_contribution_weekly.pence < 0:
        raise ValidationError("gross_weekly", _("Amounts cannot be less than zero."))
    if request.client_contribution_weekly > request.gross_weekly:
        raise ValidationError(
            "client_contribution",
            _("Your contribution cannot be more than the weekly budget."),
        )
    if not 1 <= request.weeks_held_limit <= 52:
        raise ValidationError("weeks_held_limit", _("The limit must be between 1 and 52 weeks."))
    if not request.is_demo and len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase",
            _("Choose a passphrase of at least {n} characters. A few words work well.").format(
                n=MIN_PASSPHRASE
            ),
        )


def list_profiles(data_dir: Path) -> list[ProfileInfo]:
    return ProfileDirectory(data_dir).list()


def create_profile(data_dir: Path, request: NewProfile, passphrase: str) -> ProfileInfo:
    """Make a new encrypted profile. It appears in the list only once it is complete."""
    validate_new_profile(request, passphrase)
    directory = ProfileDirectory(data_dir)
    folder = directory.new_folder(request.display_name.strip())
    try:
        data_key = keys.new_data_key()
        wrapped = keys.wrap(data_key, passphrase, "passphrase")
        engine = database.open_engine(folder / "ledger.db", data_key)
        try:
            database.upgrade(engine)
            with Session(engine) as session, session.begin():
                _seed(session, request)
                append_event(session, request.display_name.strip(), "create", "person", 1,
                             {"display_name": request.display_name.strip()})
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        directory.write_meta(folder, request.display_name.strip(), request.is_demo, [wrapped])
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    info = directory.find(request.display_name.strip())
    assert info is not None
    return info


def _seed(session: Session, request: NewProfile) -> None:
    session.add(PersonRow(
        display_name=request.display_name.strip(), council_name=request.council_name.strip(),
        council_reference=request.council_reference.strip(), nhs_number="", postcode="",
        managed_by="self", preferred_language="en_GB", is_demo=request.is_demo,
    ))
    session.add(FundingStreamRow(
        funder=request.funder.value, kind=request.kind.value, gross_weekly=request.gross_weekly,
        client_contribution_weekly=request.client_contribution_weekly,
        frequency=request.frequency.value, start_date=request.start,
    ))
    session.add(CouncilRuleRow(
        name=request.council_name.strip(), return_frequency="quarterly",
        weeks_held_limit=request.weeks_held_limit, contingency_weeks=0,
    ))
    session.add(AccountRow(
        name=request.account_name or _("Care account"), kind="bank",
        opening_balance=request.opening_balance, opening_date=request.start,
    ))
    for cat in load_categories():
        session.add(CategoryRow(
            code=cat.code, name_en=cat.name_en, name_cy=cat.name_cy, grp=cat.group,
            direction=cat.direction.value, permission=cat.permission.value,
        ))


def unlock_key(directory: ProfileDirectory, info: ProfileInfo, passphrase: str) -> bytes:
    for wrapped in directory.wrapped_keys(info):
        if wrapped.purpose != "passphrase":
            continue
        try:
            return keys.unwrap(wrapped, passphrase)
        except keys.WrongSecret:
            continue
    raise WrongPassphrase(_("That passphrase is not right. Check it and try again."))


def open_profile(data_dir: Path, name: str, passphrase: str, actor: str | None = None
                 ) -> OpenProfile:
    """Unlock a profile, bringing an older schema up to date (after keeping a copy)."""
    directory = ProfileDirectory(data_dir)
    info = directory.find(name)
    if info is None:
        raise ProfileNotFound(_("There is no profile called “{name}”.").format(name=name))
    data_key = unlock_key(directory, info, passphrase)
    engine = database.open_engine(info.database, data_key)
    try:
        if database.current_revision(engine) != database.head_revision():
            _keep_copy_before_upgrade(engine, info)
            database.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return OpenProfile(info, engine, actor or info.display_name)


def _keep_copy_before_upgrade(engine: Engine, info: ProfileInfo) -> None:
    """An upgrade changes the file; keep the encrypted original beside it first."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        revision = database.current_revision(engine) or "empty"
    shutil.copy2(info.database, info.folder / f"ledger.before-upgrade-from-{revision}.db")
