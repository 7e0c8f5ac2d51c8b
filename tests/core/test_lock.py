"""The issue's write lock: writers queue; a window held by another live process blocks them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from editor_app.core.errors import IssueLockedError
from editor_app.core.lock import IssueLock, issue_write_lock, window_holder


def hold_window_lock(folder: Path, pid: int) -> Path:
    """A window-style lock as the app writes it, for process ``pid`` on this host."""
    lock = folder / ".masthead" / "lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "since": 0}))
    return lock


@pytest.fixture
def other_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()


def test_free_issue_is_written(tmp_path):
    with issue_write_lock(tmp_path):
        (tmp_path / "x").write_text("written")
    assert window_holder(tmp_path) is None


def test_window_of_another_live_process_refuses_at_once(tmp_path, other_process):
    hold_window_lock(tmp_path, other_process.pid)
    start = time.monotonic()
    with pytest.raises(IssueLockedError) as caught, issue_write_lock(tmp_path):
        pytest.fail("entered although the window holds the issue")
    assert time.monotonic() - start < 1
    message = caught.value.describe()
    assert f"pid {other_process.pid} on {socket.gethostname()}" in message
    assert "--wait" in message


def test_wait_with_a_timeout_gives_up(tmp_path, other_process):
    hold_window_lock(tmp_path, other_process.pid)
    start = time.monotonic()
    with (
        pytest.raises(IssueLockedError, match="after waiting 0.4 s"),
        issue_write_lock(tmp_path, wait=True, timeout=0.4),
    ):
        pass
    assert 0.35 < time.monotonic() - start < 3


def test_wait_goes_ahead_once_the_window_closes(tmp_path, other_process):
    lock = hold_window_lock(tmp_path, other_process.pid)
    threading.Timer(0.5, lock.unlink).start()
    start = time.monotonic()
    with issue_write_lock(tmp_path, wait=True, timeout=10):
        waited = time.monotonic() - start
    assert 0.4 < waited < 5


def test_stale_window_lock_does_not_block(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    hold_window_lock(tmp_path, child.pid)
    with issue_write_lock(tmp_path):
        pass


def test_the_window_writes_through_its_own_lock(tmp_path):
    window = IssueLock(tmp_path)
    assert window.acquire()
    try:
        with issue_write_lock(tmp_path):
            pass
    finally:
        window.release()


def test_writers_queue_on_the_file_lock(tmp_path):
    order: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with issue_write_lock(tmp_path):
            inside.set()
            time.sleep(0.4)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with (
        pytest.raises(IssueLockedError, match="still writing"),
        issue_write_lock(tmp_path, timeout=0.1),
    ):
        pass
    with issue_write_lock(tmp_path):  # waits its turn
        order.append("second")
    thread.join()
    assert order == ["first done", "second"]


def test_a_window_opened_while_queued_is_seen(tmp_path, other_process):
    # The window lock is looked at again once the file lock is ours.
    inside = threading.Event()
    release = threading.Event()

    def writer() -> None:
        with issue_write_lock(tmp_path):
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    inside.wait(5)
    result: list[BaseException] = []

    def queued() -> None:
        try:
            with issue_write_lock(tmp_path):
                pass
        except IssueLockedError as exc:
            result.append(exc)

    second = threading.Thread(target=queued)
    second.start()
    time.sleep(0.2)
    hold_window_lock(tmp_path, other_process.pid)
    release.set()
    thread.join()
    second.join(5)
    assert result and "open in Masthead" in str(result[0])


def test_lock_file_lives_in_the_state_folder(tmp_path):
    with issue_write_lock(tmp_path):
        assert (tmp_path / ".masthead" / "write-lock").exists()
