"""The PA reminders in words: on the Employing PAs tab, and the first few on the Money tab
(a module of its own, so the Money tab does not import the whole PA page)."""

from __future__ import annotations

from app.employer.checks_common import Finding, State
from app.i18n import _


def reminder_text(findings: list[Finding], limit: int | None = None) -> str:
    """Each reminder on its own line, failed checks marked; '' when nothing is due."""
    shown = findings if limit is None else findings[:limit]
    lines = [("⚠ " if f.state is State.PROBLEM else "• ") + f.line() for f in shown]
    if limit is not None and len(findings) > limit:
        lines.append(_("…and {count} more on the Employing PAs tab.").format(
            count=len(findings) - limit))
    return "\n".join(lines)
