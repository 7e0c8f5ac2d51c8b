"""What the window tells the user about the open issue's files, and the questions it asks.

Opened read-only (another window holds the lock), text recovered from the journal after a
crash, an autosave that failed, a card or issue.yaml changed on disk while it was being
edited here (the user chooses), and a reload of what changed outside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box; the focus goes back where it was once it is closed."""
    show = {
        QMessageBox.Icon.Critical: QMessageBox.critical,
        QMessageBox.Icon.Warning: QMessageBox.warning,
    }.get(icon, QMessageBox.information)
    with kept_focus():
        show(parent, title, text)


class IssueNotices(QObject):
    """Answers the file events of each document the window opens."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def watch(self, doc: IssueDocument) -> None:
        """Answer the file events of ``doc`` from now on."""
        doc.saveFailed.connect(self._save_failed)
        doc.conflict.connect(self._card_conflict)
        doc.manifestConflict.connect(self._manifest_conflict)
        doc.externallyReloaded.connect(self._reloaded)

    def announce_soon(self, doc: IssueDocument) -> None:
        """Say how ``doc`` was opened (read-only, text recovered) once the window shows it."""
        # Messages after the window shows, so they appear on top of it.
        QTimer.singleShot(0, lambda: self._announce(doc))

    def _announce(self, doc: IssueDocument) -> None:
        if doc.read_only:
            holder = doc.lock.holder
            who = (
                self.tr(" (process %1 on %2)")
                .replace("%1", str(holder.pid))
                .replace("%2", str(holder.host))
                if holder
                else ""
            )
            self.window.statusBar().showMessage(
                self.tr("Opened read-only: the issue is open in another window") + who
            )
            show_message(
                self.window,
                QMessageBox.Icon.Information,
                self.tr("Opened read-only"),
                self.tr(
                    "This issue is already open in another Masthead window%1. It is opened read-only here so that nothing is overwritten."
                ).replace("%1", who),
            )
        if doc.recovered:
            names = [doc.card(c).title or c for c in doc.recovered if doc.has_card(c)]
            show_message(
                self.window,
                QMessageBox.Icon.Information,
                self.tr("Recovered unsaved text"),
                self.tr(
                    "Masthead was closed before it could save. The text typed in these cards was recovered:\n\n%1"
                ).replace("%1", "\n".join(f"• {n}" for n in names)),
            )

    def _save_failed(self, message: str) -> None:
        show_message(self.window, QMessageBox.Icon.Warning, self.tr("Autosave failed"), message)

    def _card_conflict(self, card_id: str, disk_body: str) -> None:
        from editor_app.gui.conflict_dialog import ConflictDialog

        doc = self.window.workspace.document
        mine = doc.card(card_id)
        theirs = doc.disk_card(card_id)
        their_title = theirs.title if theirs is not None else mine.title
        dialog = ConflictDialog((mine.title, mine.body), (their_title, disk_body), self.window)
        with kept_focus():
            dialog.exec()
        if dialog.choice:  # no choice (the app is quitting): the card stays as it is on disk
            doc.resolve_conflict(card_id, dialog.choice)

    def _manifest_conflict(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Issue changed on disk"), "", parent=self.window
        )
        box.setText(
            self.tr(
                "issue.yaml was changed by another program while your latest changes to the "
                "issue were not yet saved. Keep your version (and overwrite the file), or take "
                "the file's?"
            )
        )
        mine = box.addButton(self.tr("Keep &mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Take the file's"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine)
        with kept_focus():
            box.exec()
        doc = self.window.workspace.document
        doc.resolve_manifest_conflict(keep_mine=box.clickedButton() is mine)

    def _reloaded(self, card_id: str) -> None:
        if card_id:
            message = self.tr("A card was changed on disk and has been reloaded.")
        else:
            message = self.tr("The issue was changed on disk and has been reloaded.")
        self.window.statusBar().showMessage(message, 6000)
