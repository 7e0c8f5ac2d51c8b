"""MarkdownEdit: the card body editor (QPlainTextEdit) with formatting shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFileDialog, QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from editor_app.core.errors import MastheadError
from editor_app.core.images.local import local_images_on_line
from editor_app.core.markdown_syntax import LIST_ITEM
from editor_app.gui.editor import formatting
from editor_app.gui.editor.highlighter import MarkdownHighlighter, Theme
from editor_app.gui.editor.search import Utf16Map
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text

# Latin faces first so Latin text keeps its own shapes; then CJK faces for every platform,
# so Han characters never fall back to boxes or a mismatched bitmap font.
EDITOR_FONT_FAMILIES = [
    "Inter",
    "Segoe UI",
    "Helvetica Neue",
    "Noto Sans",
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Noto Sans CJK JP",
    "Sans Serif",
]
EDITOR_POINT_SIZE = 12
DOCUMENT_MARGIN = 12
# A text opened longer than this is not highlighted: QSyntaxHighlighter formats a whole
# document at once, seconds for a body of megabytes, and the editor would freeze meanwhile.
HIGHLIGHT_MAX_CHARS = 200_000

IMAGE_SUFFIXES = {
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".bmp",
    ".svg",
    ".avif",
    ".tif",
    ".tiff",
}
# Clipboard formats tried in order; the original bytes keep the encoder's work (and GIF frames).
_IMAGE_MIME = [
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
]

ImageImporter = Callable[[bytes | Path, str], str]


def editor_font(family: str = "", size: int = 0) -> QFont:
    """The body editor's font: ``family`` (if chosen) first, the CJK fallbacks after it."""
    font = QFont()
    font.setFamilies([family, *EDITOR_FONT_FAMILIES] if family else EDITOR_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSize(size or max(EDITOR_POINT_SIZE, QGuiApplication.font().pointSize()))
    return font


class MarkdownEdit(QPlainTextEdit):
    """Soft-wrapping Markdown editor: highlighting, formatting shortcuts, smart paste/Enter.

    Every formatting action is one undo step of the editor's own undo stack.
    """

    imageImportFailed = Signal(str)
    # An image naming a file elsewhere on the computer (its URL as written) to import.
    localImageImportRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image_importer: ImageImporter | None = None
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # CJK has no spaces: allow breaking anywhere when a "word" is wider than the line.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(editor_font())
        self.setCursorWidth(2)
        self.setTabChangesFocus(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setPlaceholderText(self.tr("Write the card in Markdown…"))
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        self.set_markdown_document(self.new_document(""))

    # -- documents -------------------------------------------------------------------------
    def new_document(self, text: str) -> QTextDocument:
        """A document set up for this editor (layout, font, margin, highlighter)."""
        doc = QTextDocument(self)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setPlainText(text)
        doc.setModified(False)
        doc.highlighter = None
        if len(text) <= HIGHLIGHT_MAX_CHARS:
            doc.highlighter = MarkdownHighlighter(doc, Theme.for_palette(self.palette()))
        return doc

    def set_markdown_document(self, doc: QTextDocument) -> None:
        doc.setDefaultFont(self.font())
        self.setDocument(doc)

    # -- actions ---------------------------------------------------------------------------
    def _make_actions(self) -> None:
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("bold", self.tr("Bold"), "Ctrl+B", lambda: self.toggle_inline("**")),
            ("italic", self.tr("Italic"), "Ctrl+I", lambda: self.toggle_inline("*")),
            ("strike", self.tr("Strikethrough"), "", lambda: self.toggle_inline("~~")),
            ("code", self.tr("Code"), "Ctrl+Shift+C", self.toggle_code),
            ("link", self.tr("Link"), "Ctrl+K", self.insert_link),
            ("image", self.tr("Image"), "Ctrl+Shift+I", self.insert_image),
        ]
        self.quick_fix_action = QAction(self.tr("Quick Fix"), self)
        self.quick_fix_action.setObjectName("quick_fix")
        self.quick_fix_action.setShortcut(QKeySequence("Ctrl+."))
        self.quick_fix_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.quick_fix_action.triggered.connect(lambda _c=False: self.quick_fix())
        self.addAction(self.quick_fix_action)
        for level in range(1, 5):
            specs.append(
                (
                    f"heading{level}",
                    self.tr("Heading %1").replace("%1", str(level)),
                    f"Ctrl+{level}",
                    lambda _checked=False, lv=level: self.apply_edit(formatting.toggle_heading, lv),
                )
            )
        specs += [
            ("bullets", self.tr("Bulleted List"), "Ctrl+Shift+8",
             lambda: self.apply_edit(formatting.toggle_bullets)),
            ("numbers", self.tr("Numbered List"), "Ctrl+Shift+7",
             lambda: self.apply_edit(formatting.toggle_numbers)),
            ("quote", self.tr("Quote"), "Ctrl+Shift+.",
             lambda: self.apply_edit(formatting.toggle_quote)),
        ]  # fmt: skip
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setObjectName(f"format_{name}")
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action

    def format_actions(self) -> list[QAction]:
        """The formatting actions, in menu order (for a Format menu or toolbar)."""
        return list(self.actions_by_name.values())

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt API
        super().setReadOnly(read_only)
        for action in self.actions_by_name.values():
            action.setEnabled(not read_only)

    def event(self, event: QEvent) -> bool:
        # The text control claims some keys for itself (Ctrl+K deletes to the end of the line
        # on X11). Leave our shortcuts to the shortcut system instead.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for action in self.actions_by_name.values():
                if action.isEnabled() and any(
                    s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                    for s in action.shortcuts()
                ):
                    event.ignore()
                    return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """The standard text menu plus the formatting commands (from the mouse or keyboard)."""
        menu = self.createStandardContextMenu(event.pos())
        block = self.textCursor().block()
        if event.reason() != QContextMenuEvent.Reason.Keyboard:
            block = self.cursorForPosition(event.pos()).block()
        fixes = [] if self.isReadOnly() else self.local_images_at(block.blockNumber() + 1)
        if fixes:
            first = menu.actions()[0] if menu.actions() else None
            for url in fixes:
                name = url.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or url
                action = QAction(self.tr("Import “%1” into Assets").replace("%1", name), menu)
                action.triggered.connect(
                    lambda _c=False, u=url: self.localImageImportRequested.emit(u)
                )
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.addSeparator()
        formats = menu.addMenu(self.tr("Format"))
        for action in self.format_actions():
            formats.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def local_images_at(self, line: int) -> list[str]:
        """The images on ``line`` (1-based) naming files elsewhere on the computer."""
        found = local_images_on_line(self.toPlainText(), line)
        return list(dict.fromkeys(ref.url for ref in found))

    def quick_fix(self) -> bool:
        """Ctrl+.: import the first image of the cursor's line that is a file elsewhere."""
        if self.isReadOnly():
            return False
        urls = self.local_images_at(self.textCursor().blockNumber() + 1)
        if urls:
            self.localImageImportRequested.emit(urls[0])
        return bool(urls)

    # -- edits -------------------------------------------------------------------------------
    def _region(self) -> tuple[int, int, str]:
        """Qt start and end of the whole lines the selection touches, and their text."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        doc = self.document()
        first, last = doc.findBlock(start), doc.findBlock(end)
        if end > start and last.position() == end and last != first:
            last = last.previous()  # a selection ending at a line start leaves that line alone
        lines = []
        block = first
        while block.isValid():
            lines.append(block.text())
            if block == last:
                break
            block = block.next()
        return first.position(), last.position() + last.length() - 1, "\n".join(lines)

    def apply_edit(self, function: Callable[..., formatting.Edit | None], *args: object) -> bool:
        """Run a formatting function on the touched lines and apply the result as one step."""
        if self.isReadOnly():
            return False
        cursor = self.textCursor()
        region_start, region_end, text = self._region()
        umap = Utf16Map(text)
        s = umap.from_qt(cursor.selectionStart() - region_start)
        e = umap.from_qt(min(cursor.selectionEnd(), region_end) - region_start)
        result = function(text, s, e, *args)
        if result is None:
            return False
        new, new_s, new_e = result
        self.replace_region(region_start, text, new)
        new_map = Utf16Map(new)
        cursor = self.textCursor()
        cursor.setPosition(region_start + new_map.to_qt(new_s))
        cursor.setPosition(region_start + new_map.to_qt(new_e), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    def replace_region(self, qt_start: int, old: str, new: str) -> None:
        """Replace ``old`` (which starts at ``qt_start``) by ``new``, touching only the part
        that differs, so the cursor, the scroll position and the highlighting stay put."""
        if old == new:
            return
        prefix = 0
        limit = min(len(old), len(new))
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        umap = Utf16Map(old)
        edit = QTextCursor(self.document())
        edit.setPosition(qt_start + umap.to_qt(prefix))
        edit.setPosition(qt_start + umap.to_qt(len(old) - suffix), QTextCursor.MoveMode.KeepAnchor)
        edit.beginEditBlock()
        edit.insertText(new[prefix : len(new) - suffix])
        edit.endEditBlock()

    def toggle_inline(self, marker: str) -> None:
        self.apply_edit(formatting.toggle_inline, marker)

    def toggle_code(self) -> None:
        self.apply_edit(formatting.toggle_code)

    def insert_link(self) -> None:
        clip = QGuiApplication.clipboard().text().strip()
        self.apply_edit(formatting.toggle_link, clip if formatting.is_url(clip) else "")

    def insert_image(self) -> None:
        """Choose image files and run them through the import pipeline (alt text included);
        without a pipeline (no issue folder), insert an empty image reference to fill in."""
        if self.isReadOnly():
            return
        if self._image_importer is None:
            self.apply_edit(formatting.make_image, "")
            return
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        with kept_focus():
            files, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("Insert Image"),
                "",
                self.tr("Images (%1);;All files (*)").replace("%1", patterns),
            )
        if files:
            self._import_images([(Path(name), Path(name).name) for name in files])

    # -- keys --------------------------------------------------------------------------------
    def _in_code_block(self) -> bool:
        previous = self.textCursor().block().previous()
        return previous.isValid() and previous.userState() >= 1000

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and mods == Qt.KeyboardModifier.NoModifier
            and not self.isReadOnly()
            and not self.textCursor().hasSelection()
            and not self._in_code_block()
            and self._continue_list()
        ):
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and mods == Qt.KeyboardModifier.ShiftModifier
            and not self.isReadOnly()
        ):
            # A continuation line inside the list item, as a real line break: QPlainTextEdit
            # would insert U+2028, which the Markdown file cannot keep.
            prefix = formatting.continuation_prefix(self.textCursor().block().text())
            self.textCursor().insertText("\n" + prefix)
            self.ensureCursorVisible()
            return
        tab = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if tab and not self.isReadOnly() and self._indent(outdent=key == Qt.Key.Key_Backtab):
            return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        line = block.text()
        col = Utf16Map(line).from_qt(cursor.position() - block.position())
        result = formatting.enter_in_list(line, col)
        if result is None:
            return False
        new, new_col = result
        self.replace_region(block.position(), line, new)
        cursor.setPosition(block.position() + Utf16Map(new).to_qt(new_col))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _indent(self, outdent: bool) -> bool:
        """Tab and Shift+Tab nest list items or indent a multi-line selection."""
        cursor = self.textCursor()
        multi_line = cursor.hasSelection() and "\u2029" in cursor.selectedText()
        in_list = LIST_ITEM.match(cursor.block().text()) is not None
        if not (multi_line or in_list):
            return False
        return self.apply_edit(formatting.indent_lines, outdent)

    # -- paste and drop ----------------------------------------------------------------------
    def set_image_importer(self, importer: ImageImporter | None) -> None:
        """``importer(source, suggested_name)`` returns the Markdown to insert ("" = cancelled).

        ``source`` is the image's bytes (pasted) or the path of a dropped/pasted file. It may
        raise MastheadError; the message is sent with ``imageImportFailed``.
        """
        self._image_importer = importer

    def _image_sources(self, source: QMimeData) -> list[tuple[bytes | Path, str]]:
        if source.hasUrls():
            files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
            images = [(p, p.name) for p in files if p.suffix.lower() in IMAGE_SUFFIXES]
            if images:
                return images
        for mime, ext in _IMAGE_MIME:
            if source.hasFormat(mime):
                data = bytes(source.data(mime).data())
                if data:
                    return [(data, f"pasted-image.{ext}")]
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                image.save(buffer, "PNG")
                return [(bytes(QByteArray(buffer.data()).data()), "pasted-image.png")]
        return []

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        if self._image_importer and not self.isReadOnly() and self._image_sources(source):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        if self.isReadOnly():
            return
        if self._image_importer is not None:
            images = self._image_sources(source)
            if images:
                self._import_images(images)
                return
        if source.hasText() and self.textCursor().hasSelection():
            url = source.text().strip()
            if formatting.is_url(url) and self.apply_edit(formatting.paste_link, url):
                return
        super().insertFromMimeData(source)

    def _import_images(self, images: list[tuple[bytes | Path, str]]) -> None:
        inserted = []
        for data, name in images:
            try:
                markdown = self._image_importer(data, name)
            except (MastheadError, OSError) as exc:
                self.imageImportFailed.emit(error_text(exc))
                continue
            if markdown:
                inserted.append(markdown)
        if inserted:
            self.insert_block("\n\n".join(inserted))
            self.ensureCursorVisible()

    def insert_block(self, text: str) -> None:
        """Insert ``text`` as its own paragraph, so an image never joins a quote or list."""
        if self.isReadOnly() or not text:
            return
        cursor = self.textCursor()
        block = cursor.block().text()
        before = block[: cursor.positionInBlock()]
        after = block[cursor.positionInBlock() :]
        previous = cursor.block().previous()
        lead = ""
        if before.strip():
            lead = "\n\n"
        elif previous.isValid() and previous.text().strip():
            lead = "\n"
        trail = "\n\n" if after.strip() else ""
        cursor.insertText(lead + text + trail)
        if trail:
            cursor.movePosition(cursor.MoveOperation.Left, n=len(trail))
        self.setTextCursor(cursor)
