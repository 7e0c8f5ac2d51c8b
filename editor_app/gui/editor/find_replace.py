"""FindReplaceBar: find and replace in the current card or across the whole issue."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.numbering import compute_numbers
from editor_app.gui.editor.markdown_edit import MarkdownEdit
from editor_app.gui.editor.search import (
    IssueMatch,
    SearchError,
    SearchOptions,
    Utf16Map,
    compile_search,
    expand,
    find_all,
    replace_in_issue,
    replacements,
    search_issue,
)

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

SCOPE_CARD, SCOPE_ISSUE = 0, 1
MAX_HIGHLIGHTS = 2000
SNIPPET = 36  # characters of context either side of a match in the result list


class FindReplaceBar(QWidget):
    """A bar under the editor. Card scope searches the editor's text (replacements are editor
    undo steps); issue scope searches every card's title and body (Replace All is one step on
    the document's undo stack).

    ``jumpRequested(card_id, position)``: a result was chosen; ``position`` indexes the card's
    body (Python string index), or is -1 for a match in the title. ``matchActivated`` carries
    the full IssueMatch.
    """

    jumpRequested = Signal(str, int)
    matchActivated = Signal(object)
    closed = Signal()

    def __init__(
        self, editor: MarkdownEdit, document: IssueDocument, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.editor = editor
        self.document = document
        self._pattern: re.Pattern[str] | None = None
        self._results: list[IssueMatch] = []
        self.return_to: QWidget | None = None
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=200)
        self._refresh_timer.timeout.connect(lambda: self.refresh(move=False))
        editor.textChanged.connect(self._schedule_refresh)
        document.cardChanged.connect(self._schedule_refresh)
        document.outlineChanged.connect(self._schedule_refresh)
        self.set_replace_visible(False)
        self.hide()

    # -- building ----------------------------------------------------------------------------
    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.toggled.connect(lambda _on: self.refresh(move=True))
        return button

    def _build(self) -> None:
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(lambda _t: self.refresh(move=True))
        self.find_edit.installEventFilter(self)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setToolTip(self.tr("With regular expressions, \\1 inserts group 1."))
        self.replace_edit.returnPressed.connect(self.replace_current)

        self.case_button = self._toggle(self.tr("Aa"), self.tr("Match case"))
        self.word_button = self._toggle(self.tr("W"), self.tr("Whole words (Latin text)"))
        self.regex_button = self._toggle(".*", self.tr("Regular expression"))
        self.scope_combo = QComboBox(self)
        self.scope_combo.addItem(self.tr("This card"))
        self.scope_combo.addItem(self.tr("Whole issue"))
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)

        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.UpArrow)
        self.prev_button.setAutoRaise(True)
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setAutoRaise(True)
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.next_button.clicked.connect(self.find_next)
        self.status_label = QLabel(self)
        self.status_label.setMinimumWidth(90)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_bar)

        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button = QPushButton(self.tr("Replace All"), self)
        self.replace_all_button.clicked.connect(self.replace_all)

        self.results = QListWidget(self)
        self.results.setMaximumHeight(160)
        self.results.itemClicked.connect(self._activate_item)
        self.results.itemActivated.connect(self._activate_item)
        self.results.hide()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.addWidget(self.find_edit, 0, 0)
        row = QHBoxLayout()
        for widget in (
            self.prev_button, self.next_button, self.case_button, self.word_button,
            self.regex_button, self.scope_combo, self.status_label,
        ):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.close_button)
        grid.addLayout(row, 0, 1)
        grid.addWidget(self.replace_edit, 1, 0)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch(1)
        grid.addLayout(replace_row, 1, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.results)

        close = QAction(self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(self.close_bar)
        self.addAction(close)

    # -- opening and closing -----------------------------------------------------------------
    def open(self, replace: bool = False, scope: int | None = None) -> None:
        """Show the bar with the editor's one-line selection as the search text."""
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self and not self.isAncestorOf(focused):
            self.return_to = focused  # where Escape goes back to
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        if scope is not None:
            self.scope_combo.setCurrentIndex(scope)
        self.set_replace_visible(replace or not self.replace_edit.isHidden())
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.refresh(move=False)

    def set_replace_visible(self, visible: bool) -> None:
        visible = visible and not self.document.read_only
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(visible)

    def close_bar(self) -> None:
        self.hide()
        self.editor.setExtraSelections([])
        self.closed.emit()
        self.return_to = None

    def _scope_changed(self, _index: int) -> None:
        self.editor.setExtraSelections([])
        self.refresh(move=False)

    @property
    def scope(self) -> int:
        return self.scope_combo.currentIndex()

    def options(self) -> SearchOptions:
        return SearchOptions(
            self.find_edit.text(),
            self.case_button.isChecked(),
            self.word_button.isChecked(),
            self.regex_button.isChecked(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.find_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    # -- searching ---------------------------------------------------------------------------
    def _schedule_refresh(self, *_args: object) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        palette = self.status_label.palette()
        color = QColor("#c62828") if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.status_label.setPalette(palette)

    def refresh(self, move: bool = False) -> None:
        """Recompile the search and update highlights, results and the status.

        ``move`` (the search text changed) selects the first match from the cursor on.
        """
        try:
            self._pattern = compile_search(self.options())
        except SearchError as exc:
            self._pattern = None
            self._set_status(self.tr("Invalid pattern: %1").replace("%1", str(exc)), error=True)
            self.editor.setExtraSelections([])
            self.results.clear()
            return
        issue_scope = self.scope == SCOPE_ISSUE
        self.results.setVisible(issue_scope and self.isVisible())
        if issue_scope:
            self._refresh_issue()
        self._refresh_card(move and not issue_scope)

    def _card_matches(self) -> tuple[str, Utf16Map, list[tuple[int, int]]]:
        text = self.editor.toPlainText()
        if self._pattern is None:
            return text, Utf16Map(""), []
        return text, Utf16Map(text), find_all(self._pattern, text)

    def _refresh_card(self, move: bool) -> None:
        text, umap, matches = self._card_matches()
        if move and matches:
            start = umap.from_qt(self.editor.textCursor().selectionStart())
            self._select(next((m for m in matches if m[0] >= start), matches[0]), umap)
        self._highlight(matches, umap)
        if self.scope == SCOPE_CARD:
            self._card_status(matches, umap)

    def _card_status(self, matches: list[tuple[int, int]], umap: Utf16Map) -> None:
        if self._pattern is None:
            self._set_status("")
        elif not matches:
            self._set_status(self.tr("No matches"), error=True)
        else:
            current = self._current_index(matches, umap)
            position = str(current + 1) if current is not None else "–"
            self._set_status(
                self.tr("%1 of %2").replace("%1", position).replace("%2", str(len(matches)))
            )

    def _current_index(self, matches: list[tuple[int, int]], umap: Utf16Map) -> int | None:
        cursor = self.editor.textCursor()
        selection = (umap.from_qt(cursor.selectionStart()), umap.from_qt(cursor.selectionEnd()))
        try:
            return matches.index(selection)
        except ValueError:
            return None

    def _highlight(self, matches: list[tuple[int, int]], umap: Utf16Map) -> None:
        selections = []
        color = QColor(255, 200, 0, 110)
        for start, end in matches[:MAX_HIGHLIGHTS]:
            extra = QTextEdit.ExtraSelection()
            extra.format.setBackground(color)
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(umap.to_qt(start))
            cursor.setPosition(umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            extra.cursor = cursor
            selections.append(extra)
        self.editor.setExtraSelections(selections)

    def _select(self, match: tuple[int, int], umap: Utf16Map) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(umap.to_qt(match[0]))
        cursor.setPosition(umap.to_qt(match[1]), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _step(self, forward: bool) -> None:
        if self.scope == SCOPE_ISSUE:
            self._step_results(forward)
            return
        text, umap, matches = self._card_matches()
        if not matches:
            self._card_status(matches, umap)
            return
        cursor = self.editor.textCursor()
        if forward:
            after = umap.from_qt(cursor.selectionEnd())
            found = next((m for m in matches if m[0] >= after), matches[0])
        else:
            before = umap.from_qt(cursor.selectionStart())
            found = next((m for m in reversed(matches) if m[1] <= before), matches[-1])
        self._select(found, umap)
        self._card_status(matches, umap)

    def find_next(self) -> None:
        if not self.isVisible():
            self.open()
        self._step(True)

    def find_previous(self) -> None:
        if not self.isVisible():
            self.open()
        self._step(False)

    # -- whole issue -------------------------------------------------------------------------
    def _refresh_issue(self) -> None:
        self.results.clear()
        self._results = (
            [] if self._pattern is None else search_issue(self.document.issue, self._pattern)
        )
        numbers = compute_numbers(self.document.issue)
        for index, match in enumerate(self._results):
            card = self.document.issue.cards[match.card_id]
            where = self.tr("title") if match.field == "title" else self._snippet(match)
            label = f"{numbers.display(match.card_id)}  {card.title or self.tr('(untitled)')}"
            item = QListWidgetItem(f"{label}  ·  {where}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.results.addItem(item)
        if self._pattern is None:
            self._set_status("")
        elif not self._results:
            self._set_status(self.tr("No matches"), error=True)
        else:
            cards = len({m.card_id for m in self._results})
            self._set_status(
                self.tr("%n match(es) in %1", "", len(self._results)).replace(
                    "%1", self.tr("%n card(s)", "", cards)
                )
            )

    @staticmethod
    def _snippet(match: IssueMatch) -> str:
        """The match with some context from its line."""
        line, column = match.line, match.column
        length = match.end - match.start
        start = max(0, column - SNIPPET)
        end = min(len(line), column + length + SNIPPET)
        text = line[start:end].strip()
        return ("…" if start > 0 else "") + text + ("…" if end < len(line) else "")

    def results_count(self) -> int:
        return len(self._results)

    def _activate_item(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None and 0 <= index < len(self._results):
            self.activate_result(index)

    def activate_result(self, index: int) -> None:
        match = self._results[index]
        self.results.setCurrentRow(index)
        self.matchActivated.emit(match)
        self.jumpRequested.emit(match.card_id, match.start if match.field == "body" else -1)

    def _step_results(self, forward: bool) -> None:
        if not self._results:
            return
        row = self.results.currentRow()
        if row < 0:
            row = 0 if forward else len(self._results) - 1
        else:
            row = (row + (1 if forward else -1)) % len(self._results)
        self.activate_result(row)

    # -- replacing ---------------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the selected match in the editor, then go to the next one."""
        if self.document.read_only or self._pattern is None:
            return
        text, umap, _ = self._card_matches()
        cursor = self.editor.textCursor()
        start, end = umap.from_qt(cursor.selectionStart()), umap.from_qt(cursor.selectionEnd())
        match = self._pattern.fullmatch(text, start, end) if end > start else None
        if match is not None:
            try:
                replacement = expand(match, self.replace_edit.text(), self.regex_button.isChecked())
            except SearchError as exc:
                self._set_status(str(exc), error=True)
                return
            cursor.insertText(replacement)
            self.editor.setTextCursor(cursor)
        if self.scope == SCOPE_ISSUE:
            self._refresh_issue()
            self._next_result_after_current()
        else:
            self._step(True)

    def _next_result_after_current(self) -> None:
        """After a replacement in issue scope, show the next match at or after the cursor."""
        card_id = getattr(self.parent(), "current_card_id", None)
        position = Utf16Map(self.editor.toPlainText()).from_qt(self.editor.textCursor().position())
        order = {cid: i for i, cid in enumerate(c.id for c in self.document.issue.ordered_cards())}
        here = (order.get(card_id, -1), 1, position)
        for index, match in enumerate(self._results):
            key = (order.get(match.card_id, -1), 0 if match.field == "title" else 1, match.start)
            if key >= here:
                self.activate_result(index)
                return
        if self._results:
            self.activate_result(0)

    def replace_all(self) -> int:
        """Replace every match in the scope; returns how many were replaced."""
        if self.document.read_only or self._pattern is None:
            return 0
        replacement = self.replace_edit.text()
        regex = self.regex_button.isChecked()
        try:
            if self.scope == SCOPE_ISSUE:
                count = self._replace_all_issue(replacement, regex)
            else:
                count = self._replace_all_card(replacement, regex)
        except SearchError as exc:
            self._set_status(str(exc), error=True)
            return 0
        self.refresh(move=False)
        self._set_status(self.tr("Replaced %1").replace("%1", str(count)))
        return count

    def _replace_all_card(self, replacement: str, regex: bool) -> int:
        text = self.editor.toPlainText()
        assert self._pattern is not None
        edits = replacements(self._pattern, text, replacement, regex)
        if not edits:
            return 0
        umap = Utf16Map(text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()  # one step of the editor's undo
        for start, end, value in reversed(edits):
            cursor.setPosition(umap.to_qt(start))
            cursor.setPosition(umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(value)
        cursor.endEditBlock()
        return len(edits)

    def _replace_all_issue(self, replacement: str, regex: bool) -> int:
        changes, count = replace_in_issue(self.document.issue, self._pattern, replacement, regex)
        if not changes:
            return 0
        description = self.tr("Replace All “%1”").replace("%1", self.find_edit.text())
        stack = self.document.undo_stack
        stack.beginMacro(description)
        try:
            for (card_id, field), value in changes.items():
                if field == "body":
                    self.document.replace_card_body(card_id, value, description)
                else:
                    self.document.set_field(card_id, field, value, description)
        finally:
            stack.endMacro()
        return count
