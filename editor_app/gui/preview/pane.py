"""PreviewPane: the issue as the HTML export renders it, updated card by card as the
editor types, without reloading the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLabel, QToolBar, QVBoxLayout, QWidget

from editor_app.core.errors import OutlineError
from editor_app.gui.preview import page_html
from editor_app.gui.preview.backend import make_backend
from editor_app.gui.preview.scheduler import RenderScheduler

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

log = logging.getLogger(__name__)
MODES = ("issue", "card")


def _icon(name: str) -> QIcon:
    try:
        return qta.icon(name)
    except Exception:  # noqa: BLE001 - a missing icon font must not break the preview
        return QIcon()


class PreviewPane(QWidget):
    renderedCard = Signal(str)  # a card's new HTML is in the page
    pageLoaded = Signal()  # the whole page was (re)loaded
    modeChanged = Signal(str)  # "issue" or "card"

    def __init__(
        self,
        document: IssueDocument,
        parent: QWidget | None = None,
        *,
        use_web: bool | None = None,
    ):
        """``use_web`` forces a backend (tests); by default QtWebEngine when available."""
        super().__init__(parent)
        self.document = document
        self._mode = "issue"
        self._current: str | None = None
        self._remote = False
        self.page_loads = 0

        self.backend = make_backend(self, use_web)
        self.scheduler = RenderScheduler(document, self)
        self._layout_key = page_html.layout_key(document.issue)
        self._titles = page_html.titles_key(document.issue)
        self._build_ui()

        self.scheduler.pageRendered.connect(self._on_page_rendered)
        self.scheduler.cardsRendered.connect(self._on_cards_rendered)
        self.scheduler.renderFailed.connect(self._on_render_failed)
        self.backend.loaded.connect(self._on_loaded)
        self._answers: dict[str, list[str]] = {}  # top id -> card ids waiting for renderedCard
        self.backend.cardReplaced.connect(self._on_card_replaced)
        document.cardChanged.connect(self._on_card_changed)
        document.outlineChanged.connect(self._on_outline_changed)
        document.issueChanged.connect(self.reload)
        self.reload()

    # -- public API -------------------------------------------------------------------------
    @property
    def uses_web_engine(self) -> bool:
        return self.backend.is_web

    def mode(self) -> str:
        return self._mode

    def current_card(self) -> str | None:
        return self._current

    def remote_content(self) -> bool:
        return self._remote

    def show_card(self, card_id: str | None) -> None:
        """Follow the card being edited: bring it into view, or show only it in card mode."""
        self._current = card_id if card_id and self.document.has_card(card_id) else None
        self._apply_focus(scroll=True)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"preview mode must be one of {MODES}, not {mode!r}")
        if mode == self._mode:
            return
        self._mode = mode
        self.mode_action.setChecked(mode == "card")
        self._apply_focus(scroll=True)
        self.modeChanged.emit(mode)

    def set_remote_content(self, on: bool) -> None:
        """Allow or block images and fonts from the network (reloads the page)."""
        on = bool(on)
        self.remote_action.setChecked(on)
        if on == self._remote:
            return
        self._remote = on
        self.backend.set_remote_content(on)
        self.scheduler.set_remote(on)
        self.reload()

    def reload(self) -> None:
        """Render and load the whole page again (structure or issue metadata changed)."""
        self._layout_key = page_html.layout_key(self.document.issue)
        self._titles = page_html.titles_key(self.document.issue)
        self.scheduler.request_page()

    def page_text(self, callback: Callable[[str], None]) -> None:
        """The text now in the page, passed to ``callback`` (asynchronously with WebEngine)."""
        self.backend.page_text(lambda text: callback(text or ""))

    # -- ui ---------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.toolbar = QToolBar(self.tr("Preview"), self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        self.mode_action = QAction(
            _icon("mdi6.card-text-outline"), self.tr("Current Card Only"), self
        )
        self.mode_action.setCheckable(True)
        self.mode_action.setToolTip(
            self.tr("Show only the card being edited instead of the whole issue")
        )
        self.mode_action.toggled.connect(lambda on: self.set_mode("card" if on else "issue"))
        self.remote_action = QAction(_icon("mdi6.web"), self.tr("Load Remote Content"), self)
        self.remote_action.setCheckable(True)
        self.remote_action.setToolTip(
            self.tr("Load images and fonts from the internet in the preview (off by default)")
        )
        self.remote_action.toggled.connect(self.set_remote_content)
        self.reload_action = QAction(_icon("mdi6.refresh"), self.tr("Reload Preview"), self)
        self.reload_action.triggered.connect(self.reload)
        for action in (self.mode_action, self.remote_action, self.reload_action):
            self.toolbar.addAction(action)
        if not self.uses_web_engine:
            self.remote_action.setEnabled(False)
            self.remote_action.setToolTip(self.tr("This preview never loads remote content"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.backend.widget, 1)

    # -- document signals -------------------------------------------------------------------
    def _on_card_changed(self, card_id: str, field: str) -> None:
        self.scheduler.request_card(card_id)
        if field == "title":
            self._patch_titles()

    def _on_outline_changed(self, _select: list) -> None:
        # A moved card reloads the page; otherwise only titles may have changed.
        if page_html.layout_key(self.document.issue) != self._layout_key:
            self.reload()
        else:
            self._patch_titles()
        if self._current and not self.document.has_card(self._current):
            self._current = None

    def _patch_titles(self) -> None:
        """A renamed card patches the table of contents, unless its anchor moved."""
        issue = self.document.issue
        if page_html.titles_key(issue) != self._titles:
            if page_html.title_change_needs_reload(issue, self._titles):
                self.reload()
            else:
                self._titles = page_html.titles_key(issue)
                self.scheduler.request_page(patch_only=True)

    # -- results ----------------------------------------------------------------------------
    def _base_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(Path(self.document.folder).resolve()) + "/")

    def _on_page_rendered(self, html: str, patch_only: bool) -> None:
        self.error_label.hide()
        if not patch_only:
            self.backend.load_page(html, self._base_url())
            return
        toc = page_html.extract(html, page_html.TOC_ID, "id")
        if toc is not None:
            self.backend.replace_element("id", page_html.TOC_ID, toc)

    def _on_loaded(self) -> None:
        self.page_loads += 1
        self._apply_focus(scroll=True)
        self.pageLoaded.emit()

    def _on_cards_rendered(self, fragments: dict, answers: dict) -> None:
        self.error_label.hide()
        for top, fragment in fragments.items():
            waiting = self._answers.setdefault(top, [])
            waiting.extend(cid for cid in answers.get(top, [top]) if cid not in waiting)
            self.backend.replace_card(top, fragment)

    def _on_card_replaced(self, top: str) -> None:
        for card_id in self._answers.pop(top, [top]):
            self.renderedCard.emit(card_id)

    def _on_render_failed(self, message: str) -> None:
        self.error_label.setText(
            self.tr("The preview could not be rendered: %1").replace("%1", message)
        )
        self.error_label.show()

    def _apply_focus(self, scroll: bool) -> None:
        top = None
        if self._current:
            try:
                top = page_html.top_level_of(self.document.issue, self._current)
            except OutlineError:
                top = None
        self.backend.set_focus(self._current, top, self._mode, scroll)
