"""Architecture and hygiene: the core stays free of Qt (import-linter), the code lints clean."""

import ast
import subprocess
import sys
from pathlib import Path

from app.store.writer import _WRITE, GUARDED

ROOT = Path(__file__).resolve().parent.parent


def test_app_never_imports_qt_or_ui() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_code_is_lint_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--quiet", "."], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]


def test_code_type_checks() -> None:
    """app/ strictly (see pyproject.toml); ui/ and tests/ with mypy's defaults."""
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run([str(mypy), "app", "ui", "tests"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:]


# --- one writer ------------------------------------------------------------------------------

WRITER = ROOT / "app" / "store" / "writer.py"
MIGRATIONS = ROOT / "app" / "store" / "migrations"
ORM_WRITES = {"add", "add_all", "merge", "bulk_save_objects", "bulk_insert_mappings",
              "bulk_update_mappings"}


def _sources() -> list[Path]:
    return [p for folder in ("app", "ui") for p in (ROOT / folder).rglob("*.py")
            if p != WRITER and MIGRATIONS not in p.parents]


def _writes_in(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "sqlalchemy"):
            found += [f"imports {a.name}" for a in node.names
                      if a.name in {"insert", "update", "delete", "Session"}]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = _WRITE.match(node.value)
            if match and match.group(1) in GUARDED:
                found.append(f"SQL writes {match.group(1)}")
        elif isinstance(node, ast.Attribute) and node.attr in ORM_WRITES | {"insert", "update"}:
            if isinstance(node.value, ast.Attribute) and node.value.attr in ("c", "__table__"):
                found.append(f".{node.attr} on a table")
            elif node.attr in ORM_WRITES and isinstance(node.value, ast.Name) and \
                    node.value.id in ("s", "session"):
                found.append(f"session.{node.attr}")
    return [f"{path.relative_to(ROOT)}: {what}" for what in found]


def test_only_the_writer_writes_audited_tables() -> None:
    """Statically: no module but app/store/writer.py holds SQL or SQLAlchemy calls that write
    the profile's tables (the engine's guard refuses such writes at run time as well)."""
    offenders = [line for path in _sources() for line in _writes_in(path)]
    assert offenders == []


def test_the_check_would_see_a_write() -> None:
    sample = ROOT / "tests" / "fixtures" / "architecture_sample.py"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text('from sqlalchemy import insert\nSQL = "UPDATE entry SET amount = 0"\n'
                      "def f(s):\n    s.add(object())\n", encoding="utf-8")
    try:
        assert len(_writes_in(sample)) == 3
    finally:
        sample.unlink()
