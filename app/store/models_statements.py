"""Profile tables for statements: each return produced, with the history head it quoted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class IssuedStatementRow(Base):
    """A return that left the app: `careledger history --verify` checks its head is still in
    the history, so a council can rely on the history it was shown."""

    __tablename__ = "issued_statement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    produced_on: Mapped[date] = mapped_column(Date)
    file_kind: Mapped[str] = mapped_column(String(10))  # pdf or csv
    head_event_id: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
