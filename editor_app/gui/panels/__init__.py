"""Dockable panels of the issue window (export, links, images …), one module per panel."""
