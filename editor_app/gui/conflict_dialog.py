"""Shown when a card changed on disk while it also has unsaved edits here.

Nothing is written to the card while it is open; the editor must pick one of the three
choices (Escape and the close button do not decide for them).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from editor_app.gui.document import KEEP_BOTH, KEEP_MINE, TAKE_THEIRS


class ConflictDialog(QDialog):
    def __init__(
        self,
        mine: tuple[str, str],
        theirs: tuple[str, str],
        parent: QWidget | None = None,
    ):
        """``mine`` and ``theirs`` are (title, body) of the editor's card and of the file's."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card changed on disk"))
        self.choice = ""
        layout = QGridLayout(self)
        intro = QLabel(
            self.tr(
                "“%1” was changed by another program while you were editing it. Nothing is "
                "saved to it until you choose which version to keep."
            ).replace("%1", mine[0]),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro, 0, 0, 1, 2)
        layout.addWidget(QLabel(self.tr("Your version (not yet saved)"), self), 1, 0)
        layout.addWidget(QLabel(self.tr("The version now on disk"), self), 1, 1)
        self.views: list[QPlainTextEdit] = []
        for column, (title, body) in enumerate((mine, theirs)):
            heading = QLabel(self.tr("Title: %1").replace("%1", title), self)
            heading.setWordWrap(True)
            layout.addWidget(heading, 2, column)
            view = QPlainTextEdit(body, self)
            view.setReadOnly(True)
            layout.addWidget(view, 3, column)
            self.views.append(view)
        both_help = QLabel(
            self.tr(
                "Keep both: the card takes the version on disk, and your version is added as a "
                "new card right after it, titled “… (my version)”."
            ),
            self,
        )
        both_help.setWordWrap(True)
        layout.addWidget(both_help, 4, 0, 1, 2)
        buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self.tr("Keep &mine"), self)
        self.theirs_button = QPushButton(self.tr("&Take the file's"), self)
        self.both_button = QPushButton(self.tr("Keep &both"), self)
        for button, choice in (
            (self.mine_button, KEEP_MINE),
            (self.theirs_button, TAKE_THEIRS),
            (self.both_button, KEEP_BOTH),
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
        layout.addWidget(buttons, 5, 0, 1, 2)
        self.resize(900, 560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Escape and the close button: ignored, since closing the dialog is not a choice."""
