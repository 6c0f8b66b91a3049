"""Entry point: `careledger` opens the window; `careledger COMMAND ...` runs the CLI."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # every file CareLedger makes is its owner's alone (shared laptops)
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import has_command, run

    # The flags first: has_command would act on them itself, outside run()'s care of pipes.
    if "--version" in args or "-h" in args or "--help" in args or has_command(args):
        return run(args)
    from ui.application import run_window  # Qt is imported only when a window is wanted

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
