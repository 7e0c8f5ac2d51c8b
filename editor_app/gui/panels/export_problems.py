"""The export panel's list of preflight problems; activating one asks to show its card."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.checks import ERROR, INFO, WARNING, Problem
from editor_app.gui.i18n import message_catalog
from editor_app.gui.place_reveal import ISSUE_OWNER
from editor_app.gui.quick_fixes import fix_label, problem_fix
from editor_app.gui.theme import set_icon

CardRole = Qt.ItemDataRole.UserRole
CodeRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2  # (field, start, end) of a problem with a place
ProblemRole = Qt.ItemDataRole.UserRole + 3  # the Problem itself, for its fix
ERROR_COLOR = "#d64545"
WARNING_COLOR = "#d08c00"
INFO_COLOR = "#3d7fc4"


class ProblemList(QListWidget):
    """Errors first, then warnings, then notes (what the export will do, e.g. with remote
    images); double-click or Enter on one emits jumpToCard(id), or revealRequested(owner,
    field, start, end) for a problem with an exact place in a text (typography): the owner is
    a card, a section, or ``place_reveal.ISSUE_OWNER`` for the issue's title and summary. A
    problem with a fix offers it in its context menu (Shift+F10 too) and on Ctrl+.; choosing it
    emits fixRequested."""

    jumpToCard = Signal(str)
    revealRequested = Signal(str, str, int, int)
    fixRequested = Signal(object)  # the Problem

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setAlternatingRowColors(True)
        # `activated` covers a double-click and Enter (and a single click where the
        # platform opens items that way).
        self.itemActivated.connect(self._activate)
        self.problems: list[Problem] = []
        self.fix_action = QAction(self.tr("Quick Fix"), self)
        self.fix_action.setObjectName("quick_fix")
        self.fix_action.setShortcut(QKeySequence("Ctrl+."))
        self.fix_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.fix_action.triggered.connect(lambda _c=False: self.fix_current())
        self.addAction(self.fix_action)

    def set_problems(
        self, problems: list[Problem], card_title: Callable[[str], str] | None = None
    ) -> None:
        order = {ERROR: 0, WARNING: 1, INFO: 2}
        self.problems = sorted(problems, key=lambda p: order.get(p.severity, 1))  # stable
        self.clear()
        messages = message_catalog()
        for problem in self.problems:
            text = messages.problem(problem)
            is_error = problem.severity == ERROR
            is_info = problem.severity == INFO
            if is_info:
                icon = qta.icon("mdi6.information-outline", color=INFO_COLOR)
            else:
                icon = qta.icon(
                    "mdi6.alert-circle" if is_error else "mdi6.alert",
                    color=ERROR_COLOR if is_error else WARNING_COLOR,
                )
            # The checks' messages already name the card; its current title goes in the tip.
            item = QListWidgetItem(icon, text, self)
            # A problem in a section shows that section; one in the issue's own title or
            # summary (a place, but neither card nor section) its properties.
            owner = problem.card or problem.section or ""
            if not owner and problem.span is not None:
                owner = ISSUE_OWNER
            item.setData(CardRole, owner)
            item.setData(CodeRole, problem.code)
            if problem.span is not None:
                span = problem.span
                item.setData(SpanRole, (span.field, span.start, span.end))
            if is_info:
                severity = self.tr("Note")
            else:
                severity = self.tr("Error") if is_error else self.tr("Warning")
            title = (
                (card_title(problem.card) if card_title and problem.card else "")
                or problem.card
                or ""
            )
            item.setData(ProblemRole, problem)
            lines = [f"{severity} ({problem.code}): {text}"]
            if problem.card:
                lines.append(self.tr("Double-click to show the card “%1”.").replace("%1", title))
            elif owner == ISSUE_OWNER:
                lines.append(self.tr("Double-click to show it in Issue Properties."))
            fix = problem_fix(problem)
            if fix:
                lines.append(
                    self.tr("Fix: %1 (Ctrl+. or the context menu).").replace("%1", fix_label(fix))
                )
            item.setToolTip("\n".join(lines))

    def error_count(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)

    def warning_count(self) -> int:
        return sum(p.severity == WARNING for p in self.problems)

    def fix_current(self) -> bool:
        """Run the fix of the current problem, if it has one."""
        item = self.currentItem()
        problem = item.data(ProblemRole) if item is not None else None
        if problem is None or not problem_fix(problem):
            return False
        self.fixRequested.emit(problem)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        item = self.itemAt(event.pos())
        if item is None:
            return
        self.setCurrentItem(item)
        problem: Problem = item.data(ProblemRole)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fix = problem_fix(problem)
        if fix:
            action = menu.addAction(fix_label(fix))
            action.setShortcut(self.fix_action.shortcut())
            action.triggered.connect(lambda _c=False, p=problem: self.fixRequested.emit(p))
        owner = item.data(CardRole)
        if owner:
            if problem.card:
                label = self.tr("Show the Card")
            elif problem.section:
                label = self.tr("Show the Section")
            else:
                label = self.tr("Show in Issue Properties")
            show = menu.addAction(label)
            show.triggered.connect(lambda _c=False, i=item: self._activate(i))
        if menu.actions():
            menu.popup(
                event.globalPos()
                if event.globalPos() != QPoint()
                else self.mapToGlobal(event.pos())
            )
        else:
            menu.deleteLater()

    def _activate(self, item: QListWidgetItem) -> None:
        card_id = item.data(CardRole)
        span = item.data(SpanRole)
        if card_id and span:
            self.revealRequested.emit(card_id, span[0], span[1], span[2])
        elif card_id:
            self.jumpToCard.emit(card_id)


class ProblemsBox(QWidget):
    """A "Checks" heading with a summary and a refresh button over the ProblemList."""

    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr("Checks"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.refresh_button = QToolButton(self)
        set_icon(self.refresh_button, "mdi6.refresh")
        self.refresh_button.setToolTip(self.tr("Run the checks again"))
        self.refresh_button.setAutoRaise(True)
        self.list = ProblemList(self)
        self.list.setMinimumHeight(80)
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.refresh_button.clicked.connect(self.refreshRequested)

    def update_summary(self, forced: bool) -> None:
        errors, warnings = self.list.error_count(), self.list.warning_count()
        if not errors and not warnings:
            self.summary.setText(self.tr("No problems found."))
            return
        parts = []
        if errors:
            parts.append(self.tr("Errors: %1").replace("%1", str(errors)))
        if warnings:
            parts.append(self.tr("Warnings: %1").replace("%1", str(warnings)))
        text = " · ".join(parts)
        if errors and not forced:
            text += " — " + self.tr("errors stop the export")
        self.summary.setText(text)
