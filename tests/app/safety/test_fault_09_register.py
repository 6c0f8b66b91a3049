"""Finding 9: a truncated HSCA file removed thousands of providers, and one record dated
9999-12-31 made every later download look older, so no correction was ever taken."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.services.register import RegisterService
from tests.app.safety.conftest import Cli

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HSCA = FIXTURES / "cqc_hsca_extract.csv"  # real: 40 care homes (see the README there)


@pytest.fixture
def register(data_dir: Path) -> Iterator[RegisterService]:
    data_dir.mkdir(parents=True)
    service = RegisterService(data_dir)
    service.import_file(HSCA)
    yield service
    service.close()


def _rows(register: RegisterService) -> list[tuple[object, ...]]:
    return register.conn.execute("SELECT * FROM provider ORDER BY id").fetchall()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.9, 0.99])
def test_a_file_cut_mid_record_imports_nothing(register: RegisterService, tmp_path: Path,
                                               cut: float, cli: Cli) -> None:
    data = HSCA.read_bytes()
    end = int(len(data) * cut)
    while data[end - 1:end] in (b"\n", b"\r"):  # a cut inside a record, not at a line end
        end -= 1
    path = _write(tmp_path / "HSCA_cut.csv", data[:end])
    before = _rows(register)
    with pytest.raises(DomainError, match="cut short"):
        register.import_file(path)
    assert _rows(register) == before
    status, out = cli(register.path.parent, "register", "import", str(path))
    assert status != 0 and "cut short" in out
    assert _rows(register) == before


def test_a_file_missing_many_of_an_areas_providers_is_asked_about(
        register: RegisterService, tmp_path: Path, cli: Cli) -> None:
    lines = HSCA.read_bytes().splitlines(keepends=True)
    path = _write(tmp_path / "HSCA_half.csv", b"".join(lines[:21]))  # cut at a line end
    before = _rows(register)
    status, out = cli(register.path.parent, "register", "import", str(path))
    assert status != 0 and "--allow-removals" in out and "20 of the 40" in out
    assert _rows(register) == before
    status, out = cli(register.path.parent, "register", "import", str(path), "--allow-removals")
    assert status == 0 and "removed 20" in out


def test_a_date_in_year_9999_is_rejected_and_never_blocks_corrections(
        register: RegisterService, tmp_path: Path) -> None:
    lines = HSCA.read_text(encoding="utf-8-sig").splitlines()
    header, first, rest = lines[0], lines[1].split(","), lines[2:]
    first[1] = "9999-12-31"  # the "Location HSCA start date" column
    path = tmp_path / "HSCA_9999.csv"
    path.write_text("\n".join([header, ",".join(first), *rest]) + "\n")
    report = register.import_file(path)
    assert [r.line for r in report.rejected] == [2]
    assert "9999-12-31" in report.rejected[0].reason
    fixed = lines[5].split(",")
    fixed[-1] = str(int(fixed[-1]) + 1)  # a correction, one more bed, in a later file
    later = tmp_path / "HSCA_later.csv"
    later.write_text("\n".join([lines[0], *lines[1:5], ",".join(fixed), *lines[6:]]) + "\n")
    report = register.import_file(later)
    assert report.changed == 1 and report.kept_newer == 0
    assert register.provider("cqc", fixed[0]).beds == int(fixed[-1])


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "31/12/9999", "3000-01-01"])
def test_impossible_dates_are_rejected_row_by_row(register: RegisterService, tmp_path: Path,
                                                  value: str) -> None:
    lines = HSCA.read_text(encoding="utf-8-sig").splitlines()
    first = lines[1].split(",")
    first[1] = value
    path = tmp_path / "HSCA_dates.csv"
    path.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n")
    report = register.import_file(path)
    assert [r.line for r in report.rejected] == [2] and report.removed == 0


def test_a_register_already_poisoned_by_a_9999_run_takes_corrections(
        register: RegisterService, tmp_path: Path) -> None:
    """Made by the old version: its import_run says 9999-12-31."""
    register.conn.execute("UPDATE import_run SET data_date = '9999-12-31'")
    lines = HSCA.read_text(encoding="utf-8-sig").splitlines()
    fixed = lines[5].split(",")
    fixed[-1] = str(int(fixed[-1]) + 2)
    later = tmp_path / "HSCA_later.csv"
    later.write_text("\n".join([lines[0], *lines[1:5], ",".join(fixed), *lines[6:]]) + "\n")
    assert register.import_file(later).changed == 1


def test_a_damaged_register_is_set_aside_and_said(data_dir: Path, cli: Cli) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "register.db").write_bytes(b"SQLite format 3\0" + b"\xff" * 8000)
    status, out = cli(data_dir, "register", "search", "care")
    assert status == 0 and "damaged" in out
    assert list(data_dir.glob("register.damaged-*.db"))
    status, out = cli(data_dir, "register", "import", str(HSCA))
    assert status == 0 and "Added 40" in out
    assert sqlite3.connect(data_dir / "register.db").execute(
        "SELECT count(*) FROM provider").fetchone()[0] == 40
