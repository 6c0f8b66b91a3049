"""Packaging files pass the freedesktop validators (installed by scripts/bootstrap.sh)."""

import subprocess
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def test_desktop_file_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(PACKAGING / "careledger.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_appstream_metainfo_is_valid() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net",
         str(PACKAGING / "org.careledger.CareLedger.metainfo.xml")],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
