"""The bundle's entry point: the same `careledger` as `pip install` makes (ui.main:main)."""

import os
import sys

from ui.main import main

if __name__ == "__main__":
    # Started with no locale at all (env -i, some launchers): use UTF-8 rather than let Qt
    # warn on the terminal that it is switching to it.
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")):
        os.environ["LC_CTYPE"] = "C.UTF-8"
    sys.exit(main())
