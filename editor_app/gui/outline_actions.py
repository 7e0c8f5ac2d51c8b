"""Structural edits on the outline as QActions: each one a single undoable step."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from editor_app.core import outline as ops
from editor_app.core.errors import OutlineError
from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_message
from editor_app.gui.move_to_issue import move_cards_to_issue
from editor_app.gui.outline_view import OutlineView


class OutlineActions(QObject):
    failed = Signal(str)
    message = Signal(str)  # a result for the status bar
    cardCreated = Signal(str)  # a new card the editor should start typing in

    def __init__(self, document: IssueDocument, view: OutlineView, parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.view = document, view
        self.add_section = self._action(
            self.tr("Add &Section"), "mdi6.folder-plus-outline", "Ctrl+Shift+N", self.on_add_section
        )
        self.add_card = self._action(
            self.tr("Add &Card"), "mdi6.card-plus-outline", "Ctrl+Return", self.on_add_card
        )
        self.add_subcard = self._action(
            self.tr("Add S&ub-card"),
            "mdi6.file-tree-outline",
            "Ctrl+Shift+Return",
            self.on_add_subcard,
        )
        self.rename = self._action(self.tr("&Rename"), "mdi6.rename-box", "F2", self.on_rename)
        self.delete = self._action(
            self.tr("&Delete"),
            "mdi6.delete-outline",
            QKeySequence.StandardKey.Delete,
            self.on_delete,
        )
        self.duplicate = self._action(
            self.tr("D&uplicate"), "mdi6.content-duplicate", "Ctrl+D", self.on_duplicate
        )
        self.move_up = self._action(self.tr("Move &Up"), "mdi6.arrow-up", "Alt+Up", self.on_move_up)
        self.move_down = self._action(
            self.tr("Move Do&wn"), "mdi6.arrow-down", "Alt+Down", self.on_move_down
        )
        self.indent = self._action(
            self.tr("&Indent (make sub-card)"),
            "mdi6.format-indent-increase",
            "Alt+Right",
            self.on_indent,
        )
        self.outdent = self._action(
            self.tr("&Outdent"), "mdi6.format-indent-decrease", "Alt+Left", self.on_outdent
        )
        self.move_to_section = self._action(
            self.tr("&Move to Section…"),
            "mdi6.folder-move-outline",
            "Ctrl+Shift+M",
            self.on_move_to_section,
        )
        self.move_to_issue = self._action(
            self.tr("Move to &Issue…"),
            "mdi6.file-move-outline",
            "Ctrl+Alt+M",
            self.on_move_to_issue,
        )
        # Delete must not fire while the tree's inline editor or the body editor has focus.
        for action in (
            self.delete,
            self.rename,
            self.indent,
            self.outdent,
            self.move_up,
            self.move_down,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (
            self.add_section,
            self.add_card,
            self.add_subcard,
            self.duplicate,
            self.move_to_section,
            self.move_to_issue,
        ):
            # Window-wide once the window adds them: they also work from the card editor.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            view.addAction(action)
        document.undo_stack.cleanChanged.connect(lambda _c: None)
        self.set_read_only(document.read_only)

    def _action(self, text: str, icon: str, shortcut, slot) -> QAction:  # noqa: ANN001
        action = QAction(qta.icon(icon), text, self)
        action.setProperty("qtaIcon", icon)  # redrawn in the new colours on a theme change
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        return action

    def all(self) -> list[QAction]:
        return [
            self.add_section, self.add_card, self.add_subcard, self.rename, self.delete,
            self.duplicate, self.move_up, self.move_down, self.indent, self.outdent,
            self.move_to_section, self.move_to_issue,
        ]  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        for action in self.all():
            action.setEnabled(not read_only)

    def _guard(self, slot) -> None:  # noqa: ANN001
        try:
            slot()
        except OutlineError as exc:
            self.failed.emit(error_message(exc))

    # -- targets -----------------------------------------------------------------------------
    def _current_section(self) -> str | None:
        node, kind = self.view.current_id(), self.view.current_kind()
        if kind == "section":
            return node
        if kind == "card":
            return ops.section_of(self.document.issue, node).id
        sections = self.document.issue.sections
        return sections[-1].id if sections else None

    # -- handlers ----------------------------------------------------------------------------
    def on_add_section(self) -> None:
        index = len(self.document.issue.sections)
        current = self._current_section()
        if current:
            index = [s.id for s in self.document.issue.sections].index(current) + 1
        title = self.tr("New section")
        section = self.document.edit_outline(
            self.tr("Add section"),
            lambda issue: ops.add_section(issue, title, "📌", index),
            lambda s: [s.id],
        )
        self.view.edit(self.view.outline.index_of(section.id))

    def on_add_card(self) -> None:
        node, kind = self.view.current_id(), self.view.current_kind()
        issue = self.document.issue
        if kind == "card":
            parent, index = ops.parent_of(issue, node)
            index += 1
        else:
            parent = self._current_section()
            if parent is None:
                parent = self.document.edit_outline(
                    self.tr("Add section"),
                    lambda i: ops.add_section(i, self.tr("New section"), "📌"),
                    lambda s: [s.id],
                ).id
            index = len(ops.children_of(issue, parent))
        card = self.document.edit_outline(
            self.tr("Add card"),
            lambda i: ops.add_card(i, parent, "", index),
            lambda c: [c.id],
        )
        self.cardCreated.emit(card.id)

    def on_add_subcard(self) -> None:
        node = self.view.current_id()
        if self.view.current_kind() != "card":
            self.on_add_card()
            return
        card = self.document.edit_outline(
            self.tr("Add sub-card"), lambda i: ops.add_card(i, node, ""), lambda c: [c.id]
        )
        self.cardCreated.emit(card.id)

    def on_rename(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def on_delete(self) -> None:
        cards = self.view.selected_ids("card")
        sections = self.view.selected_ids("section")
        issue = self.document.issue
        if cards:
            # Land on a neighbour so the editor keeps a card to show.
            parent, index = ops.parent_of(issue, cards[0])

            def change(i):  # noqa: ANN001, ANN202
                for card_id in cards:
                    if card_id in i.cards:
                        ops.remove_card(i, card_id)
                siblings = ops.children_of(i, parent)
                return siblings[min(index, len(siblings) - 1)] if siblings else parent

            self.document.edit_outline(
                self.tr("Delete %n card(s)", "", len(cards)), change, lambda n: [n]
            )
        elif sections:

            def drop_sections(i):  # noqa: ANN001, ANN202
                for section_id in sections:
                    ops.remove_section(i, section_id)
                return [i.sections[0].id] if i.sections else []

            self.document.edit_outline(
                self.tr("Delete %n section(s)", "", len(sections)), drop_sections, lambda s: s
            )

    def on_duplicate(self) -> None:
        cards = self.view.selected_ids("card")
        if not cards:
            return

        def change(i):  # noqa: ANN001, ANN202
            return [ops.duplicate_card(i, c).id for c in reversed(cards)]

        self.document.edit_outline(self.tr("Duplicate"), change, lambda ids: ids)

    def _move(self, delta: int) -> None:
        node, kind = self.view.current_id(), self.view.current_kind()
        if kind == "section":
            issue = self.document.issue
            index = [s.id for s in issue.sections].index(node) + delta
            if 0 <= index < len(issue.sections):
                self.document.edit_outline(
                    self.tr("Move section"),
                    lambda i: ops.move_section(i, node, index),
                    lambda _r: [node],
                )
            return
        if kind == "card":
            if _can_move(self.document.issue, node, delta):
                self.document.edit_outline(
                    self.tr("Move card"),
                    lambda i: ops.move_card_by(i, node, delta),
                    lambda _r: [node],
                )
            elif _can_cross(self.document.issue, node, delta):
                # At the section's edge the card goes on into the neighbouring section.
                self.document.edit_outline(
                    self.tr("Move card to section"),
                    lambda i: ops.move_card_across(i, node, delta),
                    lambda _r: [node],
                )

    def on_move_up(self) -> None:
        self._move(-1)

    def on_move_down(self) -> None:
        self._move(+1)

    def on_move_to_section(self) -> None:
        cards = self.view.selected_ids("card")
        if not cards and self.view.current_kind() == "card":
            cards = [self.view.current_id()]
        issue = self.document.issue
        if not cards or not issue.sections:
            return
        names = [section_label(n, s.emoji, s.title) for n, s in enumerate(issue.sections)]
        current = [s.id for s in issue.sections].index(ops.section_of(issue, cards[0]).id)
        chosen = choose_section(
            self.view.window(), self.tr("Move to Section"), self.tr("Section:"), names, current
        )
        if chosen is None:
            return
        target = issue.sections[chosen].id
        self.document.edit_outline(
            self.tr("Move %n card(s) to section", "", len(cards)),
            lambda i: ops.move_cards_to_section(i, cards, target),
            lambda _r: cards,
        )

    def on_move_to_issue(self) -> None:
        cards = self.view.selected_ids("card")
        if not cards and self.view.current_kind() == "card":
            cards = [self.view.current_id()]
        if cards:
            done = move_cards_to_issue(
                self.document,
                cards,
                self.view.window(),
                lambda n, title: self.tr("Move %n card(s) to “%1”", "", n).replace("%1", title),
                lambda n, title: self.tr("Moved %n card(s) to “%1”.", "", n).replace("%1", title),
            )
            if done:
                self.message.emit(done)

    def on_indent(self) -> None:
        node = self.view.current_id()
        if self.view.current_kind() != "card":
            return
        _parent, index = ops.parent_of(self.document.issue, node)
        if index == 0:
            return
        self.document.edit_outline(
            self.tr("Indent card"), lambda i: ops.indent_card(i, node), lambda _r: [node]
        )

    def on_outdent(self) -> None:
        node = self.view.current_id()
        if self.view.current_kind() != "card":
            return
        parent, _ = ops.parent_of(self.document.issue, node)
        if parent not in self.document.issue.cards:
            return
        self.document.edit_outline(
            self.tr("Outdent card"), lambda i: ops.outdent_card(i, node), lambda _r: [node]
        )


def section_label(number: int, emoji: str, title: str) -> str:
    text = " ".join(part for part in (emoji, title) if part)
    return f"{number + 1}. {text}" if text else f"{number + 1}."


def choose_section(
    parent: QWidget | None, title: str, label: str, names: list[str], current: int
) -> int | None:
    """The index of the section the editor picks, None when cancelled (tests replace this)."""
    with kept_focus():
        name, ok = QInputDialog.getItem(parent, title, label, names, current, False)
    return names.index(name) if ok and name in names else None


def _can_cross(issue, card_id: str, delta: int) -> bool:  # noqa: ANN001
    parent, _index = ops.parent_of(issue, card_id)
    ids = [s.id for s in issue.sections]
    return parent in ids and 0 <= ids.index(parent) + delta < len(ids)


def _can_move(issue, card_id: str, delta: int) -> bool:  # noqa: ANN001
    parent, index = ops.parent_of(issue, card_id)
    return 0 <= index + delta < len(ops.children_of(issue, parent))
