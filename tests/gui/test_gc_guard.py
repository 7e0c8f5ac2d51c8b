"""Cyclic garbage is collected on the UI thread, not by whichever thread allocates."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from editor_app.gui import gc_guard


class _Node:
    pass


def test_guard_turns_off_automatic_collection_and_collects_itself(qtbot):
    was_enabled = gc.isenabled()
    gc.enable()
    owner = QObject()
    try:
        guard = gc_guard.install(owner)
        assert gc_guard.install(owner) is guard  # one per application
        assert not gc.isenabled()
        node = _Node()
        node.self = node  # a cycle only the cyclic collector frees
        alive = weakref.ref(node)
        del node
        gc.set_threshold(1, 1, 1)
        for _ in range(5):
            [object() for _ in range(10)]
            guard.check()
        assert alive() is None
    finally:
        gc.set_threshold(700, 10, 10)
        owner.deleteLater()
        if was_enabled:
            gc.enable()
