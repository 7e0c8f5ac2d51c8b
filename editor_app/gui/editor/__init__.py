"""The card editor: typed fields, the Markdown body editor, find and replace."""

from editor_app.gui.editor.card_editor import CardEditor
from editor_app.gui.editor.find_replace import FindReplaceBar
from editor_app.gui.editor.highlighter import MarkdownHighlighter
from editor_app.gui.editor.markdown_edit import MarkdownEdit

__all__ = ["CardEditor", "FindReplaceBar", "MarkdownEdit", "MarkdownHighlighter"]
