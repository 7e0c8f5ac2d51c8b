"""Starting the GUI; the only place the CLI reaches into Qt."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.library import list_issues
from editor_app.core.resources import default_library


def launch_gui(path: str | None) -> int:
    target = Path(path) if path else default_library()
    try:
        from editor_app.gui.app import run_app
    except ImportError:
        # Before the window exists (or without Qt), show what would open.
        for s in list_issues(target):
            fields = [s.slug, s.number or "-", s.date or "-", s.status, f"{s.cards} cards", s.title]
            print("\t".join(str(f) for f in fields))
        return 0
    # Without a path the window opens the library chosen in the settings (else the sample).
    return run_app(Path(path) if path else None)
