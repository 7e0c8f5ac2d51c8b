"""File > Import: create an issue from a Markdown or plain-text newsletter issue.

The import runs off the UI thread; afterwards the dialog lists what the importer guessed
(for the editor to review in the outline) and offers to open the new issue.
"""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MastheadError
from editor_app.core.importers import Guess, import_file
from editor_app.core.model import Issue
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text, message_catalog
from editor_app.gui.theme import set_icon
from editor_app.gui.workers import run_in_thread

ERROR_COLOR = "#d64545"
LineRole = Qt.ItemDataRole.UserRole


class ImportDialog(QDialog):
    """Choose a file, import it into ``library``; ``imported_folder`` is the new issue.

    exec() returns Accepted when the editor chose "Open the new issue". The issue exists as
    soon as the import succeeded, so check ``imported_folder`` (or the ``imported`` signal)
    to refresh a library view even when the dialog is closed instead.
    """

    imported = Signal(Path)  # the new issue's folder
    failed = Signal(str)  # the message shown (it names the file and, where known, the line)

    def __init__(self, library: Path, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.library = Path(library)
        self.imported_folder: Path | None = None
        self.issue: Issue | None = None
        self.guesses: list[Guess] = []
        self._running = False
        self.setWindowTitle(self.tr("Import Issue"))
        self.setMinimumWidth(520)

        self.path_edit = QLineEdit(str(path) if path else "", self)
        self.path_edit.setPlaceholderText(self.tr("A Markdown (.md) or text (.txt) file"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        set_icon(self.browse_button, "mdi6.folder-search-outline")
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File"), self)
        file_label.setBuddy(self.path_edit)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Automatic (by name and content)"), "auto")
        self.format_combo.addItem(self.tr("Markdown"), "markdown")
        self.format_combo.addItem(self.tr("Plain text copied from a web page"), "text")
        self.slug_edit = QLineEdit(self)
        self.slug_edit.setPlaceholderText(self.tr("optional: from the issue's title"))
        self.slug_edit.setToolTip(
            self.tr("The new issue's folder name: letters, digits, '.', '_' and '-'.")
        )
        library_label = QLabel(str(self.library), self)
        library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        library_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(file_label, path_row)
        form.addRow(self.tr("F&ormat"), self.format_combo)
        form.addRow(self.tr("Folder &name"), self.slug_edit)
        form.addRow(self.tr("Library"), library_label)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the importers do not report steps
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guess_label = QLabel(self.tr("What Masthead guessed"), self)
        font = self.guess_label.font()
        font.setBold(True)
        self.guess_label.setFont(font)
        self.guess_list = QListWidget(self)
        self.guess_list.setWordWrap(True)
        self.guess_list.setAlternatingRowColors(True)
        self.guess_list.setMinimumHeight(160)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        set_icon(self.import_button, "mdi6.file-import-outline")
        self.open_button = self.buttons.addButton(
            self.tr("&Open the New Issue"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.guess_label)
        layout.addWidget(self.guess_list, 1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.browse)
        self.import_button.clicked.connect(self.start_import)
        self.open_button.clicked.connect(self.accept)
        self.close_button.clicked.connect(self.reject)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.path_edit.returnPressed.connect(self.start_import)
        self._show_guesses(None)
        self._update_buttons()

    # -- choosing ----------------------------------------------------------------------------
    def browse(self) -> None:
        current = self.path_edit.text().strip()
        start = str(Path(current).parent) if current else str(Path.home())
        with kept_focus():
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import Issue"),
                start,
                self.tr("Newsletter files (*.md *.markdown *.txt *.text);;All files (*)"),
            )
        if chosen:
            self.path_edit.setText(chosen)
            self.import_button.setFocus()

    def _update_buttons(self) -> None:
        can_import = bool(self.path_edit.text().strip()) and not self._running
        can_import = can_import and self.imported_folder is None
        self.import_button.setEnabled(can_import)
        self.import_button.setDefault(can_import)
        for widget in (self.path_edit, self.browse_button, self.format_combo, self.slug_edit):
            widget.setEnabled(not self._running and self.imported_folder is None)

    # -- importing ---------------------------------------------------------------------------
    def start_import(self) -> None:
        """Import the chosen file off the UI thread (nothing happens while one runs)."""
        text = self.path_edit.text().strip()
        if self._running or not text or self.imported_folder is not None:
            return
        path = Path(text).expanduser()
        fmt = self.format_combo.currentData() or "auto"
        slug = self.slug_edit.text().strip() or None
        library = self.library

        def work() -> tuple[Issue, list[Guess]] | MastheadError:
            try:
                return import_file(path, library, fmt=fmt, slug=slug)
            except MastheadError as exc:  # typed errors carry the file and line
                return exc

        self._running = True
        self.progress.setVisible(True)
        self._set_status(self.tr("Importing %1…").replace("%1", path.name))
        self._update_buttons()
        run_in_thread(work, self._done, self._failed, self)

    def _done(self, result: tuple[Issue, list[Guess]] | MastheadError) -> None:
        self._running = False
        self.progress.setVisible(False)
        if isinstance(result, MastheadError):
            self._fail(self.tr("Could not import: %1").replace("%1", error_text(result)))
            return
        issue, guesses = result
        self.issue, self.guesses = issue, list(guesses)
        self.imported_folder = issue.folder
        cards = len(issue.cards)
        sections = len(issue.sections)
        summary = self.tr("Created “%1” in %2: %3, %4.")
        summary = (
            summary.replace("%1", issue.title or self.tr("untitled"))
            .replace("%2", str(issue.folder))
            .replace("%3", self.tr("%n section(s)", "", sections))
            .replace("%4", self.tr("%n card(s)", "", cards))
        )
        self._set_status(summary)
        self._show_guesses(self.guesses)
        self._update_buttons()
        self.open_button.setEnabled(True)
        self.open_button.setDefault(True)
        self.open_button.setFocus()
        if issue.folder is not None:
            self.imported.emit(issue.folder)

    def _failed(self, message: str) -> None:
        self._running = False
        self.progress.setVisible(False)
        first = message.splitlines()[0] if message else self.tr("unknown error")
        self._fail(self.tr("Could not import: %1").replace("%1", first))

    def _fail(self, text: str) -> None:
        self._set_status(text, error=True)
        self._update_buttons()
        self.failed.emit(text)

    def _show_guesses(self, guesses: list[Guess] | None) -> None:
        self.guess_list.clear()
        if guesses is None:
            hint = self.tr("After the import, what the importer inferred is listed here.")
            self._placeholder(hint)
            return
        if not guesses:
            self._placeholder(self.tr("Nothing was guessed: the file was read as written."))
            return
        icon = qta.icon("mdi6.lightbulb-on-outline", color="#d08c00")
        messages = message_catalog()
        for guess in guesses:
            said = messages.guess(guess)
            text = (
                self.tr("Line %1: %2").replace("%1", str(guess.line)).replace("%2", said)
                if guess.line
                else said
            )
            item = QListWidgetItem(icon, text, self.guess_list)
            item.setData(LineRole, guess.line or 0)
        self.guess_label.setText(
            self.tr("What Masthead guessed (%1): review it in the outline").replace(
                "%1", str(len(guesses))
            )
        )

    def _placeholder(self, text: str) -> None:
        item = QListWidgetItem(text, self.guess_list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status.setText(text)

    def reject(self) -> None:
        if self._running:
            return  # the import finishes in a moment; closing now would hide its result
        super().reject()
