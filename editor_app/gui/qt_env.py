"""The environment QtWebEngine needs, set before Qt starts (no Qt import here).

Chromium refuses to run its sandbox as root and aborts the process the first time a web view
is created, leaving one line on stderr; so as root the sandbox is switched off, and the window
says so. Without a GPU (the offscreen and minimal platforms, or a Linux machine without a
/dev/dri render device) Chromium's GPU process only fails and retries, so it is switched off.
Settings the user made in the environment are kept.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

SANDBOX_VAR = "QTWEBENGINE_DISABLE_SANDBOX"
FLAGS_VAR = "QTWEBENGINE_CHROMIUM_FLAGS"
NO_GPU_FLAG = "--disable-gpu"
HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc"}


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _has_gpu(env: MutableMapping[str, str], dri: Path) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in HEADLESS_PLATFORMS:
        return False
    if sys.platform.startswith("linux"):
        return dri.is_dir() and any(dri.glob("renderD*"))
    return True  # Windows and macOS always have a GL implementation Chromium can use


def prepare_webengine_environment(
    env: MutableMapping[str, str] | None = None,
    *,
    root: bool | None = None,
    dri: Path = Path("/dev/dri"),
) -> list[str]:
    """Adjust ``env`` (default: os.environ) before QApplication; return what was changed:
    "sandbox" when the sandbox was switched off for root, "gpu" when the GPU was."""
    env = os.environ if env is None else env
    changed = []
    if (_is_root() if root is None else root) and SANDBOX_VAR not in env:
        env[SANDBOX_VAR] = "1"
        changed.append("sandbox")
    flags = env.get(FLAGS_VAR, "")
    if NO_GPU_FLAG not in flags.split() and not _has_gpu(env, dri):
        env[FLAGS_VAR] = f"{flags} {NO_GPU_FLAG}".strip()
        changed.append("gpu")
    return changed
