"""Accounts, and the balances banks stated for them (checked statements, imported files)."""

from __future__ import annotations

from datetime import date

from app.domain.accounts import Account, BankBalance
from app.domain.money import Money
from app.store.sql import Connection, day, first, maybe_day, money, rows, scalar


class AccountRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Account]:
        return [Account(i, name, kind, money(opening), day(on), match_days)
                for i, name, kind, opening, on, match_days in rows(
                    self.conn, "SELECT id, name, kind, opening_balance, opening_date, match_days "
                               "FROM account ORDER BY id")]

    def get(self, account_id: int) -> Account | None:
        return next((a for a in self.all() if a.id == account_id), None)

    def first(self) -> Account | None:
        accounts = self.all()
        return accounts[0] if accounts else None

    def records_start(self) -> date | None:
        """The day the records start: money before it is in the opening balances."""
        return maybe_day(scalar(self.conn, "SELECT min(opening_date) FROM account"))

    def latest_stated(self, account_id: int) -> tuple[date, Money, str] | None:
        """The latest balance an imported file stated for the account: (day, balance, file)."""
        row = first(self.conn, 'SELECT "on", balance, source FROM bank_balance '
                               'WHERE account_id = ? ORDER BY "on" DESC, id DESC LIMIT 1',
                    (account_id,))
        return None if row is None else (day(row[0]), money(row[1]), row[2])

    def stated(self, account_id: int, on: date) -> Money | None:
        """The balance an imported file stated for the account on that day, if any."""
        row = first(self.conn, 'SELECT balance FROM bank_balance WHERE account_id = ? '
                               'AND "on" = ? ORDER BY id DESC LIMIT 1',
                    (account_id, on.isoformat()))
        return None if row is None else money(row[0])

    def bank_balance(self, up_to: date) -> BankBalance | None:
        """The latest balance a bank stated on or before `up_to`, for all accounts together:
        None unless every account has one, and only for a day all of them share."""
        accounts = [a.id for a in self.all()]
        latest: dict[int, BankBalance] = {}
        stated = [*rows(self.conn, "SELECT account_id, statement_date, closing_balance "
                                   "FROM reconciliation WHERE statement_date <= ? "
                                   "ORDER BY statement_date, id", (up_to.isoformat(),)),
                  *rows(self.conn, 'SELECT account_id, "on", balance FROM bank_balance '
                                   'WHERE "on" <= ? ORDER BY "on", id', (up_to.isoformat(),))]
        for account_id, on_text, balance in stated:
            on = day(on_text)
            known = latest.get(account_id)
            if known is None or on >= known.on:
                latest[account_id] = BankBalance(account_id, on, money(balance))
        if not accounts or set(latest) != set(accounts):
            return None
        days = {b.on for b in latest.values()}
        if len(days) != 1:
            return None
        return BankBalance(0, days.pop(), Money(sum(b.balance.pence for b in latest.values())))
