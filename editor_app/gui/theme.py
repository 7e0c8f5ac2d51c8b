"""Light and dark themes on Qt's Fusion style, or the system's choice between them.

Fusion looks the same on every platform and takes any palette, so one dark palette serves
Linux, Windows and macOS. "Follow the system" reads the desktop's colour scheme and follows
it when it changes while Masthead runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.gui.app_settings import AppSettings

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QStyleFactory

from editor_app.core import settings_registry

THEME_KEY = settings_registry.THEME.key
SYSTEM = "system"
LIGHT = "light"
DARK = "dark"
THEMES = (SYSTEM, LIGHT, DARK)
_PROPERTY = "mastheadTheme"  # the chosen mode, kept on the application object
ICON_PROPERTY = "qtaIcon"  # a qtawesome icon name, so the icon can be redrawn in new colours

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def theme_setting(settings: AppSettings) -> str:
    value = str(settings.value(THEME_KEY, SYSTEM) or SYSTEM)
    return value if value in THEMES else SYSTEM


def system_scheme() -> str:
    """LIGHT or DARK, as the desktop reports it (LIGHT when it does not say)."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def resolve_theme(mode: str) -> str:
    return mode if mode in (LIGHT, DARK) else system_scheme()


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return QPalette(style.standardPalette())


def dark_palette() -> QPalette:
    p = QPalette()
    colors = {
        Role.Window: "#2b2d31",
        Role.WindowText: "#e6e6e6",
        Role.Base: "#1e1f22",
        Role.AlternateBase: "#26282c",
        Role.ToolTipBase: "#3a3d42",
        Role.ToolTipText: "#f0f0f0",
        Role.PlaceholderText: "#8a8f98",
        Role.Text: "#e6e6e6",
        Role.Button: "#34373c",
        Role.ButtonText: "#e6e6e6",
        Role.BrightText: "#ff6b6b",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3d4045",
        Role.Mid: "#2f3236",
        Role.Dark: "#191a1c",
        Role.Shadow: "#000000",
        Role.Highlight: "#3d7bd9",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#7cb7ff",
        Role.LinkVisited: "#c59cff",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    disabled = {
        Role.WindowText: "#7b7f87",
        Role.Text: "#6f737a",
        Role.ButtonText: "#7b7f87",
        Role.Highlight: "#4a4d52",
        Role.HighlightedText: "#9a9ea5",
        Role.Base: "#232427",
    }
    for role, color in disabled.items():
        p.setColor(Group.Disabled, role, QColor(color))
    return p


def apply_theme(app: QApplication, mode: str) -> str:
    """Apply ``mode`` (system, light or dark) to the whole application; return LIGHT or DARK."""
    mode = mode if mode in THEMES else SYSTEM
    app.setProperty(_PROPERTY, mode)
    scheme = resolve_theme(mode)
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if scheme == DARK else light_palette())
    _follow_system(app)
    _retheme_editors(app)
    _refresh_icons(app)
    return scheme


def set_icon(target: QAction | QAbstractButton, name: str) -> None:
    """Give an action or button a qtawesome icon that follows later theme changes."""
    import qtawesome as qta

    target.setProperty(ICON_PROPERTY, name)
    target.setIcon(qta.icon(name))


def current_scheme(app: QApplication) -> str:
    return DARK if app.palette().color(Role.Base).lightness() < 128 else LIGHT


def _follow_system(app: QApplication) -> None:
    hints = app.styleHints()
    if not hasattr(hints, "colorSchemeChanged") or app.property("mastheadFollows"):
        return
    app.setProperty("mastheadFollows", True)

    def changed(_scheme: object) -> None:
        if app.property(_PROPERTY) == SYSTEM:
            apply_theme(app, SYSTEM)

    hints.colorSchemeChanged.connect(changed)


def _retheme_editors(app: QApplication) -> None:
    """Give open Markdown editors the syntax colours of the new palette."""
    from editor_app.gui.editor.highlighter import Theme

    for top in app.topLevelWidgets():
        for doc in top.findChildren(QTextDocument):
            highlighter = getattr(doc, "highlighter", None)
            if highlighter is not None and hasattr(highlighter, "set_theme"):
                # The application palette: widgets take the new one only when they next
                # process their palette-change event.
                highlighter.set_theme(Theme.for_palette(app.palette()))


def _refresh_icons(app: QApplication) -> None:
    """qtawesome fixes an icon's colour when it is made (and caches it): remake the ones we
    know by name, and let icons made from now on take the new palette's colours."""
    import qtawesome as qta

    qta.reset_cache()

    for top in app.topLevelWidgets():
        for kind in (QAction, QAbstractButton):
            for target in top.findChildren(kind):
                name = target.property(ICON_PROPERTY)
                if name:
                    try:
                        target.setIcon(qta.icon(str(name)))
                    except Exception:  # noqa: BLE001 - a renamed icon must not stop the theme
                        continue
