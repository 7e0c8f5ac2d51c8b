"""A hidden panel does no refresh work until it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from editor_app.gui.panels.panel_common import DeferredRefresh


class _Panel(QWidget):
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.deferred.shown()


def test_hidden_panel_refreshes_once_when_shown(qtbot):
    panel = _Panel()
    qtbot.addWidget(panel)
    calls = []
    deferred = panel.deferred = DeferredRefresh(panel, lambda: calls.append(1), 10)
    for _ in range(5):
        deferred.schedule()
    qtbot.wait(50)
    assert calls == []
    panel.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    deferred.schedule()
    qtbot.waitUntil(lambda: calls == [1, 1], timeout=2000)
