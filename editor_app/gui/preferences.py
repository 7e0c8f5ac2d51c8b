"""The editor's preferences: QSettings keys, defaults, and pushing them into the window.

Keys (stable: other parts of the app and the tests read them):

    library/folder         the library the window opens without a path ("" = sample library)
    editor/autosaveMs      delay between the last edit and the automatic save
    editor/fontFamily      body editor font ("" = the built-in Latin + CJK font list)
    editor/fontSize        body editor point size (0 = default)
    images/maxWidth        imported images are scaled down to this width (pixels)
    images/formats         image formats accepted on import (subset of PNG, JPEG, WEBP, GIF)
    preview/remoteContent  the preview loads images and fonts from the network
    ui/language            "" (system), "en" or "zh_CN"
    ui/theme               "system", "light" or "dark"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core.images.pipeline import ALLOWED_FORMATS, DEFAULT_MAX_WIDTH
from editor_app.gui import i18n, theme
from editor_app.gui.app_settings import AppSettings

LIBRARY_KEY = "library/folder"
AUTOSAVE_KEY = "editor/autosaveMs"
FONT_FAMILY_KEY = "editor/fontFamily"
FONT_SIZE_KEY = "editor/fontSize"
IMAGE_WIDTH_KEY = "images/maxWidth"
IMAGE_FORMATS_KEY = "images/formats"
REMOTE_KEY = "preview/remoteContent"

DEFAULT_AUTOSAVE_MS = 1000
AUTOSAVE_RANGE_MS = (200, 60_000)
IMAGE_WIDTH_RANGE = (200, 8000)
FONT_SIZE_RANGE = (6, 48)


@dataclass
class Preferences:
    library: str = ""
    autosave_ms: int = DEFAULT_AUTOSAVE_MS
    font_family: str = ""
    font_size: int = 0
    image_max_width: int = DEFAULT_MAX_WIDTH
    image_formats: list[str] = field(default_factory=lambda: list(ALLOWED_FORMATS))
    remote_content: bool = False
    language: str = i18n.SYSTEM
    theme: str = theme.SYSTEM

    @classmethod
    def load(cls, settings: AppSettings) -> Preferences:
        d = cls()
        return cls(
            library=str(settings.value(LIBRARY_KEY, "") or ""),
            autosave_ms=_clamp(settings.value(AUTOSAVE_KEY, d.autosave_ms, int), AUTOSAVE_RANGE_MS),
            font_family=str(settings.value(FONT_FAMILY_KEY, "") or ""),
            font_size=_font_size(settings.value(FONT_SIZE_KEY, 0, int)),
            image_max_width=_clamp(
                settings.value(IMAGE_WIDTH_KEY, d.image_max_width, int), IMAGE_WIDTH_RANGE
            ),
            image_formats=_formats(settings.value(IMAGE_FORMATS_KEY, None)),
            remote_content=bool(settings.value(REMOTE_KEY, False, bool)),
            language=i18n.language_setting(settings),
            theme=theme.theme_setting(settings),
        )

    def save(self, settings: AppSettings) -> None:
        settings.set_value(LIBRARY_KEY, self.library)
        settings.set_value(AUTOSAVE_KEY, int(self.autosave_ms))
        settings.set_value(FONT_FAMILY_KEY, self.font_family)
        settings.set_value(FONT_SIZE_KEY, int(self.font_size))
        settings.set_value(IMAGE_WIDTH_KEY, int(self.image_max_width))
        settings.set_value(IMAGE_FORMATS_KEY, list(self.image_formats))
        settings.set_value(REMOTE_KEY, bool(self.remote_content))
        settings.set_value(i18n.LANGUAGE_KEY, self.language)
        settings.set_value(theme.THEME_KEY, self.theme)
        settings.qs.sync()

    def library_path(self, fallback: Path) -> Path:
        return Path(self.library) if self.library else fallback


def image_policy(settings: AppSettings) -> tuple[int, list[str]]:
    """(maximum width, accepted formats) for the image import pipeline."""
    prefs = Preferences.load(settings)
    return prefs.image_max_width, prefs.image_formats


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], int(value)))


def _font_size(value: int) -> int:
    return 0 if value <= 0 else _clamp(value, FONT_SIZE_RANGE)


def _formats(raw: object) -> list[str]:
    if raw is None:
        return list(ALLOWED_FORMATS)
    items = [raw] if isinstance(raw, str) else list(raw or [])  # type: ignore[arg-type]
    chosen = {str(x).upper() for x in items if str(x)}
    # Keep the pipeline's order; an empty or unknown list would refuse every image.
    formats = [f for f in ALLOWED_FORMATS if f in chosen]
    return formats or list(ALLOWED_FORMATS)
