"""Packaging files, checked without building anything heavy: the freedesktop validators (installed
by scripts/bootstrap.sh test), the PyInstaller spec, the icon, and what each extra installs.
packaging/build.sh itself runs in CI (.ci/run)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "careledger.desktop"
METAINFO = PACKAGING / "org.careledger.CareLedger.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "careledger.svg"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP)
    return dict(parser["Desktop Entry"])


def test_desktop_file_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_appstream_metainfo_is_valid() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_desktop_file_names_the_installed_command_and_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == "careledger"
    assert entry["Icon"] == ICON.stem  # build.sh installs careledger.svg/png under hicolor
    assert PYPROJECT["project"]["scripts"]["careledger"] == "ui.main:main"


def test_metainfo_launches_the_desktop_file_and_has_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    versions = [r.get("version") for r in root.iter("release")]
    assert versions[0] == __version__
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]


def test_spec_bundles_every_module_and_the_data_app_paths_expects() -> None:
    spec = (PACKAGING / "careledger.spec").read_text()
    ast.parse(spec)  # PyInstaller executes it as Python
    # app.cli loads its command modules by name, Alembic its migrations by path: both are
    # invisible to PyInstaller's import scan, so the spec must name them.
    assert 'collect_submodules("app")' in spec and 'collect_submodules("ui")' in spec
    for folder in re.findall(r'ROOT / "([a-z]+)"(?: / "([a-z]+)")?(?: / "([a-z]+)")?', spec):
        if folder[0] != "build":  # build/ is made by the build itself
            assert (ROOT.joinpath(*[p for p in folder if p])).exists(), folder
    assert '"app/store/migrations"' in spec and '"resources"' in spec
    launcher = (PACKAGING / "launcher.py").read_text()
    assert "from ui.main import main" in launcher


def test_build_script_and_window_check_are_executable() -> None:
    for name in ("build.sh", "window-opens.sh"):
        path = PACKAGING / name
        assert os.access(path, os.X_OK), name
        assert path.read_text().startswith("#!/usr/bin/env bash")
        result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_app_installs_no_test_or_build_tools() -> None:
    runtime = " ".join(PYPROJECT["project"]["dependencies"]).lower()
    for tool in ("pytest", "hypothesis", "keyrings.alt", "pyinstaller", "mypy", "ruff"):
        assert tool not in runtime, tool
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(d.startswith("pyinstaller") for d in extras["package"])
    assert any(d.startswith("keyrings.alt") for d in extras["test"])


def test_system_packages_are_debian_package_names() -> None:
    names = [line for line in (PACKAGING / "system-packages.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    assert "libgl1" in names and "fonts-dejavu-core" in names
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", n) for n in names)


@pytest.mark.parametrize("size", [24, 48, 256])
def test_icon_renders_at_every_size(qapp: object, size: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    page = image.pixelColor(int(size * 0.24), int(size * 0.62))  # below the ledger lines
    corner = image.pixelColor(0, 0)
    heart = image.pixelColor(int(size * 0.72), int(size * 0.72))
    assert corner.alpha() == 0  # rounded corners stay transparent
    assert page.lightness() > 200  # the white page
    assert heart.red() > 180 and heart.green() < 120  # the red heart


def test_the_bundle_keeps_the_help_guide_and_its_pictures() -> None:
    """The spec bundles resources/ whole; its filter (`wanted`) must keep every help page and
    picture, found where app.help looks (resources/help beside the executable)."""
    spec = (PACKAGING / "careledger.spec").read_text()
    tree = ast.parse(spec)
    wanted_def = next(node for node in tree.body
                      if isinstance(node, ast.FunctionDef) and node.name == "wanted")
    names: dict[str, object] = {"Path": Path}
    exec(compile(ast.Module([wanted_def], []), "careledger.spec", "exec"), names)  # noqa: S102
    wanted = names["wanted"]
    assert callable(wanted)
    help_files = [p for p in (ROOT / "resources" / "help").rglob("*") if p.is_file()]
    assert any(p.suffix == ".png" for p in help_files) and any(p.suffix == ".md"
                                                                 for p in help_files)
    for path in help_files:
        assert wanted(str(path.relative_to(ROOT))), path
    from app.help.topics import HELP_DIR
    from app.paths import RESOURCES
    assert HELP_DIR == RESOURCES / "help"
