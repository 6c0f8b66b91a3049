from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.app.services.bank.conftest import profile  # noqa: E402,F401  (the same profile fixture)
