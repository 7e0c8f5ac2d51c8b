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


def test_a_panel_in_a_dock_tab_behind_another_waits_for_its_tab(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    front, back = QDockWidget("Front"), QDockWidget("Back")
    front.setObjectName("front")
    back.setObjectName("back")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, front)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, back)
    window.tabifyDockWidget(front, back)
    panel = _Panel()
    calls = []
    panel.deferred = DeferredRefresh(panel, lambda: calls.append(1), 10)
    back.setWidget(panel)
    panel.deferred.follow(back)
    front.setWidget(QWidget())
    window.resize(800, 600)
    window.show()
    front.raise_()
    qtbot.waitUntil(lambda: not front.widget().visibleRegion().isEmpty(), timeout=2000)
    # Qt counts the panel behind the other tab as visible; it is only out of sight.
    assert panel.isVisible() and not panel.deferred.on_screen()
    for _ in range(3):
        panel.deferred.schedule()
    qtbot.wait(50)
    assert calls == []
    back.raise_()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
