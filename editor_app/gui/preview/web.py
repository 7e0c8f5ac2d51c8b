"""The QtWebEngine preview: a private profile, a page that never navigates away, and a
request interceptor that keeps the preview offline unless the editor allows remote content.

The page is served by our own URL scheme (see scheme.py), never passed to ``setHtml``. A
page that fails to load or a render process that dies is reported (``loadFailed``) so the
pane can offer to reload instead of showing a blank view.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor_app.gui.preview import page_html, scheme
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


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the current page from memory and the issue's own files from disk."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pages: dict[str, bytes] = {}  # URL path -> page; only the latest is kept
        self.root: Path | None = None
        self.requests: list[str] = []  # paths asked for (tests read it)

    def set_page(self, path: str, html: bytes, root: Path | None) -> None:
        self.pages = {path: html}
        self.root = root

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt API
        error = QWebEngineUrlRequestJob.Error
        url = job.requestUrl()
        path = url.path()
        self.requests.append(path)
        if bytes(job.requestMethod().data()).upper() != b"GET" or url.host() != scheme.HOST:
            job.fail(error.RequestDenied)
            return
        if path in self.pages:
            self._reply(job, b"text/html; charset=utf-8", self.pages[path])
            return
        file = scheme.resolve_file(self.root, path)
        if file is None:
            job.fail(error.UrlNotFound)
            return
        try:
            data = file.read_bytes()
        except OSError:
            job.fail(error.RequestFailed)
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._reply(job, kind.encode(), data)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, kind: bytes, data: bytes) -> None:
        buffer = QBuffer(job)  # deleted with the job
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(kind, buffer)


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
    """Loads a page once, then swaps cards in with runJavaScript."""

    loaded = Signal()  # a page the preview asked for finished loading
    loadFailed = Signal(str)  # the page did not load, or its render process went away
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
        self.handler = PreviewSchemeHandler(profile)
        profile.installUrlSchemeHandler(scheme.SCHEME.encode(), self.handler)
        self.page = PreviewPage(profile, self.view)
        profile.setParent(self.page)
        self.profile = profile
        _configure(self.page.settings())
        self.view.setPage(self.page)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.page.loadFinished.connect(self._on_load_finished)
        self.page.renderProcessTerminated.connect(self._on_render_process_terminated)
        self.is_loaded = False
        self._loading = False
        self._serial = 0
        self._queued: list[tuple[str, list[str]]] = []  # scripts that arrived while loading
        self._restore_y = 0.0
        self._focus: tuple[str | None, str | None, str] = (None, None, "issue")
        self._scheme: str | None = None
        # Each card's HTML as last sent to the page (top id -> fragment), which the next
        # render of the card patches (jobs.render_cards); a new page starts without any.
        self.shown: dict[str, str] = {}

    @property
    def widget(self) -> QWidget:
        return self.view

    def set_remote_content(self, on: bool) -> None:
        """Three locks open together: Chromium's rule for local pages, the interceptor, and
        (when the page is rendered again) the page's Content-Security-Policy."""
        self.blocker.allow_remote = on
        self.page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, on
        )

    def set_background(self, color: QColor) -> None:
        """What shows before the page paints (no white flash in the dark theme)."""
        self.page.setBackgroundColor(color)

    def _focus_js(self, scroll: bool) -> str:
        target, top, mode = self._focus
        return page_html.js_focus(target, top, mode, scroll)

    def load_page(self, html: str, base: QUrl) -> None:
        """Serve ``html`` at a new URL of our scheme; relative URLs resolve in ``base``'s
        folder (the issue folder)."""
        if self.is_loaded:
            self._restore_y = self.page.scrollPosition().y()
        self.is_loaded = False
        self._loading = True
        self._queued.clear()  # the new page already holds every card as it is now
        self.shown.clear()
        self._serial += 1
        url = QUrl(scheme.page_url(self._serial))
        root = Path(base.toLocalFile()) if base.isLocalFile() else None
        self.handler.set_page(url.path(), html.encode("utf-8"), root)
        self.page.expecting_load = True
        self.page.load(url)

    def _on_load_finished(self, ok: bool) -> None:
        if not self._loading:
            return  # a refused navigation also reports a (failed) load; the page is intact
        self._loading = False
        if not ok:
            log.warning("preview page failed to load")
            self._queued.clear()
            self.loadFailed.emit("load")
            return
        self.is_loaded = True
        # Back to where the editor was; then make sure the current card is in view.
        script = f"window.scrollTo(0, {float(self._restore_y)});" + self._focus_js(True)
        self.page.runJavaScript(script, WORLD)
        queued, self._queued = self._queued, []
        for queued_script, tops in queued:
            self._run_replace(queued_script, tops)
        self.loaded.emit()

    def _on_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        log.warning("preview render process ended: %s (exit code %s)", status, code)
        self.is_loaded = False
        self._loading = False
        self._queued.clear()
        self.shown.clear()
        self.loadFailed.emit("crash")

    def replace_cards(
        self, fragments: dict[str, str], script: str, bases: dict[str, str] | None = None
    ) -> None:
        """Run a script made by ``page_html.js_replace_cards`` for the cards of ``fragments``;
        the scroll position stays where it is. Its patches were made against ``bases``: if
        the page no longer holds one of them (a new page came meanwhile), every card of the
        script is sent whole."""
        tops = list(fragments)
        if bases and any(self.shown.get(top) is not base for top, base in bases.items()):
            script = page_html.js_replace_cards([(top, "", fragments[top]) for top in tops])
        self.shown.update(fragments)
        if not self.is_loaded:
            self._queued.append((script, tops))
            return
        self._run_replace(script, tops)

    def replace_card(self, card_id: str, fragment: str) -> None:
        self.replace_cards(
            {card_id: fragment}, page_html.js_replace_cards([(card_id, "", fragment)])
        )

    def _run_replace(self, script: str, tops: list[str]) -> None:
        # No focus script here: the swap keeps the card's element and its "current card"
        # marks, and a walk over the whole page per keystroke would cost O(page).
        def done(answer: object, ids: list[str] = tops) -> None:
            failed = json.loads(answer) if isinstance(answer, str) and answer else []
            if failed:
                # A patch that did not fit the page (it should not happen): the whole cards.
                log.warning("preview block patch refused by the page for %s", failed)
                fragments = {cid: self.shown[cid] for cid in failed if cid in self.shown}
                if fragments:
                    again = [(cid, "", html) for cid, html in fragments.items()]
                    self._run_replace(page_html.js_replace_cards(again), ids)
                    return
            for cid in ids:
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

    def set_theme(self, scheme_name: str | None) -> None:
        """Swap the preview's stylesheet in place (None: the export's own style)."""
        self._scheme = scheme_name
        if self.is_loaded:
            self.page.runJavaScript(page_html.js_set_theme(scheme_name), WORLD)

    def run_js(self, script: str, callback: Callable[[object], None] | None = None) -> None:
        """Run a script in the isolated world (tests and the benchmark read the page)."""
        if callback is None:
            self.page.runJavaScript(script, WORLD)
        else:
            self.page.runJavaScript(script, WORLD, callback)

    def page_text(self, callback: Callable[[object], None]) -> None:
        self.page.runJavaScript("document.body ? document.body.textContent : ''", WORLD, callback)
