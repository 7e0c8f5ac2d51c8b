"""The one Qt model over the issue outline: sections, cards and sub-cards by id."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, Qt, QTimer, Signal

from editor_app.core.errors import OutlineError
from editor_app.core.model import Section
from editor_app.core.numbering import compute_numbers
from editor_app.core.outline import move_cards, move_section, subtree_ids
from editor_app.gui.document import IssueDocument
from editor_app.gui.i18n import error_message, message_catalog
from editor_app.gui.outline_diff import Move, Operation, OutlineTree, Remove, plan_changes

CARD_MIME = "application/x-masthead-card-ids"
SECTION_MIME = "application/x-masthead-section-ids"
# Items dragged from the link inbox (JSON records); the inbox handoff makes cards of them.
INBOX_MIME = "application/x-masthead-inbox-items"

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2  # "section" or "card"
StatusRole = Qt.ItemDataRole.UserRole + 3
ProblemsRole = Qt.ItemDataRole.UserRole + 4  # (errors, warnings)

# Beyond this many row operations for one change, a reset is cheaper for the views than the
# signals (and a whole reorder from disk is not worth animating row by row).
MAX_ROW_CHANGES = 64
MAX_MARK_CHANGES = 500  # rows whose problem marks changed, told one by one up to this many


@dataclass(eq=False)
class _Node:
    """Stable object behind an index's internal pointer; one per id."""

    id: str
    kind: str


class OutlineModel(QAbstractItemModel):
    """Rows follow the document's outline through fine-grained signals.

    The model keeps its own ``OutlineTree``: the structure its views know. A structural edit
    changes the document first; the model then plans the row removals, moves and inserts from
    its tree to the document's (``outline_diff.plan_changes``) and performs them one at a time
    between Qt's begin/end calls, so persistent indexes, the selection and the expanded rows
    follow. A change needing more than ``MAX_ROW_CHANGES`` operations (a reload of the whole
    outline from disk) resets the model instead. ``aboutToUpdate`` and ``updated(ids)``
    bracket each change; ``ids`` are the nodes the change asks views to select.
    """

    moveFailed = Signal(str)
    # Dropped from elsewhere: inbox items (JSON records, target parent id, row) and links
    # (text holding URLs, from a browser or another program) for the inbox.
    inboxDropped = Signal(list, str, int)
    linksDropped = Signal(str)
    aboutToUpdate = Signal()
    updated = Signal(list)  # ids the change asks to select (may be empty)

    def __init__(self, document: IssueDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        # Every node object ever handed out stays alive: indexes point at them.
        self._nodes: dict[str, _Node] = {}
        self._problems: dict[str, tuple[int, int, list[str]]] = {}
        self._tree = OutlineTree.from_issue(document.issue)
        self._numbers = compute_numbers(document.issue)
        document.outlineChanged.connect(self._on_outline_changed)
        document.problemsChanged.connect(self._on_problems)
        document.cardChanged.connect(self._on_card_changed)

    # -- bookkeeping -------------------------------------------------------------------------
    def _node(self, node_id: str) -> _Node:
        node = self._nodes.get(node_id)
        if node is None:
            node = self._nodes[node_id] = _Node(node_id, self._tree.kind[node_id])
        return node

    def _on_outline_changed(self, select: list) -> None:
        self.aboutToUpdate.emit()
        try:
            issue = self.document.issue
            target = OutlineTree.from_issue(issue)
            self._numbers = compute_numbers(issue)
            ops = plan_changes(self._tree, target, MAX_ROW_CHANGES)
            if ops is None or not all(self._perform(op) for op in ops):
                self.beginResetModel()
                self._tree = target
                self.endResetModel()
            else:
                self._emit_all_changed()  # numbers and category headings follow the order
        finally:
            # Always closes the bracket, so a view never stays waiting for the change's end.
            self.updated.emit(list(select))

    def _perform(self, op: Operation) -> bool:
        """One row operation between its begin/end signals. False if Qt refuses the move."""
        if isinstance(op, Remove):
            self.beginRemoveRows(self.index_of(op.parent), op.first, op.last)
            self._tree.apply(op)
            self.endRemoveRows()
        elif isinstance(op, Move):
            source, dest = self.index_of(op.source), self.index_of(op.dest)
            if not self.beginMoveRows(source, op.first, op.last, dest, op.row):
                return False
            self._tree.apply(op)
            self.endMoveRows()
        else:
            last = op.row + len(op.ids) - 1
            self.beginInsertRows(self.index_of(op.parent), op.row, last)
            self._tree.apply(op)
            self.endInsertRows()
        return True

    def _on_card_changed(self, card_id: str, field: str) -> None:
        """Status icons and category headings change with fields, not with the structure."""
        if field not in {"status", "group", "title", "*"}:
            return
        index = self.index_of(card_id)
        if index.isValid():
            parent = index.parent()
            last = self.rowCount(parent) - 1
            self.dataChanged.emit(self.index(0, 0, parent), self.index(last, 0, parent))

    def _on_problems(self, problems: list) -> None:
        errors: dict[str, int] = {}
        warnings: dict[str, int] = {}
        texts: dict[str, list[str]] = {}
        messages = message_catalog()
        for p in problems:
            # A problem shared by several cards (a duplicated link) marks each of them.
            owners = p.cards or ([p.card] if p.card else [])
            if not owners:
                continue
            text = messages.problem(p)  # once, however many cards share it
            counter = errors if p.severity == "error" else warnings
            for card_id in owners:
                counter[card_id] = counter.get(card_id, 0) + 1
                texts.setdefault(card_id, []).append(text)
        counts = {
            card_id: (errors.get(card_id, 0), warnings.get(card_id, 0), lines)
            for card_id, lines in texts.items()
        }
        old, self._problems = self._problems, counts
        changed = [cid for cid in set(old) | set(counts) if old.get(cid) != counts.get(cid)]
        if len(changed) > MAX_MARK_CHANGES:
            self._emit_all_changed()
            return
        # Only the rows whose marks changed: a whole-tree walk of thousands of cards after
        # every check would hold the UI thread for a good part of a second.
        for card_id in changed:
            index = self.index_of(card_id)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def _emit_all_changed(self) -> None:
        def walk(parent: QModelIndex) -> None:
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))
                for r in range(rows):
                    walk(self.index(r, 0, parent))

        walk(QModelIndex())

    # -- structure ---------------------------------------------------------------------------
    def node_id(self, index: QModelIndex) -> str | None:
        return index.internalPointer().id if index.isValid() else None

    def kind(self, index: QModelIndex) -> str | None:
        return index.internalPointer().kind if index.isValid() else None

    def index_of(self, node_id: str | None) -> QModelIndex:
        """The index of a node as the views know it now (invalid for the root or unknown ids)."""
        if node_id is None or node_id not in self._tree.kind:
            return QModelIndex()
        return self.createIndex(self._tree.row(node_id), 0, self._node(node_id))

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._tree.children.get(self.node_id(parent), [])
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, self._node(children[row]))

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self._tree.parent.get(self.node_id(index)))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.column() > 0:
            return 0
        return len(self._tree.children.get(self.node_id(parent), []))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    # -- data --------------------------------------------------------------------------------
    def _section(self, node_id: str) -> Section | None:
        return next((s for s in self.document.issue.sections if s.id == node_id), None)

    def _exists(self, node: _Node) -> bool:
        """False for a row the document already dropped and the model is about to remove."""
        if node.kind == "section":
            return self._section(node.id) is not None
        return node.id in self.document.issue.cards

    def label(self, node_id: str) -> str:
        issue = self.document.issue
        node = self._nodes[node_id]
        if node.kind == "section":
            section = self._section(node_id)
            if section is None:
                return ""
            parts = [section.emoji, self._numbers.sections.get(node_id, ""), section.title]
            return " ".join(p for p in parts if p)
        card = issue.cards.get(node_id)
        if card is None:
            return ""
        title = card.title or self.tr("(untitled)")
        if card.unreadable:
            title = self.tr("(unreadable) %1").replace("%1", card_id_short(node_id))
        number = self._numbers.display(node_id)
        parent = issue.cards.get(self._tree.parent.get(node_id) or "")
        if parent is None or node_id not in parent.child_ids:
            return f"{number} {title}"
        # The first sub-card of a category shows the heading it starts, as the export does.
        siblings = parent.child_ids
        position = siblings.index(node_id)
        previous = issue.cards.get(siblings[position - 1]) if position else None
        if card.group and (previous is None or previous.group != card.group):
            return f"{card.group} · {number} {title}"
        return f"{number} {title}"

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        node = index.internalPointer()
        if role == IdRole:
            return node.id
        if role == KindRole:
            return node.kind
        if not self._exists(node):
            return None
        if role in (Qt.ItemDataRole.DisplayRole,):
            return self.label(node.id)
        if role == Qt.ItemDataRole.EditRole:
            if node.kind == "section":
                return self._section(node.id).title
            return self.document.issue.cards[node.id].title
        if role == StatusRole and node.kind == "card":
            return self.document.issue.cards[node.id].status.value
        if role == ProblemsRole:
            errors, warnings, _ = self._problems.get(node.id, (0, 0, []))
            return (errors, warnings)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(node.id, node.kind)
        return None

    def tooltip(self, node_id: str, kind: str) -> str:
        """The whole title (the row elides a long one), a card's status (its icon's meaning)
        and the problems found in it."""
        texts = self._problems.get(node_id, (0, 0, []))[2]
        if kind != "card":
            return "\n".join([self.label(node_id), *texts])
        card = self.document.issue.cards[node_id]
        if card.unreadable:
            reason = message_catalog().say(card.unreadable_reason or card.unreadable)
            return "\n".join([reason, *texts])
        head = f"{self._numbers.display(node_id)} {card.title or self.tr('(untitled)')}"
        if card.group:
            head = f"[{card.group}] {head}"
        status = self.tr("Status: %1").replace("%1", message_catalog().status(card.status))
        return "\n".join([head.strip(), status, *texts])

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802, ANN001
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = index.internalPointer()
        title = str(value).strip()
        if node.kind == "card":
            self.document.set_field(node.id, "title", title, self.tr("Rename card"))
        else:
            self.document.rename_section(node.id, title)
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- drag and drop -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        # Copy and Link too: a browser offers a dragged link with those only.
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CARD_MIME, SECTION_MIME, INBOX_MIME, "text/uri-list", "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        cards = [self.node_id(i) for i in indexes if self.kind(i) == "card"]
        sections = [self.node_id(i) for i in indexes if self.kind(i) == "section"]
        order = {c.id: n for n, c in enumerate(self.document.issue.ordered_cards())}
        cards = sorted(dict.fromkeys(cards), key=lambda c: order.get(c, 0))
        # A card whose ancestor is also dragged travels with that ancestor.
        dragged = set(cards)
        cards = [c for c in cards if not self._has_ancestor_in(c, dragged)]
        mime = QMimeData()
        if cards:
            mime.setData(CARD_MIME, json.dumps(cards).encode())
        elif sections:
            mime.setData(SECTION_MIME, json.dumps(sections).encode())
        return mime

    def _has_ancestor_in(self, card_id: str, ids: set[str]) -> bool:
        parent = self._tree.parent.get(card_id)
        while parent:
            if parent in ids:
                return True
            parent = self._tree.parent.get(parent)
        return False

    def canDropMimeData(
        self, data: QMimeData, action, row: int, column: int, parent: QModelIndex
    ) -> bool:  # noqa: N802, ANN001, E501
        if self.document.read_only:
            return False
        target = self.node_id(parent)
        if data.hasFormat(CARD_MIME):
            if target is None:
                return False
            ids = json.loads(bytes(data.data(CARD_MIME)).decode())
            issue = self.document.issue
            return all(target not in subtree_ids(issue, c) for c in ids if c in issue.cards)
        if data.hasFormat(SECTION_MIME):
            return target is None
        if data.hasFormat(INBOX_MIME):
            return target is not None  # a card needs a section or a parent card
        return data.hasUrls() or data.hasText()

    def dropMimeData(
        self, data: QMimeData, action, row: int, column: int, parent: QModelIndex
    ) -> bool:  # noqa: N802, ANN001, E501
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.node_id(parent)
        if row < 0:
            row = self.rowCount(parent)
        if data.hasFormat(CARD_MIME):
            ids = json.loads(bytes(data.data(CARD_MIME)).decode())
            run = lambda: self.move_cards(ids, target, row)  # noqa: E731
        elif data.hasFormat(SECTION_MIME):
            ids = json.loads(bytes(data.data(SECTION_MIME)).decode())
            run = lambda: self.move_sections(ids, row)  # noqa: E731
        elif data.hasFormat(INBOX_MIME):
            try:
                items = json.loads(bytes(data.data(INBOX_MIME)).decode("utf-8"))
            except ValueError:
                return False
            run = lambda: self.inboxDropped.emit(items, target or "", row)  # noqa: E731
        else:
            urls = "\n".join(u.toString() for u in data.urls()) if data.hasUrls() else ""
            text = urls or data.text()
            run = lambda: self.linksDropped.emit(text)  # noqa: E731
        # The view still holds the dragged indexes: move the rows after the drop returns.
        QTimer.singleShot(0, run)
        return True

    def move_cards(self, ids: list[str], target: str, row: int) -> bool:
        try:
            self.document.edit_outline(
                self.tr("Move %n card(s)", "", len(ids)),
                lambda issue: move_cards(issue, ids, target, row),
                lambda _r: ids,
            )
        except OutlineError as exc:
            self.moveFailed.emit(error_message(exc))
            return False
        return True

    def move_sections(self, ids: list[str], row: int) -> None:
        def change(issue) -> None:  # noqa: ANN001
            index = row
            for section_id in ids:
                current = [s.id for s in issue.sections].index(section_id)
                if current < index:
                    index -= 1
                move_section(issue, section_id, index)
                index += 1

        self.document.edit_outline(self.tr("Move section"), change, lambda _r: ids)


def card_id_short(card_id: str) -> str:
    return card_id[:6]
