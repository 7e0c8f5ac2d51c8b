"""Status bar: save state, CJK-aware counts for the card and the issue, reading time."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from editor_app.core.text_stats import (
    IssueStatsCache,
    TextStats,
    card_stats,
    card_stats_key,
    stats_of_key,
)
from editor_app.gui.editor.card_editor import COUNT_LIVE_CHARS
from editor_app.gui.workers import run_in_thread

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument


class StatusBarController(QObject):
    def __init__(self, bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.bar = bar
        self.save_label = QLabel(self.tr("No issue open"))
        self.card_label = QLabel()
        self.issue_label = QLabel()
        self.mode_label = QLabel()
        for label in (self.mode_label, self.card_label, self.issue_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.document = None
        self._section: str | None = None  # the selected section, whose counts are shown
        self._node = ""  # the selected outline node
        self._issue_timer = QTimer(self, singleShot=True, interval=400)
        self._issue_timer.timeout.connect(self._update_issue_counts)
        # Counting runs on a worker (a multi-MB issue takes seconds to count) and recounts
        # only the cards whose text changed; one count at a time, the latest wins.
        self._cache = IssueStatsCache()
        self._counting = False
        self._recount = False
        self._sections: dict[str, TextStats] = {}

    def attach(self, document: IssueDocument, count_now: bool = True) -> None:
        """Follow ``document``; without ``count_now`` the issue is first counted when
        ``count_issue`` is called (the window does that once the preview's page shows)."""
        self.document = document
        document.saveStateChanged.connect(self.show_save_state)
        document.cardChanged.connect(lambda *_: self._issue_timer.start())
        document.outlineChanged.connect(lambda *_: self._issue_timer.start())
        self.mode_label.setText(self.tr("Read-only") if document.read_only else "")
        self.show_save_state("saved")
        if count_now:
            self._update_issue_counts()

    def count_issue(self) -> None:
        if self.document is not None:
            self._update_issue_counts()

    def detach(self) -> None:
        self.document = None
        self._cache = IssueStatsCache()
        self._sections = {}
        self._section = None
        self.save_label.setText(self.tr("No issue open"))
        self.card_label.clear()
        self.issue_label.clear()
        self.mode_label.clear()

    def show_save_state(self, state: str) -> None:
        text = {
            "saved": self.tr("All changes saved"),
            "unsaved": self.tr("Saving…"),
            "error": self.tr("Not saved: see the message"),
        }.get(state, state)
        self.save_label.setText(text)

    def show_card_counts(self, stats: TextStats) -> None:
        if self._section is None:
            self.card_label.setText(self.tr("Card: %n word(s)", "", stats.words))

    def show_node(self, node_id: str, kind: str) -> None:
        """Follow the outline's selection: a section shows the sum of its cards' counts."""
        self._node = node_id
        self._section = node_id if kind == "section" and node_id else None
        if self._section is not None:
            self._update_section_counts()
        elif kind == "card" and self.document is not None and self.document.has_card(node_id):
            # The editor may have sent this card's counts while the section was still shown.
            card = self.document.card(node_id)
            if len(card.body) > COUNT_LIVE_CHARS:
                # As the editor does: a long body is counted on a worker (a huge one takes a
                # second of Python the first time, though its blocks are usually remembered).
                job = partial(stats_of_key, card_stats_key(card))
                run_in_thread(job, partial(self._node_counted, node_id), None, self)
            else:
                self.show_card_counts(card_stats(card))

    def _node_counted(self, node_id: str, stats: TextStats) -> None:
        if node_id == self._node:
            self.show_card_counts(stats)

    def _update_section_counts(self) -> None:
        if self.document is None or self._section is None:
            return
        total = self._sections.get(self._section)
        if total is None:
            return  # the count on its way shows it
        self.card_label.setText(
            self.tr("Section: %n word(s) · %1 min read", "", total.words).replace(
                "%1", str(total.minutes)
            )
        )

    def _update_issue_counts(self) -> None:
        if self.document is None:
            return
        if self._counting:
            self._recount = True
            return
        rows = [
            (section.id, card.id, card_stats_key(card))
            for section, card, _depth in self.document.issue.iter_cards()
        ]
        self._counting = True
        run_in_thread(
            partial(self._cache.count, rows),
            partial(self._counted, self.document),
            partial(self._count_failed, self.document),
            self,
        )

    def _counted(self, document: object, result: tuple) -> None:
        self._counting = False
        if document is not self.document:
            return  # another issue (or none) since
        stats, self._sections = result
        self._update_section_counts()
        self.issue_label.setText(
            self.tr("Issue: %n word(s) · %1 min read", "", stats.words).replace(
                "%1", str(stats.minutes)
            )
        )
        if self._recount:
            self._recount = False
            self._update_issue_counts()

    def _count_failed(self, document: object, _message: str) -> None:
        self._counting = False
        self._recount = False
