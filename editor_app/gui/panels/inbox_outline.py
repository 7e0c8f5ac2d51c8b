"""The inbox's part of the outline: drops, Paste, and the card actions that send cards away.

Inbox items dropped on the outline become cards there; links dropped or pasted (Ctrl+V while
the outline has focus) go into the inbox. "Send Back to Inbox" and "Move to Next Issue" are
on the outline's context menu and in the command palette.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from editor_app.core.inbox.item import InboxItem
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView
from editor_app.gui.panels.inbox_handoff import InboxHandoff
from editor_app.gui.theme import set_icon


class InboxOutlineActions(QObject):
    def __init__(
        self, handoff: InboxHandoff, model: OutlineModel, view: OutlineView, parent: QObject
    ):
        super().__init__(parent)
        self.handoff, self.view = handoff, view
        model.inboxDropped.connect(self._items_dropped)
        model.linksDropped.connect(lambda text: self._links(text, "drop"))
        self.send_back = self._action(
            self.tr("Send Back to &Inbox"), "mdi6.inbox-arrow-down-outline", self.on_send_back
        )
        self.next_issue = self._action(
            self.tr("Move to &Next Issue"), "mdi6.calendar-arrow-right", self.on_next_issue
        )
        self.paste = self._action(
            self.tr("&Paste Links into Inbox"), "mdi6.content-paste", self.on_paste,
            QKeySequence.StandardKey.Paste,
        )  # fmt: skip
        read_only = handoff.document.read_only
        for action in self.all():
            action.setEnabled(not read_only)
            view.addAction(action)

    def _action(self, text: str, icon: str, slot, keys=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        set_icon(action, icon)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        # Only while the outline has focus: Ctrl+V in the editor pastes text as always.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def all(self) -> list[QAction]:
        return [self.send_back, self.next_issue, self.paste]

    def _items_dropped(self, records: list, parent: str, row: int) -> None:
        items = [InboxItem.from_json(r) for r in records if isinstance(r, dict)]
        self.handoff.take(items, parent or None, row)

    def _links(self, text: str, origin: str) -> None:
        if not self.handoff.add_text(text, origin):
            self.handoff.message.emit(self.tr("No web links to add to the inbox."))

    def on_paste(self) -> None:
        clip = QGuiApplication.clipboard()
        data = clip.mimeData()
        text = "\n".join(u.toString() for u in data.urls()) if data and data.hasUrls() else ""
        self._links(text or clip.text(), "paste")

    def on_send_back(self) -> None:
        self.handoff.send_back(self.view.selected_ids("card"))

    def on_next_issue(self) -> None:
        self.handoff.move_to_next_issue(self.view.selected_ids("card"))
