"""Starting the GUI; the only place the CLI reaches into Qt."""

from __future__ import annotations

import sys
from pathlib import Path


def launch_gui(path: str | None) -> int:
    # Before Qt is imported: QtWebEngine reads these once, when it starts.
    from editor_app.gui.qt_env import prepare_webengine_environment

    changes = prepare_webengine_environment()
    try:
        from editor_app.gui.app import run_app
    except ImportError as exc:
        # A broken Qt install: say so instead of a traceback (the subcommands still work).
        print(f"masthead: error: cannot start the window: {exc}", file=sys.stderr)
        return 2
    # Without a path the window opens the library chosen in the settings (else the sample).
    return run_app(Path(path) if path else None, changes)
