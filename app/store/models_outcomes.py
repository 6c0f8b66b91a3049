"""Profile tables for outcomes: each outcome in the person's words, the support-plan lines that
pay for it, its ratings over time, and which payments and visits served it.

Payments and visits are linked in tables of their own (one outcome each), so the ledger and
the services log are not copied or changed.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from app.store.models import metadata

outcome_table = Table(
    "outcome", metadata,
    Column("id", Integer, primary_key=True),
    Column("text", String(300), nullable=False),  # the person's own words
    Column("area_code", String(20), nullable=False),  # resources/outcomes/areas.json
    Column("measure", Text, default="", nullable=False),  # how they will know
    Column("created_on", Date, nullable=False),
)


# A support-plan line that pays for an outcome.
outcome_plan_line_table = Table(
    "outcome_plan_line", metadata,
    Column("outcome_id", Integer, ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True),
    Column("plan_line_id", Integer, ForeignKey("plan_line.id", ondelete="CASCADE"),
           primary_key=True),
)


outcome_rating_table = Table(
    "outcome_rating", metadata,
    Column("id", Integer, primary_key=True),
    Column("outcome_id", Integer, ForeignKey("outcome.id", ondelete="CASCADE"), nullable=False),
    Column("on", Date, nullable=False),
    Column("score", Integer, nullable=False),
    Column("rated_by", String(20), nullable=False),  # person, with_carer
    Column("note", Text, default="", nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("score BETWEEN 1 AND 4", name="ck_outcome_rating_score"),
    Index("ix_outcome_rating_outcome", "outcome_id", "on"),
)


# A payment that served one outcome directly (not only through its plan line).
outcome_entry_table = Table(
    "outcome_entry", metadata,
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
    Column("outcome_id", Integer, ForeignKey("outcome.id", ondelete="CASCADE"), nullable=False),
)


# A visit or shift in the services log that served one outcome.
outcome_visit_table = Table(
    "outcome_visit", metadata,
    Column("service_log_id", Integer, ForeignKey("service_log.id", ondelete="CASCADE"),
           primary_key=True),
    Column("outcome_id", Integer, ForeignKey("outcome.id", ondelete="CASCADE"), nullable=False),
)
