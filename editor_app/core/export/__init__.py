"""Exporters: one abstract base (base.py), one write-only subclass per format.

Kept import-light on purpose: issue_html imports export.assets, and the HTML exporter imports
issue_html, so this package must not import its submodules eagerly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation; see the note above
    from editor_app.core.export.base import Exporter

FORMATS = ("markdown", "html")


def get_exporter(fmt: str) -> Exporter:
    """The exporter for ``fmt`` ("markdown" or "html"); ValueError for anything else."""
    if fmt == "markdown":
        from editor_app.core.export.markdown import MarkdownExporter

        return MarkdownExporter()
    if fmt == "html":
        from editor_app.core.export.html import HtmlExporter

        return HtmlExporter()
    raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
