"""The editor's preferences: loading, saving and pushing them into the window.

Keys, types, defaults and bounds are declared once in ``core/settings_registry.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core import settings_registry as reg
from editor_app.core.images.pipeline import ALLOWED_FORMATS
from editor_app.gui import i18n, theme
from editor_app.gui.app_settings import AppSettings

LIBRARY_KEY = reg.LIBRARY.key
AUTOSAVE_KEY = reg.AUTOSAVE_MS.key
FONT_FAMILY_KEY = reg.FONT_FAMILY.key
FONT_SIZE_KEY = reg.FONT_SIZE.key
IMAGE_WIDTH_KEY = reg.IMAGE_MAX_WIDTH.key
IMAGE_FORMATS_KEY = reg.IMAGE_FORMATS.key
REMOTE_KEY = reg.REMOTE_CONTENT.key

AUTOSAVE_RANGE_MS: tuple[int, int] = reg.AUTOSAVE_MS.bounds  # type: ignore[assignment]
IMAGE_WIDTH_RANGE: tuple[int, int] = reg.IMAGE_MAX_WIDTH.bounds  # type: ignore[assignment]
FONT_SIZE_RANGE: tuple[int, int] = reg.FONT_SIZE.bounds  # type: ignore[assignment]


@dataclass
class Preferences:
    library: str = reg.LIBRARY.default
    autosave_ms: int = reg.AUTOSAVE_MS.default
    font_family: str = reg.FONT_FAMILY.default
    font_size: int = reg.FONT_SIZE.default
    image_max_width: int = reg.IMAGE_MAX_WIDTH.default
    image_formats: list[str] = field(default_factory=lambda: list(reg.IMAGE_FORMATS.default))
    remote_content: bool = reg.REMOTE_CONTENT.default
    language: str = reg.LANGUAGE.default
    theme: str = reg.THEME.default

    @classmethod
    def load(cls, settings: AppSettings) -> Preferences:
        d = cls()
        return cls(
            library=str(settings.value(LIBRARY_KEY, d.library) or ""),
            autosave_ms=_clamp(settings.value(AUTOSAVE_KEY, d.autosave_ms, int), AUTOSAVE_RANGE_MS),
            font_family=str(settings.value(FONT_FAMILY_KEY, d.font_family) or ""),
            font_size=_font_size(settings.value(FONT_SIZE_KEY, d.font_size, int)),
            image_max_width=_clamp(
                settings.value(IMAGE_WIDTH_KEY, d.image_max_width, int), IMAGE_WIDTH_RANGE
            ),
            image_formats=_formats(settings.value(IMAGE_FORMATS_KEY, None)),
            remote_content=bool(settings.value(REMOTE_KEY, d.remote_content, bool)),
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
