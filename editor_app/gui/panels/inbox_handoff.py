"""Items into the open issue and cards out of it, each one undoable step.

"Take" makes cards from inbox items (a drag onto the outline, or Return in the panel) and
removes the items; "Send back to inbox" turns cards into items again (with their text, so
nothing is lost) and removes the cards; "Move to next issue" writes the cards into the next
issue of the library (made from the template when there is none) and removes them here.
Each is a macro on the document's undo stack: the outline edit plus an ``InboxChange`` (the
item files before and after) or a ``NextIssueMove``. The files are changed first, outside
the stack, so a failure (a full disk, the next issue open in another window) changes
nothing; the commands then only replay them on undo and redo.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from editor_app.core import outline as ops
from editor_app.core.errors import InboxError, MastheadError
from editor_app.core.inbox.edit import FieldValues, edit_item
from editor_app.core.inbox.handoff import (
    candidate_from_card,
    card_origin,
    ensure_next_issue,
    insert_items,
    remove_cards_from_issue,
    section_title_of,
    send_cards_to_issue,
    subtree_cards,
)
from editor_app.core.inbox.item import InboxItem, find_links, merge_into, new_item
from editor_app.core.inbox.store import AddReport, Inbox
from editor_app.core.storage import load_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.workers import run_in_thread

State = dict[str, InboxItem | None]  # item id -> the item file's content (None: no file)


def apply_state(library: Path, state: State) -> None:
    inbox = Inbox(library)
    inbox.remove([item_id for item_id, item in state.items() if item is None])
    inbox.put([item for item in state.values() if item is not None])


class InboxChange(QUndoCommand):
    """Item files from ``before`` to ``after`` (already applied when pushed)."""

    def __init__(
        self,
        text: str,
        library: Path,
        before: State,
        after: State,
        changed: Callable[[], None],
        failed: Callable[[str], None],
    ):
        super().__init__(text)
        self.library, self.before, self.after = library, before, after
        self.changed, self.failed = changed, failed
        self._first = True

    def _apply(self, state: State) -> None:
        try:
            apply_state(self.library, state)
        except (OSError, MastheadError) as exc:
            self.failed(str(exc))
        self.changed()

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class InboxItemEdit(QUndoCommand):
    """An item's title, note or tags from ``before`` to ``after`` (already written).

    Undo and redo go through ``edit_item`` with the other side as the base, so a field
    someone else changed on disk since (a pull) is reported, not overwritten.
    """

    def __init__(
        self,
        text: str,
        library: Path,
        item_id: str,
        before: FieldValues,
        after: FieldValues,
        shown: Callable[[InboxItem], None],
        failed: Callable[[InboxError], None],
    ):
        super().__init__(text)
        self.library, self.item_id, self.before, self.after = library, item_id, before, after
        self.shown, self.failed = shown, failed
        self._first = True

    def _apply(self, values: FieldValues, base: FieldValues) -> None:
        try:
            result = edit_item(self.library, self.item_id, values, base)
        except InboxError as exc:
            self.failed(exc)
            return
        except (OSError, MastheadError) as exc:
            self.failed(InboxError(str(exc)))
            return
        self.shown(result.after)

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._apply(self.after, self.before)

    def undo(self) -> None:
        self._apply(self.before, self.after)


class NextIssueMove(QUndoCommand):
    """Cards written into another issue of the library (already written when pushed)."""

    def __init__(self, text: str, source: Path, target: Path, cards: list, section: str,
                 tops: list[str], failed: Callable[[str], None]):  # fmt: skip
        super().__init__(text)
        self.source, self.target, self.cards = source, target, cards
        self.section, self.tops, self.failed = section, tops, failed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            send_cards_to_issue(self.cards, self.source, self.target, self.section)
        except (OSError, MastheadError) as exc:
            self.failed(str(exc))

    def undo(self) -> None:
        try:
            remove_cards_from_issue(self.target, self.tops)
        except (OSError, MastheadError) as exc:
            self.failed(str(exc))


class InboxHandoff(QObject):
    """Moves between the library's inbox and the open issue; one per open issue."""

    changed = Signal()  # the inbox files changed (by us)
    message = Signal(str)
    failed = Signal(str)
    added = Signal(object)  # AddReport of links pasted or dropped

    def __init__(
        self,
        document: IssueDocument,
        library: Path,
        current: Callable[[], str | None] = lambda: None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.document, self.library, self.current = document, Path(library), current
        self.inbox = Inbox(self.library)

    # -- where a taken item goes --------------------------------------------------------------
    def default_target(self) -> tuple[str, int | None]:
        """After the current card (as its sibling), at the end of the current section, or
        at the end of the first section."""
        issue = self.document.issue
        node = self.current()
        if node and node in issue.cards:
            try:
                parent, index = ops.parent_of(issue, node)
                return parent, index + 1
            except MastheadError:
                pass
        if node and any(s.id == node for s in issue.sections):
            return node, None
        if not issue.sections:
            raise MastheadError(self.tr("This issue has no section to put a card in."))
        return issue.sections[0].id, None

    # -- take ---------------------------------------------------------------------------------
    def take(
        self, items: list[InboxItem], parent: str | None = None, row: int | None = None
    ) -> list[str]:
        """Cards from ``items`` (at ``parent``/``row``, else the default place); the items
        leave the inbox. Returns the new card ids."""
        if not items:
            return []
        try:
            if parent is None:
                parent, row = self.default_target()
            stack = self.document.undo_stack
            fresh = {i.id: self._fresh(i) for i in items}
            text = self.tr("Take %n link(s) from the inbox", "", len(items))
            stack.beginMacro(text)
            try:
                ids = self.document.edit_outline(
                    text,
                    lambda issue: insert_items(issue, list(fresh.values()), parent, row),
                    lambda new_ids: new_ids,
                )
                before: State = dict(fresh)
                after: State = dict.fromkeys(fresh)
                apply_state(self.library, after)
                stack.push(InboxChange(text, self.library, before, after, self.changed.emit,
                                       self.failed.emit))  # fmt: skip
            finally:
                stack.endMacro()
        except (OSError, MastheadError) as exc:
            self.failed.emit(getattr(exc, "message", None) or str(exc))
            return []
        self.changed.emit()
        return ids

    def _fresh(self, item: InboxItem) -> InboxItem:
        """The item as its file holds it now (a title may have been fetched since the drag)."""
        try:
            return self.inbox.get(item.id)
        except MastheadError:
            return item

    # -- cards out ----------------------------------------------------------------------------
    def _tops(self, card_ids: list[str]) -> list[str]:
        issue = self.document.issue
        ids = [c for c in card_ids if c in issue.cards]
        inner = {sub for c in ids for sub in ops.subtree_ids(issue, c)[1:]}
        return [c for c in ids if c not in inner]

    def send_back(self, card_ids: list[str]) -> int:
        """The cards become inbox items again (a card without a web link stays)."""
        issue = self.document.issue
        tops = self._tops(card_ids)
        pairs = [(c, candidate_from_card(issue.cards[c])) for c in tops]
        movable = [(c, cand) for c, cand in pairs if cand is not None]
        if len(movable) < len(pairs):
            self.message.emit(self.tr("A card without a web link stays in the issue."))
        if not movable:
            return 0
        try:
            listing = {i.key: i for i in self.inbox.load().items}
            before: State = {}
            after: State = {}
            origin = card_origin(issue)
            for _card, cand in movable:
                probe = new_item(cand, origin)
                old = listing.get(probe.key)
                if old is not None:
                    new = copy.deepcopy(old)
                    merge_into(new, cand)
                    before.setdefault(old.id, copy.deepcopy(old))
                    after[old.id] = new
                    listing[probe.key] = new
                else:
                    before.setdefault(probe.id, None)
                    after[probe.id] = probe
                    listing[probe.key] = probe
            apply_state(self.library, after)
            text = self.tr("Send %n card(s) back to the inbox", "", len(movable))
            stack = self.document.undo_stack
            stack.beginMacro(text)
            try:
                stack.push(InboxChange(text, self.library, before, after, self.changed.emit,
                                       self.failed.emit))  # fmt: skip
                ids = [c for c, _ in movable]
                self.document.edit_outline(
                    text, lambda i: [ops.remove_card(i, c) for c in ids], lambda _r: []
                )
            finally:
                stack.endMacro()
        except (OSError, MastheadError) as exc:
            self.failed.emit(getattr(exc, "message", None) or str(exc))
            return 0
        self.changed.emit()
        return len(movable)

    def move_to_next_issue(self, card_ids: list[str]) -> Path | None:
        """Write the cards into the next issue (made if needed) and remove them here."""
        issue = self.document.issue
        tops = self._tops(card_ids)
        if not tops or self.document.read_only:
            return None
        try:
            target, created = ensure_next_issue(self.library, self.document.folder)
            cards = subtree_cards(issue, tops)
            section = section_title_of(issue, tops[0])
            written = send_cards_to_issue(cards, self.document.folder, target, section)
            title = load_issue(target).title or target.name
            text = self.tr("Move %n card(s) to the next issue", "", len(tops))
            stack = self.document.undo_stack
            stack.beginMacro(text)
            try:
                stack.push(NextIssueMove(text, self.document.folder, target, cards, section,
                                         written, self.failed.emit))  # fmt: skip
                self.document.edit_outline(
                    text, lambda i: [ops.remove_card(i, c) for c in tops], lambda _r: []
                )
            finally:
                stack.endMacro()
        except (OSError, MastheadError) as exc:
            self.failed.emit(getattr(exc, "message", None) or str(exc))
            return None
        note = (
            self.tr("Moved to %1 (a new issue made from the template).")
            if created
            else self.tr("Moved to %1.")
        )
        self.message.emit(note.replace("%1", title))
        return target

    # -- links pasted or dropped --------------------------------------------------------------
    def add_text(self, text: str, origin: str = "paste") -> bool:
        """Add the web links in ``text`` to the inbox, off the UI thread. False if none."""
        candidates = find_links(text)
        if not candidates:
            return False
        library = self.library
        run_in_thread(
            lambda: Inbox(library).add(candidates, origin), self._added, self._add_failed, self
        )
        return True

    def _added(self, report: AddReport) -> None:
        self.changed.emit()
        self.added.emit(report)

    def _add_failed(self, message: str) -> None:
        self.failed.emit(message.splitlines()[0] if message else "")
