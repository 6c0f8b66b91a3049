"""app/cli/__init__.py: commands resolved lazily. A run imports only the module of the command
it names; `--version` and the window import none, and none of the heavy libraries."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "alembic", "reportlab", "app.services.context", "app.cli.profiles")


def test_the_table_of_commands_is_what_each_module_adds() -> None:
    from app.cli import COMMAND_MODULES

    for module, names in COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        importlib.import_module(module).add_commands(subparsers)
        assert tuple(subparsers.choices) == names, module


@pytest.mark.parametrize("argv, word", [
    (["--data-dir", "x", "profile", "list"], "profile"),
    (["--lang", "cy", "--profile", "Ann", "statement"], "statement"),
    (["--profile", "Ann"], None),
    (["--data-dir=x", "summary", "--json"], "summary"),
    ([], None),
])
def test_the_command_word_is_found_past_the_global_options(argv: list[str],
                                                           word: str | None) -> None:
    from app.cli import command_word

    assert command_word(argv) == word


def test_a_command_loads_only_its_own_module() -> None:
    from app.cli import build_parser, commands

    words = {w.split()[0] for w, _c in commands(build_parser(["summary", "--json"]))}
    assert words == {"summary"}


def imported_after(code: str, tmp_path: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parents[3], check=True)
    return set(done.stdout.split())


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    code = ("from app.cli import run\n"
            "try:\n    run(['--version'])\nexcept SystemExit:\n    pass")
    loaded = imported_after(code, tmp_path)
    assert not [name for name in HEAVY if name in loaded]


def test_the_first_window_imports_nothing_heavy(tmp_path: Path) -> None:
    """What the profile list needs, and no more: the rest comes when a profile opens."""
    code = ("from PySide6.QtWidgets import QApplication\n"
            "from ui.main_window import MainWindow\n"
            "import ui.application\n"
            "from pathlib import Path\n"
            "app = QApplication([])\n"
            f"window = MainWindow(Path({str(tmp_path)!r}))\n"
            "window.show()\n"
            "app.processEvents()")
    loaded = imported_after(code, tmp_path)
    assert not [name for name in HEAVY if name in loaded]
