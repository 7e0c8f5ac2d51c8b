"""Fixes the editor offers on problems: the GUI side of ``ProblemCode.fix``.

A problem code declares the name of its fix (``core/problem_codes.py``); ``fix_label`` gives
each name its menu text and ``QuickFixes.apply`` runs it. The checks list (export panel) and
the card editor's context menu offer the same fixes.

*Import into assets* (``local-image``): the file an image names elsewhere on the computer is
run through the image pipeline (formats, size, metadata, hash name; the alt-text prompt as
Insert Image shows it), copied into ``assets/``, and every reference to it in the card is
rewritten as one undo step: of the body editor when the card is shown (Ctrl+Z there undoes
it, like typing), of the issue's undo stack otherwise.

*Fix Typography Here* (the typography codes): the one change the problem reports, in a card, a
section's title or intro, or the issue's title or summary, as one undo step of the issue.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.core.checks import is_generic_alt
from editor_app.core.errors import ImageError, MastheadError
from editor_app.core.images.local import local_image_edits, same_file
from editor_app.core.paths import outside_file
from editor_app.core.problem_codes import FIX_TYPOGRAPHY, IMPORT_LOCAL_IMAGE, fix_of
from editor_app.core.problems import Problem
from editor_app.gui import image_import
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.focus import kept_focus
from editor_app.gui.typography_actions import fix_one

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument
    from editor_app.gui.editor import CardEditor

FIXES = (IMPORT_LOCAL_IMAGE, FIX_TYPOGRAPHY)  # the fixes this module runs


def fix_label(name: str) -> str:
    """The menu text of the fix ``name``, in the UI language ("" for an unknown fix)."""
    if name == IMPORT_LOCAL_IMAGE:
        return QCoreApplication.translate("QuickFixes", "Import into Assets")
    if name == FIX_TYPOGRAPHY:
        return QCoreApplication.translate("QuickFixes", "Fix Typography Here")
    return ""


def problem_fix(problem: Problem) -> str:
    """The fix offered on ``problem``: an image import only for a card's own text (intros have
    their editor); a typography fix wherever the problem has a place."""
    name = fix_of(problem)
    if name == FIX_TYPOGRAPHY:
        return name if problem.span is not None else ""
    return name if name in FIXES and problem.card else ""


class QuickFixes(QObject):
    """Runs fixes on the open issue. ``done(message)`` reports a fix that changed the issue."""

    done = Signal(str)

    def __init__(
        self,
        document: IssueDocument,
        editor: CardEditor,
        parent_widget: QWidget | None,
        settings: AppSettings | None = None,
    ):
        super().__init__(parent_widget)
        self.document, self.editor = document, editor
        self.parent_widget, self.settings = parent_widget, settings

    def apply(self, problem: Problem) -> bool:
        if problem_fix(problem) == IMPORT_LOCAL_IMAGE:
            return self.import_local_image(problem.card or "", str(problem.args.get("url", "")))
        if problem_fix(problem) == FIX_TYPOGRAPHY:
            if fix_one(self.document, problem, self.tr("Fix Typography Here")):
                self.done.emit(self.tr("Fixed 1 typography problem."))
                return True
            self.done.emit(self.tr("The text has changed since the check; nothing to fix there."))
        return False

    # -- Import into assets ----------------------------------------------------------------------
    def import_local_image(self, card_id: str, url: str) -> bool:
        """Import the file ``url`` names into assets/ and point the card's references at it.
        False when nothing changed (cancelled, refused, or the file is not there)."""
        doc = self.document
        if doc.read_only or not doc.has_card(card_id):
            return False
        card = doc.card(card_id)
        refs = same_file(card, url)
        path = outside_file(url)
        if not refs or path is None:
            return False
        if not path.is_absolute() or not path.is_file():
            self._warn(
                self.tr("Image Not Found"),
                self.tr(
                    "The image file %1 cannot be found: it may have been moved or deleted, "
                    "or it is on another computer. The reference was left as it is."
                ).replace("%1", str(path)),
            )
            return False
        given = next((r.text for r in refs if r.text.strip() and not is_generic_alt(r.text)), None)
        try:
            with kept_focus():
                result = image_import.import_with_alt(
                    path, path.name, doc.folder, self.parent_widget, self.settings, alt=given
                )
        except (ImageError, MastheadError, OSError) as exc:
            reason = exc.describe() if isinstance(exc, MastheadError) else str(exc)
            self._warn(
                self.tr("Image Not Imported"),
                self.tr("Cannot import the image: %1").replace("%1", reason),
            )
            return False
        if result is None:
            return False
        image, alt = result
        self._rewrite(card_id, url, image.path, alt, Path(url).name or url)
        self.done.emit(
            self.tr("Imported %1 into %2.").replace("%1", path.name).replace("%2", image.path)
        )
        return True

    def _rewrite(self, card_id: str, url: str, new_url: str, alt: str, name: str) -> None:
        doc = self.document
        card = doc.card(card_id)
        edits = local_image_edits(card, url, new_url, alt)
        description = self.tr("Import %1 into assets").replace("%1", name)
        shown = self.editor.current_card_id == card_id and not self.editor.body_edit.isReadOnly()
        if shown and [e.field for e in edits] == ["body"]:
            # The shown body: one step of its own editor's undo, as typing would be.
            edit = self.editor.body_edit
            edit.replace_region(0, edit.toPlainText(), edits[0].new)
            return
        stack = doc.undo_stack
        stack.beginMacro(description)
        try:
            for edit in edits:
                if edit.field == "body":
                    doc.replace_card_body(card_id, edit.new, description)
                else:
                    doc.set_field(card_id, edit.field, edit.new, description)
        finally:
            stack.endMacro()

    def _warn(self, title: str, text: str) -> None:
        with kept_focus():
            QMessageBox.warning(self.parent_widget, title, text)
