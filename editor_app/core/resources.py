"""Locating the resources/ folder in a checkout, an installed package or a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Resolved once: the preview asks for its templates once per card rendered.
_CHECKOUT = Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    override = os.environ.get("MASTHEAD_RESOURCES")
    if override:
        return Path(override)
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return _CHECKOUT / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_library() -> Path:
    """The sample library of a checkout (issues/ beside the package)."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "issues"
    return Path(__file__).resolve().parents[2] / "issues"
