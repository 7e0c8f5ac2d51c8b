"""Everything bound to one open issue: document, outline, editor and preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from editor_app.gui.document import IssueDocument
from editor_app.gui.editor import CardEditor
from editor_app.gui.editor.markdown_edit import editor_font
from editor_app.gui.key_buffer import StartupKeyBuffer
from editor_app.gui.outline_actions import OutlineActions
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView
from editor_app.gui.preferences import Preferences
from editor_app.gui.preview import PreviewPane
from editor_app.gui.section_editor import SectionEditor

# The checks and the other work held for the preview's first page wait at most this long.
CHECKS_HELD_AT_MOST_MS = 10_000


class Workspace(QObject):
    def __init__(self, folder: Path, autosave_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.document = IssueDocument(folder, self, autosave_ms=autosave_ms)
        # The preview's first screen comes first: the checks of a large issue take seconds
        # of the interpreter on a worker, which the page's render would wait for.
        self.document.hold_checks(True)
        self.model = OutlineModel(self.document, self)
        self.view = OutlineView(self.model)
        self.actions = OutlineActions(self.document, self.view, self)
        self.editor = CardEditor(self.document)
        self.section_editor = SectionEditor(self.document)
        # The central area shows the card editor, or the section editor for a section.
        self.editor_area = QStackedWidget()
        self.editor_area.addWidget(self.editor)
        self.editor_area.addWidget(self.section_editor)
        self.preview = PreviewPane(self.document)
        self._page_shown = False
        self._when_ready: list[Callable[[], None]] = []
        self.preview.pageLoaded.connect(self._first_page)
        self.preview.loadFailed.connect(self._first_page)
        QTimer.singleShot(CHECKS_HELD_AT_MOST_MS, self, self._first_page)
        if self.preview.page_loads:
            self._first_page()
        self.view.currentNodeChanged.connect(self._on_node)
        self.actions.cardCreated.connect(self._on_created)
        self.editor.body_edit.cursorPositionChanged.connect(self._follow_cursor)
        self.key_buffer: StartupKeyBuffer | None = None

    def _follow_cursor(self) -> None:
        """The preview keeps the part of a tall card being written in view."""
        edit = self.editor.body_edit
        card_id = self.editor.current_card_id
        if card_id is None or not edit.hasFocus():
            return
        lines = edit.document().blockCount()
        share = edit.textCursor().blockNumber() / (lines - 1) if lines > 1 else 0.0
        self.preview.follow_typing(card_id, share)

    def when_ready(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the preview shows its first page (now if it does already): what
        can wait (checks, the issue's word count) must not slow that page's render down."""
        if self._page_shown:
            work()
        else:
            self._when_ready.append(work)

    def _first_page(self, *_args: object) -> None:
        if self._page_shown:
            return
        self._page_shown = True
        self.document.hold_checks(False)
        waiting, self._when_ready = self._when_ready, []
        for work in waiting:
            work()

    def apply_preferences(self, prefs: Preferences) -> None:
        """Autosave delay, preview remote content and the body editor's font of this issue."""
        self.document.set_autosave_delay(prefs.autosave_ms)
        self.preview.set_remote_content(prefs.remote_content)
        edit = self.editor.body_edit
        font = editor_font(prefs.font_family, prefs.font_size)
        if edit.font() != font:
            edit.setFont(font)
            # Documents of other cards get the font when they are shown (set_markdown_document).
            edit.document().setDefaultFont(font)

    def hold_keys_until_ready(self, window: QWidget) -> None:
        """Keep what is typed into ``window`` until the first preview page has loaded (the
        web view takes the focus as it loads), then type it into the card body."""
        if self.document.read_only or self.editor.current_card_id is None:
            return
        self.key_buffer = StartupKeyBuffer(window, self._body_if_shown, self.preview)
        self.preview.pageLoaded.connect(self._ready)
        if self.preview.page_loads:
            self._ready()

    def _ready(self) -> None:
        if self.key_buffer is None:
            return  # released already (a later page load) or discarded
        # After the events the load itself queued, focus changes included; close() discards
        # the buffer if the issue closes first.
        QTimer.singleShot(0, self, self._release_keys)

    def _release_keys(self) -> None:
        buffer, self.key_buffer = self.key_buffer, None
        if buffer is not None:
            buffer.release()

    def shown_section_id(self) -> str | None:
        """The section in the editor area, when a section (not a card) is being edited."""
        if self.editor_area.currentWidget() is not self.section_editor:
            return None
        return self.section_editor.section_id

    def commit_pending(self) -> None:
        """Send whatever is still being typed in the card or the section editor."""
        self.editor.commit_pending()
        self.section_editor.commit_pending()

    def _body_if_shown(self) -> QWidget | None:
        if self.editor_area.currentWidget() is not self.editor:
            return None
        return self.editor.body_edit if self.editor.current_card() is not None else None

    def _on_node(self, node_id: str, kind: str) -> None:
        if kind == "card":
            self.editor_area.setCurrentWidget(self.editor)
            self.editor.show_card(node_id)
            self.preview.show_card(node_id)
        elif kind == "section":
            self.editor_area.setCurrentWidget(self.section_editor)
            self.section_editor.show_section(node_id)
            section = self.document.issue.section(node_id)
            if section.card_ids:
                self.preview.show_card(section.card_ids[0])

    def _on_created(self, card_id: str) -> None:
        self.view.select_ids([card_id])
        self.editor.show_card(card_id)
        self.editor.focus_title()  # a new card starts with its title

    def open_card(self, card_id: str, focus_body: bool = True) -> None:
        self.view.select_ids([card_id])
        self.editor_area.setCurrentWidget(self.editor)
        self.editor.show_card(card_id)
        if focus_body:
            self.editor.focus_body()

    def first_card(self) -> str | None:
        cards = self.document.issue.ordered_cards()
        return cards[0].id if cards else None

    def close(self) -> None:
        if self.key_buffer is not None:
            self.key_buffer.discard()
            self.key_buffer = None
        self.document.close()
        for widget in (self.view, self.editor_area, self.preview):
            widget.setParent(None)
            widget.deleteLater()
