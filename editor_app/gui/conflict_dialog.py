"""Shown when a card changed on disk while it also has unsaved edits here."""

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


class ConflictDialog(QDialog):
    def __init__(self, title: str, mine: str, theirs: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card changed on disk"))
        self.keep_mine = True
        layout = QGridLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "“%1” was changed by another program while you were editing it. Which text should be kept?"
                ).replace("%1", title)
            ),
            0,
            0,
            1,
            2,
        )
        layout.addWidget(QLabel(self.tr("Your text (not yet saved)")), 1, 0)
        layout.addWidget(QLabel(self.tr("The text now on disk")), 1, 1)
        for column, text in enumerate((mine, theirs)):
            view = QPlainTextEdit(text, self)
            view.setReadOnly(True)
            layout.addWidget(view, 2, column)
        buttons = QDialogButtonBox(self)
        mine_btn = QPushButton(self.tr("Keep &mine"), self)
        theirs_btn = QPushButton(self.tr("Take the file's"), self)
        buttons.addButton(mine_btn, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(theirs_btn, QDialogButtonBox.ButtonRole.RejectRole)
        mine_btn.clicked.connect(self._mine)
        theirs_btn.clicked.connect(self._theirs)
        layout.addWidget(buttons, 3, 0, 1, 2)
        self.resize(900, 520)

    def _mine(self) -> None:
        self.keep_mine = True
        self.accept()

    def _theirs(self) -> None:
        self.keep_mine = False
        self.accept()
