"""Typed access to QSettings: recent issues, the last card edited, window layout, preferences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from editor_app.core import settings_registry as reg

MAX_RECENT = 10


class AppSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qs = settings or QSettings()

    # -- recent issues -----------------------------------------------------------------------
    def recent_issues(self) -> list[Path]:
        raw = self.qs.value(reg.RECENT_ISSUES.key, []) or []
        if isinstance(raw, str):
            raw = [raw]
        return [Path(p) for p in raw if Path(p, "issue.yaml").is_file()]

    def add_recent(self, folder: Path) -> None:
        items = [str(folder.resolve())] + [
            str(p) for p in self.recent_issues() if p.resolve() != folder.resolve()
        ]
        self.qs.setValue(reg.RECENT_ISSUES.key, items[:MAX_RECENT])

    def last_card(self, folder: Path) -> str | None:
        value = self.qs.value(f"{reg.LAST_CARD.key}/{_key(folder)}")
        return str(value) if value else None

    def set_last_card(self, folder: Path, card_id: str) -> None:
        self.qs.setValue(f"{reg.LAST_CARD.key}/{_key(folder)}", card_id)

    # -- layout ------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value(reg.WINDOW_GEOMETRY.key), self.qs.value(reg.WINDOW_STATE.key)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue(reg.WINDOW_GEOMETRY.key, geometry)
        self.qs.setValue(reg.WINDOW_STATE.key, state)

    # -- preferences -------------------------------------------------------------------------
    def value(self, key: str, default: Any, kind: Callable[[Any], Any] | None = None) -> Any:
        value = self.qs.value(key, default)
        if kind is bool and isinstance(value, str):
            return value.lower() in {"1", "true", "yes"}
        if kind is not None and value is not None:
            try:
                return kind(value)
            except (TypeError, ValueError):
                return default
        return value

    def set_value(self, key: str, value: Any) -> None:
        self.qs.setValue(key, value)

    def library(self, fallback: Path) -> Path:
        value = self.qs.value(reg.LIBRARY.key)
        return Path(value) if value else fallback

    def autosave_ms(self) -> int:
        return self.value(reg.AUTOSAVE_MS.key, reg.AUTOSAVE_MS.default, int)


def _key(folder: Path) -> str:
    # QSettings keys must not hold slashes from paths.
    return str(folder.resolve()).replace("/", "|").replace("\\", "|")
