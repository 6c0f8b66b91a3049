"""Profile tables for outcomes: each outcome in the person's words, the support-plan lines that
pay for it, its ratings over time, and which payments and visits served it.

Payments and visits are linked in tables of their own (one outcome each), so the ledger and
the services log are not copied or changed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class OutcomeRow(Base):
    __tablename__ = "outcome"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(300))  # the person's own words
    area_code: Mapped[str] = mapped_column(String(20))  # resources/outcomes/areas.json
    measure: Mapped[str] = mapped_column(Text, default="")  # how they will know
    created_on: Mapped[date] = mapped_column(Date)


class OutcomePlanLineRow(Base):
    """A support-plan line that pays for an outcome."""

    __tablename__ = "outcome_plan_line"
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome.id", ondelete="CASCADE"),
                                            primary_key=True)
    plan_line_id: Mapped[int] = mapped_column(ForeignKey("plan_line.id", ondelete="CASCADE"),
                                              primary_key=True)


class OutcomeRatingRow(Base):
    __tablename__ = "outcome_rating"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    rated_by: Mapped[str] = mapped_column(String(20))  # person, with_carer
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 4", name="ck_outcome_rating_score"),
        Index("ix_outcome_rating_outcome", "outcome_id", "on"),
    )


class OutcomeEntryRow(Base):
    """A payment that served one outcome directly (not only through its plan line)."""

    __tablename__ = "outcome_entry"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"),
                                          primary_key=True)
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome.id", ondelete="CASCADE"))


class OutcomeVisitRow(Base):
    """A visit or shift in the services log that served one outcome."""

    __tablename__ = "outcome_visit"
    service_log_id: Mapped[int] = mapped_column(
        ForeignKey("service_log.id", ondelete="CASCADE"), primary_key=True)
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome.id", ondelete="CASCADE"))
