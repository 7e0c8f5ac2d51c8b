"""Exporters: one abstract base (base.py), one write-only subclass per format.

The formats, profiles and options are declared in registry.py. Kept import-light on purpose:
issue_html imports export.assets, and the HTML exporter imports issue_html, so this package
must not import the exporter modules eagerly (the registry imports them on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.export.registry import EXPORTS

if TYPE_CHECKING:  # only for the annotation; see the note above
    from editor_app.core.export.base import Exporter


def get_exporter(fmt: str) -> Exporter:
    """A new exporter for ``fmt`` (a format of the registry); ValueError for anything else."""
    return EXPORTS.exporter(fmt)
