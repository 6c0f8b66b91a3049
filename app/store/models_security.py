"""Security tables of the profile database: who may act for the budget holder."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Table

from app.store.models import metadata

person_role_table = Table(
    "person_role", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("role", String(30), nullable=False),
    Column("active", Boolean, default=True, nullable=False),
    Column("added_at", DateTime, nullable=False),
    Column("added_by", String(100), nullable=False),
)
