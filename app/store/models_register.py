"""Profile tables for the register work: the person's chosen providers ("My providers")."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.money import Money
from app.store.models import Base
from app.store.types import MoneyType


class ChosenProviderRow(Base):
    """A provider the person uses. Register fields are a snapshot taken when it was chosen,
    so the profile stays complete without the public register (or after it changes)."""

    __tablename__ = "chosen_provider"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(10))  # cqc, oruk, or manual (own PA, local)
    source_id: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(String(200))
    payee_name: Mapped[str] = mapped_column(String(200))  # how ledger entries name them
    postcode: Mapped[str] = mapped_column(String(10), default="")
    kind: Mapped[str] = mapped_column(String(20), default="agency")  # agency, pa, local
    agreed_hourly_rate: Mapped[Money | None] = mapped_column(MoneyType)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    own_rating: Mapped[int | None] = mapped_column(Integer)  # 1 to 5 stars, the person's own
    created_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        CheckConstraint("own_rating IS NULL OR own_rating BETWEEN 1 AND 5",
                        name="ck_chosen_provider_own_rating"),
        Index("ix_chosen_provider_source", "source", "source_id"),
    )
