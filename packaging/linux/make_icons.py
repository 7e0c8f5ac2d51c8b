"""Render resources/icons/masthead.svg to the PNG sizes desktops ask for (`make icons`).

Writes packaging/linux/icons/hicolor/<n>x<n>/apps/org.masthead.Masthead.png and, for the
Windows and macOS builds, packaging/windows/masthead.ico and packaging/macos/masthead.icns.
The outputs are committed, so a build needs neither this script nor an SVG renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "masthead.svg"
APP_ID = "org.masthead.Masthead"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_path(size: int) -> Path:
    return (
        ROOT
        / "packaging"
        / "linux"
        / "icons"
        / "hicolor"
        / f"{size}x{size}"
        / "apps"
        / f"{APP_ID}.png"
    )


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}")
        return 1
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"cannot write {target}")
            return 1
        print(f"wrote {target.relative_to(ROOT)}")
    scalable = (
        ROOT / "packaging" / "linux" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    )
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    print(f"wrote {scalable.relative_to(ROOT)}")

    from PIL import Image

    big = Image.open(png_path(256)).convert("RGBA")
    ico = ROOT / "packaging" / "windows" / "masthead.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    big.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(f"wrote {ico.relative_to(ROOT)}")
    icns = ROOT / "packaging" / "macos" / "masthead.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    Image.open(png_path(512)).convert("RGBA").save(icns)
    print(f"wrote {icns.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
