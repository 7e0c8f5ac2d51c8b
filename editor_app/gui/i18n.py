"""The UI language: Masthead's own translation plus Qt's for the standard dialogs.

The language follows the system locale unless the "ui/language" setting names one. The
compiled catalogues (resources/translations/masthead_<lang>.qm) are built from the .ts files
by `make translations`; without them the UI stays in English. English has a catalogue too,
of the strings with a count only: their singular and plural forms ("1 card", "2 cards").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.gui.app_settings import AppSettings

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor_app.core import settings_registry
from editor_app.core.errors import MastheadError
from editor_app.core.i18n_catalog import Catalog, catalog
from editor_app.core.resources import resource

log = logging.getLogger(__name__)

LANGUAGE_KEY = settings_registry.LANGUAGE.key
SYSTEM = ""  # the setting's value for "follow the system locale"
ENGLISH = "en"
CHINESE = "zh_CN"
# Setting value -> the language's own name (never translated: users look for their language).
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
CATALOGUE = "masthead"
_TRANSLATOR_NAME = "masthead-translator"


def translations_dir() -> Path:
    return resource("translations")


def qt_translations_dir() -> Path:
    """Qt's own catalogues (qtbase_*.qm), in the PySide6 wheel or the bundle."""
    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if path.is_dir():
        return path
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "translations"


def language_setting(settings: AppSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def locale_for(language: str) -> QLocale:
    """The locale whose catalogues to load: the system's for SYSTEM."""
    if language == CHINESE:
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China
        )
    if language == ENGLISH:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale.system()


def resolve_language(language: str, system: QLocale | None = None) -> str:
    """The language the UI will actually show: ENGLISH or one of LANGUAGES."""
    if language in LANGUAGES:
        return language
    for tag in (system or QLocale.system()).uiLanguages():
        tag = tag.replace("-", "_")
        # Simplified Chinese in any region (a bare "zh" too); Traditional Chinese has no
        # catalogue yet and gets English. The script-qualified tags come first in the list.
        if tag.startswith(("zh_Hant", "zh_TW", "zh_HK", "zh_MO")):
            return ENGLISH
        if tag.split("_")[0] == "zh":
            return CHINESE
        if tag.split("_")[0] == "en":
            return ENGLISH
    return ENGLISH


def install_translators(
    app: QCoreApplication, language: str = SYSTEM, system: QLocale | None = None
) -> str:
    """Replace the installed catalogues with those for ``language``; return the language used.

    The translators are children of the application, so they live as long as it does and a
    later call can find and remove them. ``system`` stands in for the system locale (tests).
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)  # Python owns it now and frees it
    chosen = resolve_language(language, system)
    locale = locale_for(chosen)  # the catalogue's locale, whatever region the system names
    if chosen == ENGLISH:
        # The sources are English; only "%n card(s)" needs the catalogue, for its forms.
        if not _load(app, locale, CATALOGUE, translations_dir()):
            log.info("no English plural forms in %s", translations_dir())
        return ENGLISH
    ours = _load(app, locale, CATALOGUE, translations_dir())
    if not ours:
        log.warning("no compiled translation for %s in %s", chosen, translations_dir())
        return ENGLISH
    # Qt's own strings: standard buttons, file dialogs, context menus of text fields.
    for name in ("qtbase", "qtwebengine"):
        _load(app, locale, name, qt_translations_dir())
    return chosen


_ENGLISH_OF: dict[str, str] = {}


class _RecordingTranslator(QTranslator):
    """Masthead's catalogue, remembering the English source of each text it translated.

    The command palette finds a command by its English name in the Chinese UI too; the
    bundle ships only the compiled catalogue, which cannot be read backwards.
    """

    def translate(  # noqa: D102 - Qt API
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text:
            return None  # a null string: "not here", so Qt tries the next catalogue or English
        if text != source:
            _ENGLISH_OF[text] = source
        return text


def english_source(text: str) -> str | None:
    """The English text that ``text`` was translated from, when Masthead's catalogue did it."""
    return _ENGLISH_OF.get(text)


def _load(app: QCoreApplication, locale: QLocale, name: str, folder: Path) -> bool:
    translator = _RecordingTranslator() if name == CATALOGUE else QTranslator()
    if not translator.load(locale, name, "_", str(folder)):
        return False
    translator.setObjectName(_TRANSLATOR_NAME)
    translator.setParent(app)
    return app.installTranslator(translator)


def current_language(app: QCoreApplication) -> str:
    """The language of Masthead's installed catalogue (ENGLISH when none is installed)."""
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        path = Path(translator.filePath())
        if path.name.startswith(CATALOGUE + "_"):
            language = translator.language().replace("-", "_") or CHINESE
            return ENGLISH if language.split("_")[0] == "en" else language
    return ENGLISH


def installed_catalogues(app: QCoreApplication) -> list[str]:
    """File names of the catalogues installed by install_translators (for diagnostics)."""
    return [Path(t.filePath()).name for t in app.findChildren(QTranslator, _TRANSLATOR_NAME)]


def message_catalog() -> Catalog:
    """The core catalog (problems, statuses, import guesses) in the UI's language."""
    app = QCoreApplication.instance()
    return catalog(current_language(app) if app is not None else ENGLISH)


def error_text(exc: BaseException) -> str:
    """An error for the editor: "path: message" in the UI language (core says it by key)."""
    return message_catalog().error(exc)


def error_message(exc: MastheadError) -> str:
    """An error's message without its path, in the UI language."""
    return message_catalog().say(exc.text) if exc.text is not None else exc.message
