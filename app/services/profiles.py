"""Use cases for profiles: create one, list them, open one with its passphrase.

Opening enforces the rules of a shared laptop: wrong passphrases slow down (backoff), only
someone recorded as allowed may act, and only one window writes a profile at a time.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.audit import Cause
from app.domain.categories import load_categories
from app.domain.council_rules import find_template, rule_to_json
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Frequency, Funder, FundingKind
from app.domain.money import Money
from app.domain.roles import Role
from app.i18n import _
from app.services.unlock import (
    ProfileNotFound,
    TooManyAttempts,
    WrongPassphrase,
    find_profile,
    unlock_by_name,
    unlock_key,
    unlock_with_backoff,
)
from app.settings import load_settings
from app.store import keys
from app.store.attempts import Clock
from app.store.ledger_db import DamagedProfile, LedgerDatabase, head_revision
from app.store.ledger_file import check_file, damaged, read_revision
from app.store.profile_lock import WriterLock
from app.store.profile_names import check_name
from app.store.profile_store import ProfileStore, ReadOnlyProfile
from app.store.profiles import ProfileDirectory, ProfileInfo
from app.store.session_end import WriteWatch, finish_writing

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.store.writer import Writer

__all__ = [  # ReadOnlyProfile: raised by writes to a profile opened read-only; the rest are
    "ProfileNotFound", "ReadOnlyProfile", "TooManyAttempts",  # unlocking's, said from here
    "WrongPassphrase", "find_profile", "unlock_key", "unlock_with_backoff",  # as before
]

MIN_PASSPHRASE = 8
DEMO_PASSPHRASE = "demo"  # shown on the demo's label: the demo holds no real data


class ProfileInUse(DomainError):
    """Someone else has the profile open for writing; it can still be opened read-only."""


class NotAllowedToAct(DomainError):
    pass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreatedProfile:
    """A new profile and its one-time recovery code: show the code once, then forget it."""

    info: ProfileInfo
    recovery_code: str = field(repr=False)


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
    rule_template: str = "quarterly_8_weeks"
    opening_balance: Money = Money(0)
    account_name: str = field(default="")
    is_demo: bool = False


@dataclass
class OpenProfile:
    """An unlocked profile: its decrypted database, and who is at the keyboard.

    Opened read-only (someone else is writing), every write is refused with ReadOnlyProfile.
    """

    info: ProfileInfo
    db: LedgerDatabase
    actor: str
    read_only: bool = False
    data_key: bytes = field(default=b"", repr=False)
    lock: WriterLock | None = field(default=None, repr=False)
    backups_to_keep: int = 5
    write_watch: WriteWatch | None = field(default=None, repr=False)
    store: ProfileStore = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.store = ProfileStore(self.db, lambda: self.actor, self.read_only)

    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine over the database, made at first use (the first write)."""
        return self.db.engine

    def __enter__(self) -> OpenProfile:
        return self

    def __exit__(self, _type: object, failure: BaseException | None, _tb: object) -> None:
        close_after(self.close, failure)

    def close(self) -> None:
        try:
            if not self.read_only:
                # The history's head noted, a checkpoint, and a checked backup: only after a
                # session that wrote something.
                finish_writing(self.db, self.info.folder, self.backups_to_keep,
                               self.write_watch, self.store.wrote,
                               lambda: keep_history_head(self.info.folder, self.store))
        finally:
            self.db.dispose()
            if self.lock is not None:
                self.lock.release()


def close_after(close: Callable[[], None], failure: BaseException | None) -> None:
    """Close; when a failure already ends the work, closing's own failure (no backup after a
    write that was refused, say) is logged, never told in its place."""
    if failure is None:
        close()
        return
    try:
        close()
    except Exception as closing:
        log.warning("closing after a failure: %s", type(closing).__name__)


def keep_history_head(folder: Path, store: ProfileStore) -> None:
    """Keep the newest history event's hash beside the profile (in profile.json): verify then
    notices when the history's newest events are removed from the database."""
    with store.read() as repos:
        head = repos.audit.head()
    if head is not None:
        ProfileDirectory.set_meta_value(folder, "history_head", head[1])


def known_history_heads(folder: Path) -> list[str]:
    head = ProfileDirectory.read_meta(folder).get("history_head")
    return [str(head)] if head else []


def validate_new_profile(request: NewProfile, passphrase: str) -> None:
    check_name(request.display_name)
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


def create_profile(data_dir: Path, request: NewProfile, passphrase: str) -> CreatedProfile:
    """Make a new encrypted profile. It appears in the list only once it is complete."""
    validate_new_profile(request, passphrase)
    request = replace(request, display_name=check_name(request.display_name))
    directory = ProfileDirectory(data_dir)
    taken = directory.find(request.display_name)
    if taken is not None:
        raise ValidationError("display_name", _(
            "There is already a profile called “{name}”. Names that differ only in capitals, "
            "spaces or punctuation count as the same: add a surname or an initial.").format(
                name=taken.display_name))
    folder = directory.new_folder(request.display_name.strip())
    recovery_code = keys.new_recovery_code()
    try:
        data_key = keys.new_data_key()
        wrapped = [keys.wrap(data_key, passphrase, "passphrase"),
                   keys.wrap(data_key, recovery_code, "recovery")]
        db = LedgerDatabase(folder / "ledger.db", data_key)
        try:
            from app.store import database

            database.upgrade(db.engine)
            store = ProfileStore(db, lambda: request.display_name.strip())
            with store.write(Cause("create_profile")) as (_repos, writer):
                _seed(writer, request)
            db.checkpoint()
        finally:
            db.dispose()
        directory.write_meta(folder, request.display_name.strip(), request.is_demo, wrapped)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    info = directory.find(request.display_name.strip())
    assert info is not None
    return CreatedProfile(info, recovery_code)


def _seed(writer: Writer, request: NewProfile) -> None:
    name = request.display_name.strip()
    writer.insert("person", {
        "display_name": name, "date_of_birth": None,
        "council_name": request.council_name.strip(),
        "council_reference": request.council_reference.strip(), "nhs_number": "",
        "postcode": "", "managed_by": "self", "preferred_language": "en_GB",
        "is_demo": request.is_demo})
    stream_id = writer.insert("funding_stream", {
        "funder": request.funder.value, "kind": request.kind.value,
        "frequency": request.frequency.value, "start_date": request.start, "end_date": None})
    writer.insert("funding_rate", {
        "stream_id": stream_id, "start_date": request.start,
        "gross_weekly": request.gross_weekly,
        "contribution_weekly": request.client_contribution_weekly})
    rule = replace(find_template(request.rule_template), weeks_held_limit=request.weeks_held_limit)
    writer.insert("council_rule", {"template_code": rule.code,
                                   "rule_json": json.dumps(rule_to_json(rule),
                                                           ensure_ascii=False)})
    writer.insert("account", {
        "name": request.account_name or _("Care account"), "kind": "bank",
        "opening_balance": request.opening_balance, "opening_date": request.start})
    writer.insert("person_role", {
        "name": name, "role": Role.BUDGET_HOLDER.value, "active": True,
        "added_at": datetime.now(UTC).replace(tzinfo=None), "added_by": name})
    for cat in load_categories():
        writer.insert("category", {
            "code": cat.code, "name_en": cat.name_en, "name_cy": cat.name_cy, "grp": cat.group,
            "direction": cat.direction.value, "permission": cat.permission.value})


def open_profile(data_dir: Path, name: str, passphrase: str, actor: str | None = None,
                 read_only: bool = False, clock: Clock = time.time) -> OpenProfile:
    """Unlock a profile for `actor` (who is at the keyboard; the budget holder when None).

    Raises ProfileInUse when another window writes it: open it again with read_only=True.
    """
    info, data_key = unlock_by_name(data_dir, name, passphrase, clock)
    return open_with_key(data_dir, info, data_key, actor, read_only)


def open_with_key(data_dir: Path, info: ProfileInfo, data_key: bytes, actor: str | None = None,
                  read_only: bool = False) -> OpenProfile:
    lock = None if read_only else WriterLock.acquire(info.folder)
    if not read_only and lock is None:
        raise ProfileInUse(
            _("This profile is open in another window or on another computer. "
              "You can open it to read only, or close the other window first.")
        )
    try:
        try:
            db = _database(info, data_key, read_only)
        except DamagedProfile as error:
            raise damaged(info.folder, data_key, error) from error
        try:
            who = _check_actor(db, info, actor)
            watch = None if read_only else WriteWatch(info.database, data_key)
        except BaseException:
            db.dispose()
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return OpenProfile(info, db, who, read_only, data_key, lock,
                       load_settings(data_dir).backups_to_keep, watch)


def _database(info: ProfileInfo, data_key: bytes, read_only: bool) -> LedgerDatabase:
    """Open the database, bringing an older schema up to date (after keeping a copy).
    An empty, short or schema-less file is damaged, never a new profile."""
    check_file(info.database)
    db = LedgerDatabase(info.database, data_key, read_only)
    try:
        db.check_readable()
        revision = read_revision(db)
        if revision is None:
            raise DamagedProfile(_("The records file of this profile is empty."))
        if revision != head_revision():
            _upgrade(info, data_key, read_only)
    except BaseException:
        db.dispose()
        raise
    return db


def _upgrade(info: ProfileInfo, data_key: bytes, read_only: bool) -> None:
    """Bring the schema up to date; a reader takes the writer lock just for that."""
    lock = WriterLock.acquire(info.folder) if read_only else None
    if read_only and lock is None:
        raise ProfileInUse(_("This profile needs updating, which cannot happen while "
                             "it is open elsewhere. Close the other window first."))
    from app.store import database  # SQLAlchemy and Alembic: only when a migration is due

    engine = database.open_engine(info.database, data_key)
    try:
        _keep_copy_before_upgrade(engine, info)
        database.upgrade(engine)
    finally:
        engine.dispose()
        if lock is not None:
            lock.release()


def _check_actor(db: LedgerDatabase, info: ProfileInfo, actor: str | None) -> str:
    """The stored spelling of who is acting; refused when they are not recorded as allowed."""
    with ProfileStore(db, lambda: "").read() as repos:
        person = repos.people.find_active(actor or info.display_name)
    if person is not None:
        return person.name
    if actor is None:
        return info.display_name
    raise NotAllowedToAct(
        _("“{actor}” is not recorded as someone who may act for this profile. "
          "Ask the budget holder to add them first.").format(actor=actor)
    )


def _keep_copy_before_upgrade(engine: Engine, info: ProfileInfo) -> None:
    """An upgrade changes the file; keep the encrypted original beside it first."""
    from app.store.database import current_revision

    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        revision = current_revision(engine) or "empty"
    shutil.copy2(info.database, info.folder / f"ledger.before-upgrade-from-{revision}.db")
