"""app/cli/__init__.py: the parser's habits. Global options after the command, an example in
every command's --help, and quiet output into a closed pipe (`careledger ... | head -1`)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_global_options_work_after_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run

    monkeypatch.setenv("CARELEDGER_PASSPHRASE", "demo passphrase")
    data = tmp_path / "after"
    assert run(["demo", "Demo After", "--data-dir", str(data), "--lang", "cy"]) == 0
    assert (data / "profiles").is_dir()  # not the real data folder
    capsys.readouterr()
    assert run(["profile", "list", "--data-dir", str(data)]) == 0
    assert "Demo After" in capsys.readouterr().out


def test_option_before_the_command_is_not_undone_by_the_command(tmp_path: Path) -> None:
    from app.cli import build_parser

    args = build_parser().parse_args(["--data-dir", str(tmp_path), "register", "search", "x"])
    assert args.data_dir == tmp_path and args.lang is None


def test_every_command_has_an_example_that_parses() -> None:
    import shlex

    from app.cli import EXAMPLES, build_parser, commands

    parser = build_parser()
    words = [w for w, _command in commands(parser)]
    assert sorted(words) == sorted(EXAMPLES), "add an example to app.cli.EXAMPLES"
    for command_words, command in commands(parser):
        assert EXAMPLES[command_words] in command.format_help()
        argv = shlex.split(EXAMPLES[command_words].split(" > ")[0])  # no shell redirection
        assert argv[0] == "careledger"
        parser.parse_args(argv[1:])  # exits (failing the test) if the example is wrong


def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`careledger ... | head -1`: the reader goes away; no traceback, no error status."""
    import os
    import subprocess
    import sys

    reader, writer = os.pipe()
    os.close(reader)
    script = ("import sys; from ui.main import main; "
              "sys.exit(main(['--data-dir', sys.argv[1], 'profile', 'list']))")
    # Buffered output, as in a login shell: the pipe then breaks when Python flushes at exit.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["CARELEDGER_PASSPHRASE"] = "demo passphrase"
    subprocess.run([sys.executable, "-c", "from app.cli import run; import sys; "
                    "sys.exit(run(['--data-dir', sys.argv[1], 'demo']))", str(tmp_path)],
                   env=env, check=True, capture_output=True)
    for argv in (["-c", script, str(tmp_path)],
                 ["-c", "import sys; from ui.main import main; sys.exit(main(['--help']))"],
                 ["-c", "import sys; from ui.main import main; sys.exit(main(['--version']))"]):
        done = subprocess.run([sys.executable, *argv], stdout=writer, stderr=subprocess.PIPE,
                              text=True, env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    os.close(writer)
