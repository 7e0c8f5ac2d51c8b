"""Every application setting declared once: its key, type, default and English label.

The GUI keeps the values in QSettings (``gui/app_settings.py``, ``gui/preferences.py``) and
offers the user-facing ones in the Preferences dialog; code without Qt (the document's
autosave default, the image import policy) reads the defaults from here. No Qt in this module.
The dialog's own labels stay literal ``tr()`` strings so the translation tools find them;
``label`` here is the English name used in documentation and error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from editor_app.core.images.pipeline import ALLOWED_FORMATS, DEFAULT_MAX_WIDTH

__all__ = ["SETTINGS", "Setting", "user_facing"]


@dataclass(frozen=True)
class Setting:
    key: str  # the QSettings key; stable, other parts of the app and the tests read it
    kind: type
    default: Any
    label: str
    bounds: tuple[int, int] | None = None  # inclusive, for numbers
    choices: tuple[str, ...] = ()  # the values accepted, for a closed list
    user_facing: bool = True  # offered in the Preferences dialog


LIBRARY = Setting("library/folder", str, "", "Library folder")  # "" = the sample library
LANGUAGE = Setting("ui/language", str, "", "Language", choices=("", "en", "zh_CN"))  # "" = system
THEME = Setting("ui/theme", str, "system", "Theme", choices=("system", "light", "dark"))
FONT_FAMILY = Setting("editor/fontFamily", str, "", "Editor font family")  # "" = built-in list
FONT_SIZE = Setting("editor/fontSize", int, 0, "Editor font size", bounds=(6, 48))  # 0 = default
AUTOSAVE_MS = Setting("editor/autosaveMs", int, 1000, "Autosave after", bounds=(200, 60_000))
IMAGE_MAX_WIDTH = Setting(
    "images/maxWidth", int, DEFAULT_MAX_WIDTH, "Maximum image width", bounds=(200, 8000)
)
IMAGE_FORMATS = Setting(
    "images/formats",
    list,
    tuple(ALLOWED_FORMATS),
    "Accepted image formats",
    choices=ALLOWED_FORMATS,
)
REMOTE_CONTENT = Setting("preview/remoteContent", bool, False, "Load remote content in preview")
# Kept by the window for itself, never shown as preferences.
RECENT_ISSUES = Setting("recent/issues", list, (), "Recent issues", user_facing=False)
WINDOW_GEOMETRY = Setting("window/geometry", bytes, None, "Window geometry", user_facing=False)
WINDOW_STATE = Setting("window/state", bytes, None, "Window layout", user_facing=False)
LAST_CARD = Setting("lastCard", str, "", "Last card edited, per issue", user_facing=False)

SETTINGS: dict[str, Setting] = {}
for _setting in (
    LIBRARY, LANGUAGE, THEME, FONT_FAMILY, FONT_SIZE, AUTOSAVE_MS, IMAGE_MAX_WIDTH,
    IMAGE_FORMATS, REMOTE_CONTENT, RECENT_ISSUES, WINDOW_GEOMETRY, WINDOW_STATE, LAST_CARD,
):  # fmt: skip
    if _setting.key in SETTINGS:
        raise ValueError(f"setting {_setting.key!r} is declared twice")
    SETTINGS[_setting.key] = _setting


def user_facing() -> list[Setting]:
    """The settings the Preferences dialog offers, in declaration order."""
    return [s for s in SETTINGS.values() if s.user_facing]
