"""The application icon in every size, the bundle spec, and the window's smoke-test start."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "masthead.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
APP_ID = "org.masthead.Masthead"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def test_svg_icon_is_valid(qapp):
    from PySide6.QtSvg import QSvgRenderer

    assert ET.parse(SVG).getroot().tag.endswith("svg")
    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == SVG.read_bytes()


@pytest.mark.parametrize("size", SIZES)
def test_png_sizes_exist(size):
    image = QImage(str(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners are transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_pngs_are_rendered_from_the_current_svg(qapp):
    """After editing the SVG, run `make icons`: the committed PNGs must match it."""
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    try:
        import make_icons
    finally:
        sys.path.pop(0)
    from PySide6.QtSvg import QSvgRenderer

    fresh = make_icons.render(QSvgRenderer(str(SVG)), 64)
    stored = QImage(str(HICOLOR / "64x64" / "apps" / f"{APP_ID}.png")).convertToFormat(
        fresh.format()
    )
    diff = sum(
        abs(fresh.pixelColor(x, y).lightness() - stored.pixelColor(x, y).lightness())
        for x in range(64)
        for y in range(64)
    )
    assert diff / (64 * 64) < 3  # allows anti-aliasing differences between Qt versions


def test_windows_and_macos_icons_exist():
    assert (ROOT / "packaging" / "windows" / "masthead.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ROOT / "packaging" / "macos" / "masthead.icns").read_bytes()[:4] == b"icns"


def test_spec_collects_what_the_program_needs():
    spec = (ROOT / "packaging" / "masthead.spec").read_text(encoding="utf-8")
    ast.parse(spec)  # a Python file PyInstaller will execute
    for needed in (
        '"resources"', '"issues"', 'collect_data_files("qtawesome")', 'copy_metadata(dist)',
        '"Markdown"', 'collect_submodules("editor_app")', 'collect_submodules("markdown.extensions")',
        "masthead_main.py", ".masthead", "*.qm",
    ):  # fmt: skip
        assert needed in spec, needed
    assert (ROOT / "packaging" / "masthead_main.py").is_file()
    assert "pyinstaller" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_window_smoke_start_opens_the_issue_and_quits_cleanly(tmp_path, issue_folder):
    """What `make bundle-check` runs against the bundle, here against the checkout."""
    program = shutil.which("masthead", path=str(Path(sys.executable).parent))
    assert program, "the masthead command is installed in the environment"
    env = {
        **os.environ,
        "MASTHEAD_SMOKE_TEST": "1",
        "MASTHEAD_SMOKE_TIMEOUT_MS": "60000",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
    }
    result = subprocess.run(
        [program, str(issue_folder / "issue.yaml")],  # as a file manager passes it
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert f"smoke-test: ok: {issue_folder.name}, 5 cards" in result.stdout
    assert "menu: &File" in result.stdout
