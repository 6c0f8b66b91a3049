"""Accounts, and the balances banks stated for them (checked statements, imported files)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from app.domain.accounts import Account, BankBalance
from app.domain.money import Money
from app.store.models import account_table
from app.store.models_bank import bank_balance_table, reconciliation_table

A = account_table
R = reconciliation_table
B = bank_balance_table


class AccountRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Account]:
        rows = self.conn.execute(select(A.c.id, A.c.name, A.c.kind, A.c.opening_balance,
                                        A.c.opening_date, A.c.match_days).order_by(A.c.id))
        return [Account(*row) for row in rows]

    def get(self, account_id: int) -> Account | None:
        return next((a for a in self.all() if a.id == account_id), None)

    def first(self) -> Account | None:
        accounts = self.all()
        return accounts[0] if accounts else None

    def records_start(self) -> date | None:
        """The day the records start: money before it is in the opening balances."""
        value: date | None = self.conn.execute(select(func.min(A.c.opening_date))).scalar()
        return value

    def latest_stated(self, account_id: int) -> tuple[date, Money, str] | None:
        """The latest balance an imported file stated for the account: (day, balance, file)."""
        row = self.conn.execute(
            select(B.c.on, B.c.balance, B.c.source).where(B.c.account_id == account_id)
            .order_by(B.c.on.desc(), B.c.id.desc()).limit(1)).first()
        return None if row is None else (row[0], row[1], row[2])

    def stated(self, account_id: int, on: date) -> Money | None:
        """The balance an imported file stated for the account on that day, if any."""
        value: Money | None = self.conn.execute(
            select(B.c.balance).where(B.c.account_id == account_id, B.c.on == on)
            .order_by(B.c.id.desc()).limit(1)).scalar()
        return value

    def bank_balance(self, up_to: date) -> BankBalance | None:
        """The latest balance a bank stated on or before `up_to`, for all accounts together:
        None unless every account has one, and only for a day all of them share."""
        accounts = [a.id for a in self.all()]
        latest: dict[int, BankBalance] = {}
        for account_id, on, balance in [*self.conn.execute(
                select(R.c.account_id, R.c.statement_date, R.c.closing_balance)
                .where(R.c.statement_date <= up_to).order_by(R.c.statement_date, R.c.id)),
                *self.conn.execute(select(B.c.account_id, B.c.on, B.c.balance)
                                   .where(B.c.on <= up_to).order_by(B.c.on, B.c.id))]:
            known = latest.get(account_id)
            if known is None or on >= known.on:
                latest[account_id] = BankBalance(account_id, on, balance)
        if not accounts or set(latest) != set(accounts):
            return None
        days = {b.on for b in latest.values()}
        if len(days) != 1:
            return None
        return BankBalance(0, days.pop(), Money(sum(b.balance.pence for b in latest.values())))
