"""The Sync panel: the library's git status, commit, and Sync (pull, then push).

Every git command runs on a worker thread on plain data (the library's path); only Sync
reaches the network. Files git could not merge are listed first; opening one shows the two
versions side by side and writes the one chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
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

from editor_app.core.gitmerge import git, sync
from editor_app.gui.conflict_dialog import ConflictDialog
from editor_app.gui.document import KEEP_MINE, TAKE_THEIRS
from editor_app.gui.focus import kept_focus
from editor_app.gui.workers import run_in_thread

CONFLICT_COLOR = QColor("#c62828")


def _status_of(library: Path) -> tuple[bool, list[tuple[git.ChangedFile, str]], bool]:
    if not git.is_repository(library):
        return False, [], False
    changes = [(c, sync.describe_path(library, c.path)) for c in git.status(library)]
    return True, changes, sync.merging(library)


def _sync_library(library: Path, report: Callable[[str], None]) -> sync.SyncResult:
    report("pull")
    pulled = sync.pull(library)
    if pulled.conflicts:
        return pulled
    report("push")
    pushed = sync.push(library)
    pushed.output = "\n".join(p for p in (pulled.output, pushed.output) if p)
    return pushed


class SyncPanel(QWidget):
    """Dock content for a library kept in git. ``save_first`` saves the open issue."""

    changed = Signal()  # after a pull or a resolution wrote files under the library

    def __init__(
        self,
        library: Path | Callable[[], Path],
        save_first: Callable[[], bool],
        parent: QWidget | None = None,
    ):
        """``library`` is the folder, or a function giving the window's current library."""
        super().__init__(parent)
        self._library = library
        self.save_first = save_first
        self.busy = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.itemActivated.connect(self._open_item)
        self.message = QLineEdit(self)
        self.message.setPlaceholderText(self.tr("Commit message"))
        self.message.returnPressed.connect(self.commit)
        self.commit_button = QPushButton(self.tr("&Commit"), self)
        self.commit_button.clicked.connect(self.commit)
        self.sync_button = QPushButton(self.tr("S&ync"), self)
        self.sync_button.setToolTip(self.tr("Pull the other editors' changes, then push yours"))
        self.sync_button.clicked.connect(self.sync)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.commit_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        QShortcut(
            QKeySequence("F5"),
            self,
            self.refresh,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.setFocusProxy(self.files)
        self.is_repository = False
        self.refresh()

    @property
    def library(self) -> Path:
        return Path(self._library() if callable(self._library) else self._library)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    # -- status --------------------------------------------------------------------------
    def refresh(self) -> None:
        library = self.library
        run_in_thread(lambda: _status_of(library), self._show_status, self._show_error, owner=self)

    def _show_status(self, status: tuple[bool, list[tuple[git.ChangedFile, str]], bool]) -> None:
        self.is_repository, described, merging = status
        changes = [change for change, _ in described]
        self.files.clear()
        if not self.is_repository:
            self.summary.setText(
                self.tr(
                    "This library is not in a git repository. Put it in one (git init) and run "
                    "“masthead git-setup” once to share it with other editors."
                )
            )
        conflicts = [c for c in changes if c.conflicted]
        for change, name in sorted(described, key=lambda d: (not d[0].conflicted, d[0].path)):
            item = QListWidgetItem(f"{self._state_label(change.state)}  {name}", self.files)
            item.setData(Qt.ItemDataRole.UserRole, change.path)
            item.setToolTip(change.path)
            if change.conflicted:
                item.setForeground(QBrush(CONFLICT_COLOR))
                item.setToolTip(self.tr("Press Enter to choose a version"))
        if self.is_repository:
            if conflicts:
                text = self.tr(
                    "%n file(s) could not be merged: open each to choose a version.",
                    "",
                    len(conflicts),
                )
            elif merging:
                text = self.tr("Every conflict is resolved: Commit finishes the merge.")
            elif changes:
                text = self.tr("%n changed file(s) not yet committed.", "", len(changes))
            else:
                text = self.tr("Everything is committed.")
            self.summary.setText(text)
        self._enable()

    def _state_label(self, state: str) -> str:
        return {
            "modified": self.tr("changed"),
            "added": self.tr("new"),
            "untracked": self.tr("new"),
            "deleted": self.tr("deleted"),
            "renamed": self.tr("renamed"),
            "conflict": self.tr("CONFLICT"),
        }.get(state, state)

    def _enable(self) -> None:
        for widget in (self.commit_button, self.sync_button, self.message):
            widget.setEnabled(self.is_repository and not self.busy)
        self.refresh_button.setEnabled(not self.busy)
        self.progress.setVisible(self.busy)

    # -- commands ------------------------------------------------------------------------
    def _start(self, label: str) -> None:
        self.busy = True
        self.result.setText(label)
        self._enable()

    def _finished(self, text: str) -> None:
        self.busy = False
        self.result.setText(text)
        self._enable()
        self.refresh()

    def _show_error(self, message: str) -> None:
        self._finished(self.tr("Git failed: %1").replace("%1", message.splitlines()[0]))

    def commit(self) -> None:
        if self.busy or not self.is_repository:
            return
        self.save_first()
        library, message = self.library, self.message.text()

        def work() -> sync.SyncResult:
            # After a pull with conflicts, Commit concludes the merge (message optional).
            if sync.merging(library):
                return sync.finish_merge(library, message)
            return sync.commit_all(library, message)

        self._start(self.tr("Committing…"))
        run_in_thread(work, self._committed, self._show_error, owner=self)

    def _committed(self, result: sync.SyncResult) -> None:
        if result.nothing_to_do:
            self._finished(self.tr("Nothing to commit."))
            return
        self.message.clear()
        self._finished(self.tr("Committed."))

    def sync(self) -> None:
        if self.busy or not self.is_repository:
            return
        self.save_first()
        library = self.library
        self._start(self.tr("Pulling…"))
        run_in_thread(
            lambda report: _sync_library(library, report),
            self._synced,
            self._show_error,
            owner=self,
            on_progress=self._sync_step,
        )

    def _sync_step(self, step: str) -> None:
        self.result.setText(self.tr("Pulling…") if step == "pull" else self.tr("Pushing…"))

    def _synced(self, result: sync.SyncResult) -> None:
        self.changed.emit()
        lines = []
        if result.kept_cards:
            lines.append(
                self.tr(
                    "Kept %n card(s) deleted by the other side but edited here:",
                    "",
                    len(result.kept_cards),
                )
                + " "
                + ", ".join(result.kept_cards)
            )
        if result.conflicts:
            lines.append(self.tr("Pulled with conflicts: choose a version for each file in red."))
        else:
            lines.append(self.tr("Synced."))
        self._finished("\n".join(lines))

    def _open_item(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if not item.text().startswith(self._state_label("conflict")):
            return
        self.resolve(path)

    def resolve(
        self, path: str, dialog_factory: Callable[..., ConflictDialog] = ConflictDialog
    ) -> None:
        """Show the two versions of ``path``; write and mark resolved the one chosen."""
        try:
            ours, theirs = sync.conflict_versions(self.library, path)
        except (OSError, git.GitError) as exc:
            self.result.setText(
                self.tr("Cannot read %1: %2").replace("%1", path).replace("%2", str(exc))
            )
            return
        dialog = dialog_factory((path, ours), (path, theirs), self, merge=True)
        with kept_focus():
            dialog.exec()
        if dialog.choice not in {KEEP_MINE, TAKE_THEIRS}:
            return
        text = ours if dialog.choice == KEEP_MINE else theirs
        try:
            sync.resolve_file(self.library, path, text)
        except (OSError, git.GitError) as exc:
            self.result.setText(str(exc))
            return
        self.changed.emit()
        self.refresh()
