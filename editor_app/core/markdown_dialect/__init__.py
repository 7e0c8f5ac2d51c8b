"""The Markdown dialect of the one renderer: python-markdown brought in line with CommonMark + GFM.

Hugo renders the exported Markdown with Goldmark (CommonMark with GFM tables, strikethrough,
linkify and task lists); the preview and the HTML exports render it with python-markdown. Each
module here closes one gap between the two:

- ``lists``: lists that interrupt a paragraph, nesting by content column, ``1)`` markers;
- ``emphasis``: CommonMark's flanking rules for ``*`` and ``_`` (bold next to CJK punctuation);
- ``inline``: ``~~strike~~`` and ``~strike~``, backslash hard breaks;
- ``autolink``: bare ``http(s)://`` and ``www.`` links;
- ``tables``: ``\\|`` inside code in a table cell is a pipe, as GFM has it;
- ``tasklist``: ``- [ ]`` / ``- [x]`` items;
- ``cjk``: no space for a line break between two CJK characters.

The differences kept on purpose are listed in docs/format.md ("The Markdown dialect").
"""

from __future__ import annotations

import markdown
from markdown.extensions import Extension

from editor_app.core.markdown_dialect import inline
from editor_app.core.markdown_dialect.autolink import Autolinker
from editor_app.core.markdown_dialect.cjk import CjkLineJoin
from editor_app.core.markdown_dialect.emphasis import use_flanking_rules
from editor_app.core.markdown_dialect.lists import FencePlaceholders, ListNormaliser
from editor_app.core.markdown_dialect.looseness import ListLooseness
from editor_app.core.markdown_dialect.tables import TableCodePipes
from editor_app.core.markdown_dialect.tasklist import TaskLists

__all__ = ["DialectExtension"]


class DialectExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - markdown API
        # Before fenced code (25) so fences are still visible as such.
        md.preprocessors.register(ListNormaliser(md), "dialect_lists", 28)
        inline.register(md)
        use_flanking_rules(md)
        # After the inline pass (20); after unescape (0) so escaped text reads as itself; before
        # the link collector (-1) so bare links are collected too.
        md.treeprocessors.register(ListLooseness(md), "dialect_looseness", 19)
        md.treeprocessors.register(FencePlaceholders(md), "dialect_fences", 19.5)
        md.treeprocessors.register(TableCodePipes(md), "dialect_table_pipes", 18.5)
        md.treeprocessors.register(TaskLists(md), "dialect_tasks", 18)
        md.treeprocessors.register(Autolinker(md), "dialect_autolink", -0.5)
        md.treeprocessors.register(CjkLineJoin(md), "dialect_cjk_breaks", -0.6)
