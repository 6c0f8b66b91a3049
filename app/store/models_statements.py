"""Profile tables for statements: the full council rule chosen for this budget holder.

The core `council_rule` row keeps the figures other services read (limit, contingency,
frequency); this row keeps the whole rule (categories, declaration) and which template it
came from, as JSON so a template file changing later does not change an old return.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class CouncilRuleDetailRow(Base):
    __tablename__ = "council_rule_detail"
    council_rule_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("council_rule.id"), primary_key=True)
    template_code: Mapped[str] = mapped_column(String(60))
    rule_json: Mapped[str] = mapped_column(Text)
