"""Exporters: one abstract base (base.py), one write-only subclass per format.

The formats, profiles and options are declared in registry.py. Kept import-light on purpose:
importing the package loads the registry only; the exporter modules (the HTML one brings in
issue_html and the renderer) are imported on first use. The helpers the exporters share with
issue_html and the importers are in core/markup/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.export.registry import EXPORTS

if TYPE_CHECKING:  # only for the annotation; see the note above
    from editor_app.core.export.base import Exporter


def get_exporter(fmt: str) -> Exporter:
    """A new exporter for ``fmt`` (a format of the registry); ValueError for anything else."""
    return EXPORTS.exporter(fmt)
