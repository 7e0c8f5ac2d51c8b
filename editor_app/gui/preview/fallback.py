"""The preview without QtWebEngine: a QTextBrowser showing the same HTML.

QTextBrowser runs no scripts and fetches nothing from the network; card updates are
spliced into the page text and shown again with the scroll position kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor_app.gui.preview import page_html
from editor_app.gui.preview.links import open_external


class TextBackend(QObject):
    loaded = Signal()
    loadFailed = Signal(str)  # never emitted: setHtml on a QTextBrowser cannot fail
    cardReplaced = Signal(str)
    is_web = False

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.browser = QTextBrowser(parent)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.page = ""  # the whole issue, kept current even while one card is shown
        self.is_loaded = False
        self._mode = "issue"
        self._target: str | None = None
        self._top: str | None = None
        self.shown: dict[str, str] = {}  # never filled: the page is spliced as a string

    @property
    def widget(self) -> QWidget:
        return self.browser

    def set_remote_content(self, on: bool) -> None:
        """QTextBrowser never fetches remote resources, so there is nothing to switch."""

    def load_page(self, html: str, base: QUrl) -> None:
        self.page = html
        self.browser.document().setBaseUrl(base)
        self.browser.setSearchPaths([base.toLocalFile()])
        self._show(keep_scroll=self.is_loaded)
        self.is_loaded = True
        self.loaded.emit()

    def set_theme(self, _scheme: str | None) -> None:
        """QTextBrowser takes its colours from the application's palette already."""

    def set_background(self, _color: object) -> None:
        """The browser's palette follows the application's."""

    def replace_cards(
        self, fragments: dict[str, str], _script: str = "", _bases: dict | None = None
    ) -> None:
        changed = False
        for card_id, fragment in fragments.items():
            updated = page_html.splice(self.page, card_id, fragment, page_html.CARD_ATTR)
            if updated is not None:
                self.page, changed = updated, True
        if changed:
            self._show(keep_scroll=True)
        for card_id in fragments:
            self.cardReplaced.emit(card_id)

    def replace_card(self, card_id: str, fragment: str) -> None:
        self.replace_cards({card_id: fragment})

    def replace_element(self, attr: str, value: str, fragment: str) -> None:
        updated = page_html.splice(self.page, value, fragment, attr)
        if updated is not None:
            self.page = updated
            self._show(keep_scroll=True)

    def set_focus(self, target: str | None, top: str | None, mode: str, scroll: bool) -> None:
        changed = (mode, target) != (self._mode, self._target)
        self._mode, self._target, self._top = mode, target, top
        if not self.is_loaded:
            return
        if mode == "card" and changed:
            self._show(keep_scroll=False)
        elif mode == "issue":
            if changed:
                self._show(keep_scroll=True)
            if scroll and target:
                self.browser.scrollToAnchor(target)

    def _show(self, keep_scroll: bool) -> None:
        bar = self.browser.verticalScrollBar()
        y = bar.value()
        html = self.page
        if self._mode == "card" and self._target:
            element = page_html.extract(self.page, self._target)
            if element is None and self._top:
                element = page_html.extract(self.page, self._top)
            if element is not None:
                html = page_html.page_with_body(self.page, element)
        self.browser.setHtml(html)
        if keep_scroll:
            bar.setValue(y)

    def run_js(self, _script: str, _callback: Callable[[object], None] | None = None) -> None:
        raise NotImplementedError("the QTextBrowser preview runs no scripts")

    def page_text(self, callback: Callable[[str], None]) -> None:
        callback(self.browser.toPlainText())

    def _on_anchor(self, url: QUrl) -> None:
        if url.hasFragment() and (url.isRelative() or url.path() in ("", "/")):
            self.browser.scrollToAnchor(url.fragment())
            return
        open_external(url)
