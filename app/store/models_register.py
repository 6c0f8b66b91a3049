"""Profile tables for the register work: the person's chosen providers ("My providers")."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Date, DateTime, Index, Integer, String, Table, Text

from app.store.models import metadata
from app.store.types import MoneyType

# A provider the person uses. Register fields are a snapshot taken when it was chosen,
# so the profile stays complete without the public register (or after it changes).
chosen_provider_table = Table(
    "chosen_provider", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(10), nullable=False),  # cqc, oruk, or manual (own PA, local)
    Column("source_id", String(100), default="", nullable=False),
    Column("name", String(200), nullable=False),
    Column("payee_name", String(200), nullable=False),  # how ledger entries name them
    Column("postcode", String(10), default="", nullable=False),
    Column("kind", String(20), default="agency", nullable=False),  # agency, pa, local
    Column("agreed_hourly_rate", MoneyType, nullable=True),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=True),
    Column("notes", Text, default="", nullable=False),
    Column("own_rating", Integer, nullable=True),  # 1 to 5 stars, the person's own
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("own_rating IS NULL OR own_rating BETWEEN 1 AND 5",
                    name="ck_chosen_provider_own_rating"),
    Index("ix_chosen_provider_source", "source", "source_id"),
)
