"""run_in_thread delivers every result on the UI thread, and none to a deleted owner."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from editor_app.gui import workers
from editor_app.gui.workers import run_in_thread


def test_every_result_arrives_on_the_ui_thread(qtbot):
    results, threads = [], set()
    for n in range(50):
        run_in_thread(
            lambda n=n: n * n, lambda r: (results.append(r), threads.add(threading.get_ident()))
        )
    qtbot.waitUntil(lambda: len(results) == 50, timeout=10_000)
    assert sorted(results) == [n * n for n in range(50)]
    assert threads == {threading.get_ident()}


def test_errors_are_reported(qtbot):
    errors = []
    run_in_thread(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert "division by zero" in errors[0]


def test_deleted_owner_gets_nothing(qtbot):
    owner = QObject()
    got, done = [], threading.Event()

    def slow():
        done.wait(5)
        return "late"

    run_in_thread(slow, got.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    done.set()
    qtbot.wait(300)
    assert got == []


def _alive(obj) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(obj)


def test_the_ui_thread_wins_the_interpreter_back_quickly(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "setswitchinterval", lambda s: calls.append(s))
    calls: list[float] = []
    workers.share_interpreter()
    assert calls == [workers.SWITCH_INTERVAL_S] and workers.SWITCH_INTERVAL_S < 0.005
