"""Move to Issue: the chooser of a target issue and section, and the move itself.

The dialog lists the other issues of the library (the folder holding this issue), newest
first; typing filters them, Up/Down moves in the list from the filter field, and the section
box lists the chosen issue's sections plus a new section named like the card's own (the
default is the last section, or the new one when the issue has none). Issues open in another
Masthead window are listed but cannot be chosen. The move writes the target on disk
(``core.card_transfer``) and removes the cards from this issue as one undoable step
(``undo_commands.MoveToIssueCommand``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import outline as ops
from editor_app.core.card_transfer import NEW_SECTION, top_level_selection, transfer_cards
from editor_app.core.errors import IssueLockedError, MastheadError
from editor_app.core.issue_format import parse_manifest
from editor_app.core.library import IssueSummary, list_issues
from editor_app.core.lock import LockInfo, window_holder
from editor_app.core.model import Section
from editor_app.core.storage import manifest_path, read_text
from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus
from editor_app.gui.undo_commands import MoveToIssueCommand

FolderRole = Qt.ItemDataRole.UserRole
TitleRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class MoveTarget:
    folder: Path
    title: str
    section: str  # a section id of the target, or NEW_SECTION


def target_sections(folder: Path) -> list[Section]:
    """The sections of the issue in ``folder`` (read from issue.yaml only; [] if unreadable)."""
    path = manifest_path(folder)
    try:
        issue, _children = parse_manifest(read_text(path), path)
    except MastheadError:
        return []
    return issue.sections


class MoveToIssueDialog(QDialog):
    def __init__(
        self,
        issues: list[IssueSummary],
        holders: dict[Path, LockInfo | None],
        new_section_name: str,
        count: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("MoveToIssueDialog")
        self.setWindowTitle(self.tr("Move to Issue"))
        self.new_section_name = new_section_name
        self._sections: list[Section] = []
        intro = QLabel(self.tr("Move %n card(s) to another issue of the library:", "", count))
        intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to filter the issues…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for summary in issues:
            self._add_item(summary, holders.get(summary.folder))
        self.section = QComboBox(self)
        self.section.setMinimumContentsLength(24)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Section:"), self.section)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._issue_changed())
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.resize(520, 440)
        self._select_first()
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_item(self, summary: IssueSummary, holder: LockInfo | None) -> None:
        details = [summary.title, summary.slug]
        if summary.date:
            details.append(summary.date.isoformat())
        details.append(self.tr("%n card(s)", "", summary.cards))
        tip = [str(summary.folder)]
        if summary.error:
            details.append(self.tr("cannot be read"))
            tip.append(summary.error)
        elif holder is not None:
            details.append(self.tr("open in another window"))
            tip.append(
                self.tr("Open in another Masthead window (process %1 on %2).")
                .replace("%1", str(holder.pid))
                .replace("%2", holder.host)
            )
        item = QListWidgetItem("  ·  ".join(details), self.list)
        item.setData(FolderRole, str(summary.folder))
        item.setData(TitleRole, summary.title)
        item.setToolTip("\n".join(tip))
        if summary.error or holder is not None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)

    # -- choosing ------------------------------------------------------------------------------
    def _usable(self, item: QListWidgetItem) -> bool:
        return not item.isHidden() and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _select_first(self) -> None:
        for row in range(self.list.count()):
            if self._usable(self.list.item(row)):
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)
        self._issue_changed()

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.data(FolderRole)}".lower()
            item.setHidden(not all(w in haystack for w in words))
        current = self.list.currentItem()
        if current is None or not self._usable(current):
            self._select_first()

    def _issue_changed(self) -> None:
        item = self.list.currentItem()
        usable = item is not None and self._usable(item)
        self.section.clear()
        self._sections = target_sections(Path(item.data(FolderRole))) if usable else []
        for number, section in enumerate(self._sections, start=1):
            name = " ".join(part for part in (section.emoji, section.title) if part)
            self.section.addItem(f"{number}. {name}" if name else f"{number}.", section.id)
        new_label = self.tr("New section “%1”").replace("%1", self.new_section_name)
        self.section.addItem(new_label, NEW_SECTION)
        self.section.setCurrentIndex(max(0, len(self._sections) - 1))
        self.section.setEnabled(usable)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(usable)
        visible = any(not self.list.item(r).isHidden() for r in range(self.list.count()))
        self.note.setText("" if visible else self.tr("No issue matches."))
        self.note.setVisible(not visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                               Qt.Key.Key_PageDown):  # fmt: skip
                QApplication.sendEvent(self.list, QKeyEvent(event))
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def chosen(self) -> MoveTarget | None:
        item = self.list.currentItem()
        if item is None or not self._usable(item):
            return None
        section = self.section.currentData()
        return MoveTarget(Path(item.data(FolderRole)), item.data(TitleRole), section or NEW_SECTION)


def choose_target(
    parent: QWidget | None,
    issues: list[IssueSummary],
    holders: dict[Path, LockInfo | None],
    new_section_name: str,
    count: int,
) -> MoveTarget | None:
    """The issue and section the editor picks, None when cancelled (tests replace this)."""
    dialog = MoveToIssueDialog(issues, holders, new_section_name, count, parent)
    try:
        with kept_focus():
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted else None
    finally:
        dialog.deleteLater()


def other_issues(document: IssueDocument) -> list[IssueSummary]:
    """The library's issues other than this one (the library is the issue's parent folder)."""
    here = document.folder.resolve()
    return [s for s in list_issues(document.folder.parent) if s.folder.resolve() != here]


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    with kept_focus():
        QMessageBox.warning(parent, title, text)


def locked_message(exc: IssueLockedError, title: str) -> str:
    holder = window_holder(exc.path) if exc.path is not None else None
    if holder is not None:
        return (
            QCoreApplication.translate("MoveToIssue", "“%1” is open in another Masthead window (process %2 on %3). Close it there, "
                "then move the card again.")
            .replace("%1", title).replace("%2", str(holder.pid)).replace("%3", holder.host)
        )  # fmt: skip
    return QCoreApplication.translate(
        "MoveToIssue", "“%1” is being written by another program; try again in a moment."
    ).replace("%1", title)


Describe = Callable[[int, str], str]  # (number of cards, target title) -> text


def move_cards_to_issue(
    document: IssueDocument,
    card_ids: list[str],
    parent: QWidget | None,
    undo_text: Describe,
    done_text: Describe,
) -> str:
    """Ask where, then move; returns ``done_text`` for the status bar ("" when nothing
    happened). ``undo_text`` names the undo step. Refusals (the target open elsewhere, an id
    it already has) are shown in a message box."""
    issue = document.issue
    cards = top_level_selection(issue, card_ids)
    if not cards or document.read_only:
        return ""
    issues = other_issues(document)
    if not issues:
        _warn(
            parent,
            QCoreApplication.translate("MoveToIssue", "Move to Issue"),
            QCoreApplication.translate("MoveToIssue", "The library has no other issue to move to."),
        )
        return ""
    if any(document.in_conflict(c) for top in cards for c in ops.subtree_ids(issue, top)):
        _warn(
            parent,
            QCoreApplication.translate("MoveToIssue", "Move to Issue"),
            QCoreApplication.translate(
                "MoveToIssue",
                "The card changed on disk while you edited it; choose a version first.",
            ),
        )
        return ""
    home = ops.section_of(issue, cards[0])
    holders = {s.folder: window_holder(s.folder) for s in issues}
    target = choose_target(parent, issues, holders, home.title, len(cards))
    if target is None:
        return ""
    document.save()  # the target gets what the editor shows, and the journal is cleared
    try:
        receipt = transfer_cards(
            issue, cards, target.folder, target.section, home.title, home.emoji
        )
    except IssueLockedError as exc:
        _warn(
            parent,
            QCoreApplication.translate("MoveToIssue", "Card Not Moved"),
            locked_message(exc, target.title),
        )
        return ""
    except (MastheadError, OSError) as exc:
        message = exc.describe() if isinstance(exc, MastheadError) else str(exc)
        _warn(parent, QCoreApplication.translate("MoveToIssue", "Card Not Moved"), message)
        return ""
    parent_id, index = ops.parent_of(issue, cards[0])

    def change(i):  # noqa: ANN001, ANN202
        for card_id in cards:
            ops.remove_card(i, card_id)
        siblings = ops.children_of(i, parent_id)
        return siblings[min(index, len(siblings) - 1)] if siblings else parent_id

    def notify(message: str) -> None:
        # Later: an undo step must not open a dialog while the stack is still working.
        QTimer.singleShot(
            0,
            lambda: _warn(
                parent, QCoreApplication.translate("MoveToIssue", "Undo Not Possible"), message
            ),
        )

    text = undo_text(len(cards), target.title)
    command = partial(MoveToIssueCommand, receipt=receipt, notify=notify,
                      new_section=(home.title, home.emoji))  # fmt: skip
    document.edit_outline(text, change, lambda n: [n], command=command)
    return done_text(len(cards), target.title)
