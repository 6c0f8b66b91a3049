"""Monitoring returns: build() turns a period of the ledger into a Statement with every figure
computed once and exactly; pdf.py and csv.py only format what the Statement holds."""

from app.statements.builder import build
from app.statements.model import Statement

__all__ = ["Statement", "build"]
