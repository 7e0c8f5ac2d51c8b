"""The QtWebEngine preview: a private profile, a page that never navigates away, and a
request interceptor that keeps the preview offline unless the editor allows remote content.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor_app.gui.preview import page_html
from editor_app.gui.preview.links import open_external

log = logging.getLogger(__name__)

# Our scripts run here: JavaScript is off in the main world, where card content lives.
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
_REMOTE_SCHEMES = {"http", "https", "ws", "wss", "ftp"}
Nav = QWebEnginePage.NavigationType


class RemoteBlocker(QWebEngineUrlRequestInterceptor):
    """Refuses network requests from the preview unless remote content is switched on."""

    blocked = Signal(QUrl)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.allow_remote = False
        self.blocked_urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt API
        url = info.requestUrl()
        if not self.allow_remote and url.scheme().lower() in _REMOTE_SCHEMES:
            info.block(True)
            self.blocked_urls.append(url.toString())
            self.blocked.emit(url)


class _ExternalOpener(QWebEnginePage):
    """Target of links that ask for a new window: forwards the URL and goes away."""

    def acceptNavigationRequest(self, url: QUrl, _type: Nav, _main: bool) -> bool:  # noqa: N802
        open_external(url)
        self.deleteLater()
        return False


class PreviewPage(QWebEnginePage):
    """Accepts only the loads the preview starts itself; links go to the system browser."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None):
        super().__init__(profile, parent)
        self.expecting_load = False

    def acceptNavigationRequest(self, url: QUrl, nav_type: Nav, is_main_frame: bool) -> bool:  # noqa: N802
        if nav_type == Nav.NavigationTypeLinkClicked:
            here = self.url().toString().split("#", 1)[0]
            if url.hasFragment() and url.toString().split("#", 1)[0] == here:
                # A footnote or heading link: jump inside the page instead of leaving it.
                target = page_html.js_string(url.fragment())
                self.runJavaScript(
                    f"var e = document.getElementById({target}); if (e) e.scrollIntoView();",
                    WORLD,
                )
            else:
                open_external(url)
            return False
        if is_main_frame and self.expecting_load:
            self.expecting_load = False
            return True
        return False  # redirects, reloads, back/forward, form posts, frames

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage:  # noqa: N802
        return _ExternalOpener(self.profile(), self)

    def javaScriptConsoleMessage(self, _level, message: str, line: int, source: str) -> None:  # noqa: N802
        # Blocked resources are reported here; expected, so keep them out of the terminal.
        log.debug("preview console: %s (%s:%s)", message, source, line)


def _configure(settings: QWebEngineSettings) -> None:
    attr = QWebEngineSettings.WebAttribute
    settings.setAttribute(attr.JavascriptEnabled, False)
    settings.setAttribute(attr.JavascriptCanOpenWindows, False)
    settings.setAttribute(attr.JavascriptCanAccessClipboard, False)
    settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, False)  # see set_remote_content
    settings.setAttribute(attr.LocalContentCanAccessFileUrls, True)  # the assets/
    settings.setAttribute(attr.PluginsEnabled, False)
    settings.setAttribute(attr.AutoLoadIconsForPage, False)
    settings.setAttribute(attr.ErrorPageEnabled, False)
    settings.setAttribute(attr.NavigateOnDropEnabled, False)


class WebBackend(QObject):
    """Loads a page once, then swaps single cards in with runJavaScript."""

    loaded = Signal()  # a page the preview asked for finished loading
    cardReplaced = Signal(str)  # top-level card id whose new HTML is now in the page
    is_web = True

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.view = QWebEngineView(parent)
        # No storage name: off the record. The profile is made a child of its page, so Qt
        # destroys the page first and the profile right after, whatever deletes the view.
        profile = QWebEngineProfile()
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        profile.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
        )
        profile.setSpellCheckEnabled(False)
        self.blocker = RemoteBlocker(profile)
        profile.setUrlRequestInterceptor(self.blocker)
        self.page = PreviewPage(profile, self.view)
        profile.setParent(self.page)
        self.profile = profile
        _configure(self.page.settings())
        self.view.setPage(self.page)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.page.loadFinished.connect(self._on_load_finished)
        self.is_loaded = False
        self._queued: dict[str, str] = {}  # fragments that arrived while a page loads
        self._restore_y = 0.0
        self._focus: tuple[str | None, str | None, str] = (None, None, "issue")

    @property
    def widget(self) -> QWidget:
        return self.view

    def set_remote_content(self, on: bool) -> None:
        """Three locks open together: Chromium's rule for file: pages, the interceptor, and
        (when the page is rendered again) the page's Content-Security-Policy."""
        self.blocker.allow_remote = on
        self.page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, on
        )

    def _focus_js(self, scroll: bool) -> str:
        target, top, mode = self._focus
        return page_html.js_focus(target, top, mode, scroll)

    def load_page(self, html: str, base: QUrl) -> None:
        if self.is_loaded:
            self._restore_y = self.page.scrollPosition().y()
        self.is_loaded = False
        self._queued.clear()  # the new page already holds every card as it is now
        self.page.expecting_load = True
        self.page.setHtml(html, base)

    def _on_load_finished(self, ok: bool) -> None:
        if self.is_loaded:
            return  # a refused navigation also reports a (failed) load; the page is intact
        self.is_loaded = True
        if not ok:
            log.warning("preview page failed to load")
        # Back to where the editor was; then make sure the current card is in view.
        script = f"window.scrollTo(0, {float(self._restore_y)});" + self._focus_js(True)
        self.page.runJavaScript(script, WORLD)
        queued, self._queued = self._queued, {}
        for card_id, fragment in queued.items():
            self.replace_card(card_id, fragment)
        self.loaded.emit()

    def replace_card(self, card_id: str, fragment: str) -> None:
        """Swap one card's element in place; the scroll position stays where it is."""
        if not self.is_loaded:
            self._queued[card_id] = fragment
            return
        # The new element needs the "current card" marks again.
        script = page_html.js_replace(card_id, fragment) + self._focus_js(False)

        def done(_result: object, cid: str = card_id) -> None:
            self.cardReplaced.emit(cid)

        self.page.runJavaScript(script, WORLD, done)

    def replace_element(self, attr: str, value: str, fragment: str) -> None:
        """Swap an element outside the cards (the table of contents)."""
        if self.is_loaded:
            script = page_html.js_replace(value, fragment, attr) + self._focus_js(False)
            self.page.runJavaScript(script, WORLD)

    def set_focus(self, target: str | None, top: str | None, mode: str, scroll: bool) -> None:
        self._focus = (target, top, mode)
        if self.is_loaded:
            self.page.runJavaScript(self._focus_js(scroll), WORLD)

    def run_js(self, script: str, callback: Callable[[object], None] | None = None) -> None:
        """Run a script in the isolated world (tests and the benchmark read the page)."""
        if callback is None:
            self.page.runJavaScript(script, WORLD)
        else:
            self.page.runJavaScript(script, WORLD, callback)

    def page_text(self, callback: Callable[[object], None]) -> None:
        self.page.runJavaScript("document.body ? document.body.textContent : ''", WORLD, callback)
