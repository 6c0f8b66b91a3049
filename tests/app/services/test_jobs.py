from pathlib import Path

import pytest

from app.services.demo import create_demo_profile
from app.services.jobs import Cancelled, JobControl


def test_a_step_reports_and_stops_when_asked() -> None:
    heard: list[tuple[int, int, str]] = []
    stop = False
    control = JobControl(lambda d, t, s: heard.append((d, t, s)), lambda: stop)
    control.step(1, 3, "one")
    stop = True
    with pytest.raises(Cancelled, match="Nothing was changed"):
        control.step(2, 3, "two")
    assert heard == [(1, 3, "one"), (2, 3, "two")]


@pytest.mark.parametrize("stop_at", [1, 2])
def test_a_stopped_demo_leaves_nothing_behind(data_dir: Path, stop_at: int) -> None:
    steps: list[int] = []
    control = JobControl(lambda done, _t, _s: steps.append(done),
                         lambda: len(steps) > stop_at)
    with pytest.raises(Cancelled):
        create_demo_profile(data_dir, "Demo", "demo passphrase", control=control)
    assert list((data_dir / "profiles").iterdir()) == []
