"""Finding 4: profile names differing only by case (or by - and _) collided: the second person
got the first person's folder. Names also had no bound (an 86-character CJK name was a
traceback: its folder name was longer than the file system allows) and could hold control
and direction characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.services.profiles import list_profiles
from tests.app.safety.conftest import PASS, Cli, add_entries, count_entries, make


@pytest.mark.parametrize("second", ["ann example", "ANN EXAMPLE", "Ann-Example", "Ann_Example",
                                    "  Ann   Example ", "Ann Example.", "ａｎｎ ｅｘａｍｐｌｅ"])
def test_a_name_differing_by_case_or_punctuation_is_refused(data_dir: Path,
                                                            second: str) -> None:
    make(data_dir, "Ann Example")
    add_entries(data_dir, 2, name="Ann Example")
    with pytest.raises(ValidationError, match="already a profile"):
        make(data_dir, second, "another passphrase")
    assert [p.display_name for p in list_profiles(data_dir)] == ["Ann Example"]
    assert count_entries(data_dir, "Ann Example") == 2


def test_different_people_stay_apart(data_dir: Path) -> None:
    make(data_dir, "Ann Example")
    make(data_dir, "Anne Xample")
    make(data_dir, "Zoë Jones")
    make(data_dir, "Zoe Jones")
    add_entries(data_dir, 1, name="Zoe Jones")
    assert count_entries(data_dir, "Zoë Jones") == 0
    assert count_entries(data_dir, "Zoe Jones") == 1
    assert len({p.folder for p in list_profiles(data_dir)}) == 4


@pytest.mark.parametrize("name", ["田中" * 40, "Ŵ" * 80, "a" * 80, "👩‍🦽 Ann"])
def test_long_and_wide_names_fit_any_file_system(data_dir: Path, name: str, cli: Cli) -> None:
    status, out = cli(data_dir, "profile", "create", name, CARELEDGER_PASSPHRASE=PASS)
    assert status == 0, out
    info = list_profiles(data_dir)[0]
    assert info.display_name == name
    assert len(info.folder.name.encode()) <= 120
    assert cli(data_dir, "entries", "list", "--profile", name, CARELEDGER_PASSPHRASE=PASS)[0] == 0


@pytest.mark.parametrize("name", ["Ann\u202eelpmaxE", "Ann\x00Example", "Ann\nExample",
                                  "Ann\u200bExample", "a" * 81, "田中" * 43, "!?!", ""])
def test_control_direction_and_overlong_names_are_refused(data_dir: Path, name: str,
                                                          cli: Cli) -> None:
    status, out = cli(data_dir, "profile", "create", name, CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and out.strip()
    assert list_profiles(data_dir) == []


def test_a_backup_whose_name_is_crafted_must_be_renamed(data_dir: Path, tmp_path: Path,
                                                        cli: Cli) -> None:
    import json
    import zipfile

    make(data_dir, "Ann Example")
    out = tmp_path / "a.careledger"
    assert cli(data_dir, "backup", "Ann Example", "--out", str(out),
               CARELEDGER_PASSPHRASE=PASS)[0] == 0
    crafted = tmp_path / "crafted.careledger"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(crafted, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "profile.json":
                meta = json.loads(data)
                meta["display_name"] = "Ann\u202e Example"
                data = json.dumps(meta).encode()
            dst.writestr(item, data)
    home = tmp_path / "home"
    status, text = cli(home, "restore", str(crafted), CARELEDGER_PASSPHRASE=PASS)
    assert status == 1 and "--as" in text
    status, text = cli(home, "restore", str(crafted), "--as", "Ann", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0, text
