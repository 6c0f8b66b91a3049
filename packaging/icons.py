"""Render resources/icons/careledger.svg to the PNG sizes (and .ico) every package needs.

    python packaging/icons.py OUT_DIR [--ico]

Uses Qt's own SVG renderer (PySide6 is already installed for the app): no other tool.
Writes OUT_DIR/NxN/careledger.png for each size, and OUT_DIR/careledger.ico with --ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "careledger.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, svg: Path = SVG) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    _app = QGuiApplication.instance() or QGuiApplication([])
    for size in SIZES:
        folder = out / f"{size}x{size}"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(folder / "careledger.png")):
            raise SystemExit(f"could not write {folder / 'careledger.png'}")
    if "--ico" in argv and not render(256).save(str(out / "careledger.ico"), "ICO"):
        raise SystemExit("could not write careledger.ico (Qt's ICO plugin is missing)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
