"""Long work that reports progress and can be stopped: no Qt here, so the command line and the
window run the same work (the window on a worker thread, see ui/jobs.py).

Work takes a JobControl and calls `step()` now and then: that reports how far it has got, and
raises Cancelled when the person pressed Cancel. Work that writes does so in one transaction,
so stopping part way changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.errors import DomainError
from app.i18n import _

Report = Callable[[int, int, str], None]  # (done, total, what is happening now)


class Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__(_("Stopped. Nothing was changed."))


def _nothing(_done: int, _total: int, _text: str) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(frozen=True)
class JobControl:
    report: Report = _nothing
    is_cancelled: Callable[[], bool] = _never

    def step(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work has got; stop here if the person asked to."""
        self.report(done, total, text)
        if self.is_cancelled():
            raise Cancelled()


NO_CONTROL = JobControl()
