"""The ledger's hot path: pages of entries, newest first, read straight from the driver.

Scrolling a 100,000-entry ledger reads hundreds of pages; SQLAlchemy's statement compiling
and per-cell type processing cost several times the query itself, so these few fixed
statements go to the DBAPI cursor and convert the columns here. Everything else in the app
goes through the ORM. The SQL must agree with app.store.models.EntryRow (a test checks it).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.domain.entries import Entry
from app.domain.money import Money

_COLUMNS = ('id, "on", amount, payee, category_code, memo, approval_reason, account_id, '
            "created_by, created_at")
_NEWEST = f'SELECT {_COLUMNS} FROM entry ORDER BY "on" DESC, id DESC LIMIT ?'
_BELOW = (f'SELECT {_COLUMNS} FROM entry WHERE ("on", id) < (?, ?) '
          'ORDER BY "on" DESC, id DESC LIMIT ?')
_TOTAL = "SELECT (SELECT coalesce(sum(opening_balance), 0) FROM account) + " \
         "(SELECT coalesce(sum(amount), 0) FROM entry)"
_LATER = 'SELECT coalesce(sum(amount), 0) FROM entry WHERE ("on", id) > (?, ?)'


def entries_below(session: Session, after: tuple[date, int] | None, limit: int
                  ) -> list[Entry]:
    """Up to `limit` entries just below the (date, id) key `after`, or from the newest."""
    cursor = session.connection().connection.cursor()
    try:
        if after is None:
            cursor.execute(_NEWEST, (limit,))
        else:
            cursor.execute(_BELOW, (after[0].isoformat(), after[1], limit))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return [
        Entry(row[0], date.fromisoformat(row[1]), Money(row[2]), row[3], row[4], row[5], row[6],
              row[7], row[8], datetime.fromisoformat(row[9]))
        for row in rows
    ]


def balance_after(session: Session, entry: Entry) -> int:
    """Pence in the account just after `entry`: opening balances plus every entry up to it."""
    cursor = session.connection().connection.cursor()
    try:
        total = cursor.execute(_TOTAL).fetchone()[0]
        later = cursor.execute(_LATER, (entry.on.isoformat(), entry.id)).fetchone()[0]
    finally:
        cursor.close()
    return int(total) - int(later)
