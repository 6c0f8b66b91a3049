"""Finding 10: about 25 code paths showed a Python traceback instead of a message: a full
disk (even after rows were committed), a read-only data folder, year 0001 dates, deeply
nested JSON, a 1 MB CSV field, crafted or damaged backups, a damaged register.db, corrupt
ORUK zips, an 86-character CJK name, `--within 1e308`. Each is run here through the real
command line: a plain message, a non-zero status, never a traceback, nothing half-done."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError
from app.domain.money import Money
from app.services.context import open_context
from tests.app.safety.conftest import (
    NAME,
    PASS,
    TODAY,
    Cli,
    Disk,
    add_entries,
    count_entries,
    fill,
    make,
    remount_read_only,
)

BANK = Path(__file__).resolve().parents[2] / "fixtures" / "bank"
REGISTER = Path(__file__).resolve().parents[2] / "fixtures" / "register"
APOLOGY = "Something went wrong"


def _plain(status: int, out: str) -> None:
    """A failure said in words that were meant for it (not the apology for the unexpected)."""
    assert status != 0 and out.strip() and APOLOGY not in out, out


# --- full disk ---------------------------------------------------------------------------

def test_full_disk_when_creating_a_profile(small_disk: Disk, cli: Cli) -> None:
    disk = small_disk("2m")
    fill(disk)
    status, out = cli(disk / "data", "profile", "create", NAME, CARELEDGER_PASSPHRASE=PASS)
    _plain(status, out)
    assert "disk is full" in out or "could not be read or written" in out
    (disk / "filler").unlink()
    assert cli(disk / "data", "profile", "list")[1].startswith("No profiles")


def test_full_disk_after_the_rows_were_committed(small_disk: Disk) -> None:
    """The commit went through; only the backup at close has no room. Said, nothing lost."""
    disk = small_disk("4m")
    data = disk / "data"
    make(data)
    add_entries(data, 2)
    ctx = open_context(data, NAME, PASS)
    ctx.ledger.add_entry(_draft(), _today())
    fill(disk)
    with pytest.raises(DomainError, match="changes are saved") as raised:
        ctx.close()
    assert "disk is full" in str(raised.value)
    (disk / "filler").unlink()
    assert count_entries(data) == 3


@pytest.mark.parametrize("leave_kb", [0, 8, 24, 48, 64, 96, 160, 320])
def test_full_disk_during_a_bank_import_never_half_imports(small_disk: Disk, cli: Cli,
                                                            leave_kb: int) -> None:
    disk = small_disk("4m")
    data = disk / "data"
    make(data)
    add_entries(data, 2)
    free = shutil.disk_usage(disk).free
    (disk / "filler").write_bytes(b"\0" * max(free - leave_kb * 1024, 0))
    status, out = cli(data, "import", "bank", str(BANK / "lloyds.csv"), "--profile", NAME,
                      CARELEDGER_PASSPHRASE=PASS)
    (disk / "filler").unlink()
    if status:
        _plain(status, out)
    assert count_entries(data) in (2, 14)  # all of the file or none of it
    assert (count_entries(data) == 14) == (status == 0 or "changes are saved" in out)


# --- read-only data folder ---------------------------------------------------------------

@pytest.fixture
def read_only_data(small_disk: Disk) -> Path:
    disk = small_disk("8m")
    data = disk / "data"
    make(data)
    add_entries(data, 2)
    remount_read_only(disk)
    return data


@pytest.mark.parametrize("argv", [
    ("entries", "list", "--profile", NAME),
    ("profile", "create", "Someone Else"),
    ("import", "bank", str(BANK / "lloyds.csv"), "--profile", NAME),
    ("register", "import", str(REGISTER / "cqc_hsca_extract.csv")),
    ("backup", "list", NAME),
    ("history", NAME, "--verify"),
    ("people", NAME, "--add", "Sam"),
])
def test_read_only_data_folder(read_only_data: Path, cli: Cli, argv: tuple[str, ...]) -> None:
    status, out = cli(read_only_data, *argv, CARELEDGER_PASSPHRASE=PASS)
    if status:
        _plain(status, out)


def test_backup_to_a_read_only_folder(data_dir: Path, small_disk: Disk, cli: Cli) -> None:
    make(data_dir)
    usb = small_disk("1m")
    remount_read_only(usb)
    status, out = cli(data_dir, "backup", NAME, "--out", str(usb / "b.careledger"),
                      CARELEDGER_PASSPHRASE=PASS)
    _plain(status, out)
    assert "read-only" in out or "not allowed" in out



@pytest.mark.parametrize("argv", [
    ("statement", "--profile", NAME, "--from", "2025-04-01", "--to", "2025-06-30", "--out"),
    ("export", "open-data", "--profile", NAME, "--from", "2025-04-01", "--to", "2025-06-30",
     "--yes", "--out"),
])
def test_a_return_or_export_to_a_read_only_folder_names_that_folder(
        data_dir: Path, small_disk: Disk, cli: Cli, argv: tuple[str, ...]) -> None:
    """Not "the folder CareLedger keeps its files in": that one is fine; the person chose
    where the file should go."""
    make(data_dir)
    usb = small_disk("1m")
    remount_read_only(usb)
    target = usb / ("return.pdf" if argv[0] == "statement" else "open-data")
    status, out = cli(data_dir, *argv, str(target), CARELEDGER_PASSPHRASE=PASS)
    _plain(status, out)
    assert f"The folder {usb} cannot be written to (it is read-only)" in out


# --- bad values --------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ("statement", "--profile", NAME, "--from", "0001-01-01", "--to", "0001-12-31",
     "--out", "x.pdf"),
    ("statement", "--profile", NAME, "--from", "9999-12-01", "--to", "9999-12-31",
     "--out", "x.pdf"),
    ("services", "add", "--profile", NAME, "--date", "0001-01-01", "--provider", "A",
     "--planned", "2", "--rate", "10"),
    ("register", "search", "care", "--near", "OL1", "--within", "1e308"),
    ("register", "search", "care", "--near", "OL1", "--within", "nan"),
    ("register", "search", "care", "--near", "OL1", "--within", "-5"),
    ("register", "search", "care", "--limit", "100000000000"),
    ("profile", "create", "田中" * 43),
    ("restore", "/"),
    ("restore", "/no/such/file.careledger"),
])
def test_bad_values_on_the_command_line(data_dir: Path, tmp_path: Path, cli: Cli,
                                        argv: tuple[str, ...],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    make(data_dir)
    monkeypatch.chdir(tmp_path)
    _plain(*cli(data_dir, *argv, CARELEDGER_PASSPHRASE=PASS))


def test_year_0001_in_a_bank_file_is_a_rejected_row(data_dir: Path, tmp_path: Path,
                                                     cli: Cli) -> None:
    make(data_dir)
    lines = (BANK / "lloyds.csv").read_text().splitlines()
    lines[1] = lines[1].replace("15/01/2024", "15/01/0001")
    path = tmp_path / "lloyds_0001.csv"
    path.write_text("\n".join(lines) + "\n")
    status, out = cli(data_dir, "import", "bank", str(path), "--profile", NAME,
                      CARELEDGER_PASSPHRASE=PASS)
    assert status == 0 and "Line 2" in out and "1 rejected" in out


# --- files that are not what they say ------------------------------------------------------

def _deep_json(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def _big_field_csv(header: str) -> str:
    return header + "\n" + '"' + "x" * (1024 * 1024) + '"' + "," * header.count(",") + "\n"


@pytest.mark.parametrize("kind", ["deep json", "1 MB field", "1 MB field hsca",
                                  "corrupt oruk zip", "truncated oruk zip", "oruk zip bomb",
                                  "oruk 1 MB field", "deep json object"])
def test_bad_register_files(data_dir: Path, tmp_path: Path, cli: Cli, kind: str) -> None:
    path = _bad_register_file(tmp_path, kind)
    status, out = cli(data_dir, "register", "import", str(path))
    _plain(status, out)


def _bad_register_file(tmp_path: Path, kind: str) -> Path:
    hsca_header = (REGISTER / "cqc_hsca_extract.csv").read_text().splitlines()[0]
    if kind == "deep json":
        return _write(tmp_path / "deep.json", _deep_json())
    if kind == "deep json object":
        return _write(tmp_path / "deep.json", '{"a":' * 50_000 + "1" + "}" * 50_000)
    if kind == "1 MB field":
        return _write(tmp_path / "big.csv", _big_field_csv("a,b,c"))
    if kind == "1 MB field hsca":
        return _write(tmp_path / "big.csv", _big_field_csv(hsca_header))
    package = REGISTER / "oruk_v3_csv"
    zipped = tmp_path / "oruk.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted(package.iterdir()):
            if kind == "oruk zip bomb" and member.name == "organizations.csv":
                continue
            data = member.read_bytes()
            if kind == "oruk 1 MB field" and member.name == "services.csv":
                data = _big_field_csv(data.decode().splitlines()[0]).encode()
            archive.writestr(member.name, data)
        if kind == "oruk zip bomb":
            archive.writestr("organizations.csv", b"id,name\n" + b"0" * (100 * 1024 * 1024))
    raw = bytearray(zipped.read_bytes())
    if kind == "corrupt oruk zip":
        start = raw.find(b"services.csv") + 40
        raw[start:start + 50] = bytes(50)  # the compressed bytes of services.csv
    if kind == "truncated oruk zip":
        raw = raw[: len(raw) // 2]
    zipped.write_bytes(bytes(raw))
    return zipped


def test_deep_json_services_file_for_a_statement(data_dir: Path, tmp_path: Path, cli: Cli) -> None:
    make(data_dir)
    services = _write(tmp_path / "services.json", _deep_json())
    _plain(*cli(data_dir, "statement", "--profile", NAME, "--from", "2025-04-01", "--to",
                "2025-06-30", "--services", str(services), "--out", str(tmp_path / "r.pdf"),
                CARELEDGER_PASSPHRASE=PASS))


@pytest.mark.parametrize("content", [_deep_json(), '{"computer": ' * 50_000, "\0" * 100])
def test_damaged_settings_file_gives_defaults(data_dir: Path, cli: Cli, content: str) -> None:
    make(data_dir)
    (data_dir / "settings.json").write_text(content)
    assert cli(data_dir, "entries", "list", "--profile", NAME, CARELEDGER_PASSPHRASE=PASS)[0] == 0


def test_a_huge_bank_field_is_refused_plainly(data_dir: Path, tmp_path: Path, cli: Cli) -> None:
    make(data_dir)
    header = (BANK / "lloyds.csv").read_text().splitlines()[0]
    path = _write(tmp_path / "big.csv", _big_field_csv(header))
    _plain(*cli(data_dir, "import", "bank", str(path), "--profile", NAME,
                CARELEDGER_PASSPHRASE=PASS))
    assert count_entries(data_dir) == 0


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def _draft() -> EntryDraft:
    return EntryDraft(date(2025, 5, 2), Money(-500), "Chemist", "pa_wages", "")


def _today() -> date:
    return TODAY


# --- the unexpected ------------------------------------------------------------------------

def test_the_unexpected_is_an_apology_and_a_log_without_personal_data(
        data_dir: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug nobody foresaw: a short apology on screen, and a log of where, never of what."""
    make(data_dir)

    def broken(*_args: object) -> None:
        raise RuntimeError("Dilys Example paid £312.45 to Sunrise Care")

    monkeypatch.setattr("app.services.ledger.LedgerService.page", broken)
    status, out = cli(data_dir, "entries", "list", "--profile", NAME, CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and APOLOGY in out and "careledger.log" in out
    assert "Dilys" not in out and "312" not in out
    log = (data_dir / "logs" / "careledger.log").read_text()
    assert "RuntimeError" in log and "entries.py" in log
    assert "Dilys" not in log and "312" not in log and "Sunrise" not in log
