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
        merge: bool = False,
    ):
        """``mine`` and ``theirs`` are (title, body) of the editor's card and of the file's.

        With ``merge`` the two sides are the versions of a file git could not merge (ours and
        the other editor's); "Keep both" is not offered there, the file holds one text.
        """
        super().__init__(parent)
        self.choice = ""
        self.merge = merge
        layout = QGridLayout(self)
        if merge:
            self.setWindowTitle(self.tr("Conflict after Sync"))
            text = self.tr(
                "“%1” was changed here and by another editor, and git could not merge the two. "
                "Choose the version to keep; the file is marked resolved."
            )
            headings = (self.tr("Your version"), self.tr("The other editor's version"))
        else:
            self.setWindowTitle(self.tr("Card changed on disk"))
            text = self.tr(
                "“%1” was changed by another program while you were editing it. Nothing is "
                "saved to it until you choose which version to keep."
            )
            headings = (self.tr("Your version (not yet saved)"), self.tr("The version now on disk"))
        intro = QLabel(text.replace("%1", mine[0]), self)
        intro.setWordWrap(True)
        layout.addWidget(intro, 0, 0, 1, 2)
        layout.addWidget(QLabel(headings[0], self), 1, 0)
        layout.addWidget(QLabel(headings[1], self), 1, 1)
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
        both_help.setVisible(not merge)
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
        self.both_button.setVisible(not merge)
        if merge:
            self.theirs_button.setText(self.tr("&Take theirs"))
        self.resize(900, 560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Escape and the close button: ignored for an open card, since closing the dialog is
        not a choice there; after a sync the file simply stays conflicted for later."""
        if self.merge:
            super().reject()
