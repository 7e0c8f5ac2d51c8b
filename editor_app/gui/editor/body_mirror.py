"""BodyMirror: a text document's plain text as a Python string, kept up to date per change.

Reading a long body back with ``toPlainText()`` on every keystroke copies (and converts) the
whole text; for a body of megabytes that alone is tens of milliseconds. The mirror follows
the document's ``contentsChange(position, removed, added)`` instead: it reads only the added
characters from the document and splices them into its string, which costs a memory copy of
the string and nothing that grows with Python-level work.

Qt counts positions in UTF-16 units; Python counts code points. The mirror keeps the Python
indexes of the characters outside the Basic Multilingual Plane (emoji: two units in Qt, one
here) to convert between the two. Its result is what ``toPlainText()`` would answer, down to
the same replacements (paragraph and line separators become newlines, no-break spaces become
spaces). A change it cannot follow (the lengths stop adding up) makes it read the whole text
again, so it is never wrong for long.
"""

from __future__ import annotations

import bisect

from PySide6.QtGui import QTextCursor, QTextDocument

# What QTextDocument.toPlainText() replaces in the document's raw text.
_PLAIN = str.maketrans(
    {"\u2029": "\n", "\u2028": "\n", "\ufdd0": "\n", "\ufdd1": "\n", "\u00a0": " "}
)


def _astral_in(text: str, offset: int = 0) -> list[int]:
    if text.isascii() or max(text, default="\0") <= "\uffff":
        return []
    return [offset + i for i, ch in enumerate(text) if ch > "\uffff"]


class BodyMirror:
    """Follows ``doc``; ``text`` equals ``doc.toPlainText()`` after every change."""

    def __init__(self, doc: QTextDocument):
        self.doc = doc
        self.resyncs = 0  # how often the whole text had to be read again (for tests)
        self._load(doc.toPlainText())
        doc.contentsChange.connect(self._changed)

    def _load(self, text: str) -> None:
        self.text = text
        self._astral = _astral_in(text)

    def resync(self) -> bool:
        """Read the whole text again; True when the mirror had drifted from it."""
        text = self.doc.toPlainText()
        drifted = text != self.text
        if drifted:
            self.resyncs += 1
            self._load(text)
        return drifted

    def _units(self) -> int:
        return len(self.text) + len(self._astral)

    def _index(self, position: int) -> int:
        """The Python index of UTF-16 ``position`` (the k-th astral character starts at
        unit ``astral[k] + k``)."""
        astral = self._astral
        lo, hi = 0, len(astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        return position - lo

    def _changed(self, position: int, removed: int, added: int) -> None:
        # The document's own length (it always ends in one block separator not in the text).
        new_units = self.doc.characterCount() - 1
        old_units = self._units()
        # Qt counts that last separator in some changes (a whole new text is one removal and
        # one insertion, each a unit too long): only the text before it is ours.
        removed = min(removed, old_units - position)
        added = min(added, new_units - position)
        if min(position, removed, added) < 0 or old_units - removed + added != new_units:
            self.resyncs += 1
            self._load(self.doc.toPlainText())
            return
        cursor = QTextCursor(self.doc)
        cursor.setPosition(position)
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        inserted = cursor.selectedText().translate(_PLAIN)
        start = self._index(position)
        end = self._index(position + removed)
        if removed == added and self.text[start:end] == inserted:
            return  # a change of formats only (the highlighter), not of text
        self.text = self.text[:start] + inserted + self.text[end:]
        astral = self._astral
        first = bisect.bisect_left(astral, start)
        last = bisect.bisect_left(astral, end, first)
        shift = len(inserted) - (end - start)
        tail = [i + shift for i in astral[last:]] if shift else astral[last:]
        self._astral = astral[:first] + _astral_in(inserted, start) + tail
