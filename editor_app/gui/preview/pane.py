"""PreviewPane: the issue as the HTML export renders it, updated card by card as the
editor types, without reloading the page.

A large issue arrives in steps: a shell with the first screen rendered, then the other
cards in batches (``pageCompleted`` when the last is in). A page that fails to load, or a
render process that dies, leaves a message with a Reload button instead of a blank pane.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import OutlineError
from editor_app.gui import theme
from editor_app.gui.preview import jobs, page_html
from editor_app.gui.preview.backend import make_backend
from editor_app.gui.preview.channel_view import SITE, VIEWS, ChannelView
from editor_app.gui.preview.scheduler import RenderScheduler

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

REVEAL_DELAY_MS = 120

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
    pageCompleted = Signal()  # ... and every card of it is rendered
    loadFailed = Signal(str)  # the page did not load or its render process ended (message)
    modeChanged = Signal(str)  # "issue" or "card"
    channelChanged = Signal(str)  # "site", "wechat" or "email"

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
        self._as_published = False
        self._scheme: str | None = None
        self.page_loads = 0
        self.page_completions = 0
        self._pending: set[str] = set()  # stub cards of the page still to come
        self._pending_total = 0
        # Where the cursor is in the card being typed (card id, share of its text); told to the
        # page once typing settles a little, so a keystroke never waits for a scroll.
        self._typing_at: tuple[str, float] | None = None
        self._reveal_timer = QTimer(self, singleShot=True, interval=REVEAL_DELAY_MS)
        self._reveal_timer.timeout.connect(self._reveal_typing)

        self.backend = make_backend(self, use_web)
        self.scheduler = RenderScheduler(
            document, self, progressive=self.backend.is_web, shown=self.backend.shown
        )
        # The WeChat and email views: whole pages, rendered again after edits.
        self.channel_view = ChannelView(document, self)
        self.channel_view.rendered.connect(self._on_channel_rendered)
        self.channel_view.failed.connect(self._on_render_failed)
        self._layout_key = page_html.layout_key(document.issue)
        self._build_ui()
        self._apply_theme()

        self.scheduler.shellRendered.connect(self._on_shell_rendered)
        self.scheduler.cardsRendered.connect(self._on_cards_rendered)
        self.scheduler.tocRendered.connect(self._on_toc_rendered)
        self.scheduler.renderFailed.connect(self._on_render_failed)
        self.scheduler.cardsFailed.connect(self._on_cards_failed)
        self.backend.loaded.connect(self._on_loaded)
        self.backend.loadFailed.connect(self._on_load_failed)
        self._answers: dict[str, list[str]] = {}  # top id -> card ids waiting for renderedCard
        self.backend.cardReplaced.connect(self._on_card_replaced)
        # Told before the other listeners of the change: the render starts first.
        document.cardChangedFirst.connect(self._on_card_changed)
        document.outlineChanged.connect(self._on_outline_changed)
        document.issueChanged.connect(self.reload)
        # At once, not on the next turn of the event loop: the rest of the window may take
        # seconds to build for a large issue. The card the window then shows, if its shell
        # did not render it, comes with the first batch (show_card puts it first in line).
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

    def as_published(self) -> bool:
        return self._as_published

    def page_scheme(self) -> str | None:
        """ "light" or "dark" (the app's theme), None when showing the site's own style."""
        return self._scheme

    def channel(self) -> str:
        """What the pane shows: "site" (the HTML export), "wechat" or "email"."""
        return self.channel_view.channel

    def set_channel(self, channel: str) -> None:
        if channel not in VIEWS:
            raise ValueError(f"preview channel must be one of {VIEWS}, not {channel!r}")
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel))
        if channel == self.channel_view.channel:
            return
        self.channel_view.channel = channel
        self.published_action.setEnabled(channel == SITE and self.uses_web_engine)
        if channel == SITE:
            self.reload()
        else:
            self.channel_view.request(at_once=True)
        self.channelChanged.emit(channel)

    def is_complete(self) -> bool:
        return self.page_loads > 0 and not self._pending

    def set_as_published(self, on: bool) -> None:
        """Show the page in the site's own style instead of the app's theme."""
        on = bool(on)
        self.published_action.setChecked(on)
        if on != self._as_published:
            self._as_published = on
            self._apply_theme()

    def show_card(self, card_id: str | None) -> None:
        """Follow the card being edited: bring it into view, or show only it in card mode."""
        self._current = card_id if card_id and self.document.has_card(card_id) else None
        top = self._current_top()
        self.scheduler.set_focus(top)
        if top in self._pending:
            self.scheduler.prioritize(top)  # a card not rendered yet: it and its neighbours next
        self._apply_focus(scroll=True)

    def follow_typing(self, card_id: str, share: float) -> None:
        """Keep the part of a tall card being typed in view: ``share`` (0..1) is how far down
        its text the cursor is."""
        self._typing_at = (card_id, share)
        self._reveal_timer.start()

    def _reveal_typing(self) -> None:
        if self._typing_at is None or not self.page_loads or self.channel() != SITE:
            return
        if not self.uses_web_engine:  # the QTextBrowser fallback runs no scripts
            return
        card_id, share = self._typing_at
        layout = self.scheduler.layout
        anchor = layout.anchors.cards.get(card_id) if layout is not None else None
        self.backend.run_js(page_html.js_reveal(anchor, card_id, share))

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
        self.channel_view.remote = on
        self.reload()

    def reload(self) -> None:
        """Render and load the whole page again (structure or issue metadata changed)."""
        if self.channel() != SITE:
            self.channel_view.request(at_once=True)
            return
        self._layout_key = page_html.layout_key(self.document.issue)
        self.scheduler.set_focus(self._current_top())
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
        self.published_action = QAction(
            _icon("mdi6.palette-outline"), self.tr("As Published"), self
        )
        self.published_action.setCheckable(True)
        self.published_action.setToolTip(
            self.tr("Show the page in the site's own style instead of the app's theme")
        )
        self.published_action.toggled.connect(self.set_as_published)
        self.reload_action = QAction(_icon("mdi6.refresh"), self.tr("Reload Preview"), self)
        self.reload_action.triggered.connect(self.reload)
        actions = (self.mode_action, self.remote_action, self.published_action, self.reload_action)
        icons = ("mdi6.card-text-outline", "mdi6.web", "mdi6.palette-outline", "mdi6.refresh")
        for action, name in zip(actions, icons, strict=True):
            action.setProperty(theme.ICON_PROPERTY, name)  # redrawn when the theme changes
            self.toolbar.addAction(action)
        self.channel_combo = QComboBox(self)
        for label, name in (
            (self.tr("Site"), "site"),
            (self.tr("WeChat"), "wechat"),
            (self.tr("Email"), "email"),
        ):
            self.channel_combo.addItem(label, name)
        self.channel_combo.setToolTip(
            self.tr("Show the issue as the site, as a WeChat article or as an email")
        )
        self.channel_combo.setAccessibleName(self.tr("Preview channel"))
        self.channel_combo.currentIndexChanged.connect(
            lambda _i: self.set_channel(self.channel_combo.currentData())
        )
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.channel_combo)
        self.progress_label = QLabel(self)
        self.progress_label.setContentsMargins(8, 0, 8, 0)
        self.progress_action = self.toolbar.addWidget(self.progress_label)
        self.progress_action.setVisible(False)
        if not self.uses_web_engine:
            self.remote_action.setEnabled(False)
            self.remote_action.setToolTip(self.tr("This preview never loads remote content"))
            self.published_action.setEnabled(False)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        # In place of the page when it could not be shown: what happened, and a way back.
        self.failure = QWidget(self)
        self.failure_label = QLabel(self.failure)
        self.failure_label.setWordWrap(True)
        self.failure_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton(self.tr("Reload Preview"), self.failure)
        self.retry_button.clicked.connect(self.reload)
        box = QVBoxLayout(self.failure)
        box.addStretch(1)
        box.addWidget(self.failure_label)
        box.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.backend.widget)
        self.stack.addWidget(self.failure)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

    def failure_shown(self) -> bool:
        return self.stack.currentWidget() is self.failure

    def _show_failure(self, message: str) -> None:
        self.failure_label.setText(message)
        self.stack.setCurrentWidget(self.failure)
        self.progress_action.setVisible(False)
        self.loadFailed.emit(message)

    # -- theme ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_theme()

    def _apply_theme(self) -> None:
        """The page follows the app's light or dark theme, or shows the site's own style."""
        app = QApplication.instance()
        palette = app.palette() if app is not None else self.palette()
        scheme = None if self._as_published else theme.current_scheme(app)
        self.backend.set_background(palette.color(QPalette.ColorRole.Base))
        self.scheduler.set_head(page_html.theme_style(scheme))
        if scheme != self._scheme:
            self._scheme = scheme
            self.backend.set_theme(scheme)
            self._apply_focus(scroll=True)  # the new style moves things: keep the card in view

    # -- document signals -------------------------------------------------------------------
    def _on_card_changed(self, card_id: str, field: str) -> None:
        if self.channel() != SITE:
            self.channel_view.request()
            return
        # Nothing here may grow with the issue: a keystroke only names the card.
        self.scheduler.request_card(card_id)
        if field == "title":
            # The table of contents repeats titles (a worker checks whether anchors moved).
            self.scheduler.request_page(patch_only=True)

    def _on_outline_changed(self, _select: list) -> None:
        # A moved card reloads the page; otherwise only titles may have changed.
        if self._current and not self.document.has_card(self._current):
            self._current = None
        if self.channel() != SITE:
            self.channel_view.request()
            return
        if page_html.layout_key(self.document.issue) != self._layout_key:
            self.reload()
        else:
            self.scheduler.request_page(patch_only=True)

    # -- results ----------------------------------------------------------------------------
    def _base_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(Path(self.document.folder).resolve()) + "/")

    def _on_channel_rendered(self, html: str) -> None:
        self.error_label.hide()
        self._pending.clear()
        self.backend.load_page(html, self._base_url())

    def _on_shell_rendered(self, result: jobs.ShellResult) -> None:
        if self.channel() != SITE:
            return  # asked for before the switch
        self.error_label.hide()
        self._pending = set(result.pending)
        self._pending_total = len(result.pending)
        self.backend.load_page(result.html, self._base_url())

    def _on_toc_rendered(self, toc: str) -> None:
        if toc and self.channel() == SITE:
            self.backend.replace_element("id", page_html.TOC_ID, toc)

    def _on_loaded(self) -> None:
        self.page_loads += 1
        self.stack.setCurrentWidget(self.backend.widget)
        self._apply_focus(scroll=True)
        self._show_progress()
        if self.channel() == SITE:  # a channel page takes no card swapped in
            self.scheduler.page_ready()
        self.pageLoaded.emit()
        if not self._pending:
            self._complete()

    def _on_load_failed(self, kind: str) -> None:
        if kind == "crash":
            message = self.tr("The preview stopped working (its page process ended).")
        else:
            message = self.tr("The preview page could not be loaded.")
        self._pending.clear()
        self._show_failure(message)

    def _on_cards_rendered(self, result: jobs.CardsResult, answers: dict) -> None:
        if self.channel() != SITE:
            return  # site cards have no place in a channel page
        self.error_label.hide()
        for top in result.fragments:
            waiting = self._answers.setdefault(top, [])
            waiting.extend(cid for cid in answers.get(top, [top]) if cid not in waiting)
        self.backend.replace_cards(result.fragments, result.script, result.bases)

    def _on_card_replaced(self, top: str) -> None:
        for card_id in self._answers.pop(top, [top]):
            self.renderedCard.emit(card_id)
        if top in self._pending:
            self._pending.discard(top)
            self._show_progress()
            if not self._pending:
                self._complete()

    def _on_cards_failed(self, tops: list) -> None:
        # They keep their stub (number and title); the page is as complete as it gets.
        if self._pending and self._pending.intersection(tops):
            self._pending.difference_update(tops)
            self._show_progress()
            if not self._pending:
                self._complete()

    def _complete(self) -> None:
        self.page_completions += 1
        self.pageCompleted.emit()

    def _show_progress(self) -> None:
        if not self._pending or not self._pending_total:
            self.progress_action.setVisible(False)
            return
        done = 100 * (self._pending_total - len(self._pending)) // self._pending_total
        self.progress_label.setText(self.tr("Rendering… %1%").replace("%1", str(done)))
        self.progress_action.setVisible(True)

    def _on_render_failed(self, message: str) -> None:
        text = self.tr("The preview could not be rendered: %1").replace("%1", message)
        if self.page_loads == 0 and not self.backend.is_loaded:
            self._show_failure(text)  # nothing to keep showing
            return
        self.error_label.setText(text)  # the page stays as it was
        self.error_label.show()

    def _current_top(self) -> str | None:
        if not self._current:
            return None
        try:
            return page_html.top_level_of(self.document.issue, self._current)
        except OutlineError:
            return None

    def _apply_focus(self, scroll: bool) -> None:
        self.backend.set_focus(self._current, self._current_top(), self._mode, scroll)
