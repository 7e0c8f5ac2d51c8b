"""The outline as a plain tree of ids, and the row operations that turn one tree into another.

The outline model keeps one ``OutlineTree`` as the structure its views know. After a
structural edit (or its undo) it plans the removals, moves and inserts that lead to the
document's new tree and applies them one by one between Qt's begin/end calls, so views keep
their selection and expanded rows. Pure Python: no Qt here, so the planning is tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from editor_app.core.model import Issue

Parent = str | None  # None is the invisible root, whose children are the sections


@dataclass(frozen=True)
class Remove:
    """Rows ``first..last`` of ``parent`` go away, with everything under them."""

    parent: Parent
    first: int
    last: int


@dataclass(frozen=True)
class Move:
    """Rows ``first..last`` of ``source`` move to ``dest``, before its row ``row``.

    ``row`` counts rows as they are before the move (Qt's ``beginMoveRows`` convention).
    """

    source: Parent
    first: int
    last: int
    dest: Parent
    row: int


@dataclass(frozen=True)
class Insert:
    """``ids`` appear at ``row`` of ``parent``; ``children`` holds the children they bring."""

    parent: Parent
    row: int
    ids: tuple[str, ...]
    children: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


Operation = Remove | Move | Insert


class OutlineTree:
    """Ordered children per node (``None`` is the root), each node's parent and kind."""

    def __init__(self) -> None:
        self.children: dict[Parent, list[str]] = {None: []}
        self.parent: dict[str, Parent] = {}
        self.kind: dict[str, str] = {}  # "section" or "card"

    @classmethod
    def from_issue(cls, issue: Issue) -> OutlineTree:
        """The tree an issue shows: sections, then cards and sub-cards that exist.

        An id listed twice (a hand-edited issue.yaml) is shown once, where it is met first.
        """
        tree = cls()
        for section in issue.sections:
            if section.id in tree.kind:
                continue
            tree._add(None, section.id, "section")
            stack = [(section.id, section.card_ids)]
            while stack:
                parent, ids = stack.pop()
                for card_id in ids:
                    if card_id in issue.cards and card_id not in tree.kind:
                        tree._add(parent, card_id, "card")
                        stack.append((card_id, issue.cards[card_id].child_ids))
        return tree

    def _add(self, parent: Parent, node: str, kind: str) -> None:
        self.children[parent].append(node)
        self.children[node] = []
        self.parent[node] = parent
        self.kind[node] = kind

    def copy(self) -> OutlineTree:
        twin = OutlineTree()
        twin.children = {p: list(c) for p, c in self.children.items()}
        twin.parent = dict(self.parent)
        twin.kind = dict(self.kind)
        return twin

    def row(self, node: str) -> int:
        return self.children[self.parent[node]].index(node)

    def subtree(self, node: str) -> list[str]:
        out, stack = [], [node]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self.children[current])
        return out

    def same_as(self, other: OutlineTree) -> bool:
        return self.children == other.children and self.kind == other.kind

    def apply(self, op: Operation) -> None:
        if isinstance(op, Remove):
            siblings = self.children[op.parent]
            for node in siblings[op.first : op.last + 1]:
                for gone in self.subtree(node):
                    del self.children[gone], self.parent[gone], self.kind[gone]
            del siblings[op.first : op.last + 1]
        elif isinstance(op, Move):
            source = self.children[op.source]
            moving = source[op.first : op.last + 1]
            del source[op.first : op.last + 1]
            row = op.row
            if op.source == op.dest and row > op.first:
                row -= len(moving)
            self.children[op.dest][row:row] = moving
            for node in moving:
                self.parent[node] = op.dest
        else:
            self.children[op.parent][op.row : op.row] = list(op.ids)
            for node in op.ids:
                self.parent[node] = op.parent
            for node, kids in op.children.items():
                self.children[node] = list(kids)
                for kid in kids:
                    self.parent[kid] = node
            self.kind.update(op.kinds)


class TooManyChanges(Exception):
    """The change needs more row operations than the caller accepts."""


def plan_changes(old: OutlineTree, new: OutlineTree, limit: int) -> list[Operation] | None:
    """Row operations turning ``old`` into ``new``; None when a reset is the better answer.

    In four passes: nodes that leave are removed (bottom rows first, so the rows named stay
    right); walking the new tree from the root down, nodes that change parent move in and new
    nodes are inserted, each after the sibling it follows in the new order; nodes that left
    but had a child that stays are removed, now that the child moved out; finally each parent
    puts its children in order by moves inside it. None means more than ``limit``
    operations, or an id that changed kind.
    """
    if any(old.kind[n] != new.kind[n] for n in old.kind.keys() & new.kind.keys()):
        return None
    work = old.copy()
    ops: list[Operation] = []

    def emit(op: Operation) -> None:
        work.apply(op)
        ops.append(op)
        if len(ops) > limit:
            raise TooManyChanges

    try:
        gone = set(old.kind) - set(new.kind)
        keeps = {n for n in gone if any(m not in gone for m in old.subtree(n))}
        _remove(work, emit, lambda n: n in gone and n not in keeps)
        _bring_in(work, new, emit)
        _remove(work, emit, lambda n: n in gone)
        _reorder(work, new, emit)
    except TooManyChanges:
        return None
    return ops if work.same_as(new) else None


def _remove(work: OutlineTree, emit, removable) -> None:  # noqa: ANN001
    """Remove the topmost removable nodes, in runs of adjacent rows, bottom rows first."""
    for parent in [None, *work.kind]:
        if parent is not None and (parent not in work.kind or removable(parent)):
            continue
        rows = [r for r, node in enumerate(work.children[parent]) if removable(node)]
        for first, last in reversed(list(_runs(rows))):
            emit(Remove(parent, first, last))


def _runs(rows: Iterable[int]) -> Iterable[tuple[int, int]]:
    start = end = None
    for row in rows:
        if end is not None and row == end + 1:
            end = row
            continue
        if start is not None:
            yield start, end
        start = end = row
    if start is not None:
        yield start, end


def _top_down(new: OutlineTree) -> Iterable[Parent]:
    """Parents of the new tree, each after its own parent (so it is in place when reached)."""
    queue: list[Parent] = [None]
    while queue:
        parent = queue.pop(0)
        yield parent
        queue.extend(new.children[parent])


def _bring_in(work: OutlineTree, new: OutlineTree, emit) -> None:  # noqa: ANN001
    """Move in the children that come from another parent and insert the new ones.

    Walking from the root down, a node's new parent (and its ancestors) are already where the
    new tree has them, so a node is never moved into its own subtree.
    """
    for parent in _top_down(new):
        target = new.children[parent]
        i = 0
        while i < len(target):
            node = target[i]
            if node in work.kind and work.parent[node] == parent:
                i += 1
                continue
            # Every earlier sibling of the new order is under this parent by now.
            row = work.row(target[i - 1]) + 1 if i else 0
            count = 1
            if node in work.kind:
                source, first = work.parent[node], work.row(node)
                while (
                    i + count < len(target)
                    and work.parent.get(target[i + count], "\0") == source
                    and work.row(target[i + count]) == first + count
                ):
                    count += 1
                emit(Move(source, first, first + count - 1, parent, row))
            else:
                while i + count < len(target) and target[i + count] not in work.kind:
                    count += 1
                emit(_insert(work, new, parent, row, target[i : i + count]))
            i += count


def _reorder(work: OutlineTree, new: OutlineTree, emit) -> None:  # noqa: ANN001
    """Each parent now holds exactly its new children: put them in order, top row first."""
    for parent in _top_down(new):
        target = new.children[parent]
        for i, node in enumerate(target):
            current = work.children[parent]
            if current[i] == node:
                continue
            # Rows above i are settled, so the node sits further down.
            first = current.index(node)
            count = 1
            while (
                i + count < len(target)
                and first + count < len(current)
                and current[first + count] == target[i + count]
            ):
                count += 1
            emit(Move(parent, first, first + count - 1, parent, i))


def _insert(
    work: OutlineTree, new: OutlineTree, parent: Parent, row: int, ids: list[str]
) -> Insert:
    """New nodes come with their whole new subtree unless part of it already exists."""
    children: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for node in ids:
        subtree = new.subtree(node)
        whole = not any(n in work.kind for n in subtree)
        for n in subtree if whole else [node]:
            children[n] = list(new.children[n]) if whole else []
            kinds[n] = new.kind[n]
    return Insert(parent, row, tuple(ids), children, kinds)
