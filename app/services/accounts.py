"""Accounts: what kind each is (current account, prepaid card, credit card, cash), which
decides what a bank file's positive amounts mean, and how far apart a bank line and an entry
may be dated and still be matched."""

from __future__ import annotations

from datetime import date

from app.domain.accounts import Account, AccountKind, check_account_name, check_match_days
from app.domain.audit import Cause
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.i18n import _
from app.store.profile_store import ProfileStore
from app.store.repos import Repos


class AccountsService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def accounts(self) -> list[Account]:
        with self.store.read() as repos:
            return repos.accounts.all()

    def get(self, account_id: int) -> Account:
        with self.store.read() as repos:
            return _found(repos, account_id)

    def add(self, name: str, kind: AccountKind, opening_balance: Money = Money(0),  # noqa: B008
            opening_date: date | None = None) -> Account:
        """A new account; it starts with the records unless another day is given."""
        with self.store.write(Cause("add_account")) as (repos, writer):
            clean = check_account_name(name)
            if any(a.name.casefold() == clean.casefold() for a in repos.accounts.all()):
                raise ValidationError("name", _("There is already an account called “{name}”.")
                                      .format(name=clean))
            start = opening_date or repos.accounts.records_start() or date.today()
            account_id = writer.insert("account", {
                "name": clean, "kind": kind.value, "opening_balance": opening_balance,
                "opening_date": start})
            return _found(repos, account_id)

    def change(self, account_id: int, name: str | None = None,
               kind: AccountKind | None = None, match_days: int | None = None) -> Account:
        with self.store.write(Cause("change_account")) as (repos, writer):
            account = _found(repos, account_id)
            values: dict[str, object] = {}
            if name is not None:
                clean = check_account_name(name)
                if any(a.name.casefold() == clean.casefold() and a.id != account_id
                       for a in repos.accounts.all()):
                    raise ValidationError("name", _(
                        "There is already an account called “{name}”.").format(name=clean))
                values["name"] = clean
            if kind is not None:
                values["kind"] = kind.value
            if match_days is not None:
                values["match_days"] = check_match_days(match_days)
            if values:
                writer.update("account", (account.id,), values)
            return _found(repos, account_id)


def _found(repos: Repos, account_id: int) -> Account:
    account = repos.accounts.get(account_id)
    if account is None:
        raise DomainError(_("That account no longer exists."))
    return account
