"""Screenshots of the window for the docs (docs/screenshots/), in a language and a theme.

    DISPLAY=:99 python packaging/screenshots.py OUT.png --language en --theme light [--issue SLUG]
        [--panel preview|export|links|images|inbox] [--only-panel]

``--panel`` raises that dock before the shot; ``--only-panel`` grabs the dock alone.

Needs a real X display (Xvfb is fine: the preview is composited by the X server, which the
offscreen platform cannot show). Works on a copy of the sample library in a temporary folder,
with its own settings, so neither the sample nor the user's settings change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--language", default="en", choices=["en", "zh_CN"])
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--issue", default="2026-10-cloud-native-monthly")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument(
        "--panel", default="preview", choices=["preview", "export", "links", "images", "inbox"]
    )
    parser.add_argument("--only-panel", action="store_true", help="grab the dock alone")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="masthead-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    library = work / "issues"
    shutil.copytree(ROOT / "issues", library, ignore=shutil.ignore_patterns(".masthead"))

    from PySide6.QtCore import QCoreApplication, QTimer

    from editor_app.gui.app import create_application
    from editor_app.gui.app_settings import AppSettings

    # Settings first: create_application reads the language and theme.
    QCoreApplication.setOrganizationName("Masthead")
    QCoreApplication.setApplicationName("Masthead")
    seed = AppSettings()
    seed.set_value("ui/language", args.language)
    seed.set_value("ui/theme", args.theme)
    seed.qs.sync()

    app = create_application([sys.argv[0]])
    from editor_app.gui.main_window import MainWindow

    width, height = (int(n) for n in args.size.split("x"))
    window = MainWindow(library, AppSettings())
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.open_issue(library / args.issue)
    ws = window.workspace
    if ws is None:
        print("the issue did not open")
        return 1

    docks = {
        "preview": window.preview_dock,
        "export": window.panels.export_dock,
        "links": window.panels.links_dock,
        "images": window.panels.images_dock,
        "inbox": window.panels.inbox_dock,
    }
    dock = docks[args.panel]
    dock.show()
    dock.raise_()
    if args.panel == "inbox":
        # An item picked, so its details (title, note, tags) show under the table.
        QTimer.singleShot(800, lambda: window.panels.inbox.view.selectRow(0))

    def shoot() -> None:
        screen = window.screen()
        pixmap = screen.grabWindow(window.winId())
        if args.only_panel:
            # Cut from the window's picture: the preview's page is composited by the X
            # server and a widget grab of the dock would show it blank.
            pixmap = pixmap.copy(dock.geometry())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        ok = pixmap.save(str(args.out))
        print(
            f"{'wrote' if ok else 'could not write'} {args.out} ({pixmap.width()}x{pixmap.height()})"
        )
        window.close()
        app.exit(0 if ok else 1)

    def loaded() -> None:
        QTimer.singleShot(1500, shoot)  # let the page paint and the docks settle

    ws.preview.pageLoaded.connect(loaded)
    if ws.preview.page_loads:
        loaded()
    QTimer.singleShot(60_000, lambda: app.exit(1))
    code = app.exec()
    shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
