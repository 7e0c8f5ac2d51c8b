"""No Qt object made for background work is destroyed off the UI thread.

Every background job runs many times while another Python thread churns out cyclic garbage
with automatic collection switched ON (the worst case: gc_guard not installed, collections
started by whichever thread allocates). The Python wrapper of every QObject the jobs'
machinery creates is watched with ``weakref.finalize``, which runs in the thread that frees
it; for a Python-owned QObject that is also where its C++ destructor runs.
"""

from __future__ import annotations

import copy
import gc
import io
import threading
import weakref
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from editor_app.core.export.base import ExportOptions
from editor_app.core.storage import load_issue
from editor_app.gui import gc_guard, workers
from editor_app.gui.document import IssueDocument
from editor_app.gui.image_import import run_blocking
from editor_app.gui.panels.export_job import ExportJob
from editor_app.gui.panels.image_fetch import RemoteImageFetch
from editor_app.gui.panels.image_scan import AssetScanner
from editor_app.gui.panels.link_check_job import LinkCheckJob
from editor_app.gui.panels.link_featured import FeaturedLookup
from editor_app.gui.panels.search_panel import SearchPanel
from editor_app.gui.preview.scheduler import RenderScheduler

RUNS = 50
WATCHED = (
    ExportJob,
    LinkCheckJob,
    AssetScanner,
    RemoteImageFetch,
    FeaturedLookup,
    RenderScheduler,
    IssueDocument,
    SearchPanel,
    workers._Dispatcher,
)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "teal").save(out, "PNG")
    return out.getvalue()


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 - the http.server API
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        body = _png()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class Recorder:
    """Watches every instance of the WATCHED classes: where it was made and where freed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.created: list[tuple[str, int]] = []
        self.freed: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        for cls in WATCHED:
            original = cls.__init__
            monkeypatch.setattr(cls, "__init__", self._wrap(cls.__name__, original))

    def _wrap(self, name, original):
        freed, lock = self.freed, self._lock

        def on_free(label: str = name) -> None:
            with lock:
                freed.append((label, threading.get_ident()))

        def init(obj, *args, **kwargs):
            original(obj, *args, **kwargs)
            if type(obj).__name__ == name:  # not again for a subclass's super().__init__
                self.created.append((name, threading.get_ident()))
                weakref.finalize(obj, on_free)

        return init

    def count(self, name: str) -> int:
        return sum(1 for label, _ in self.created if label == name)


@pytest.fixture
def garbage_churn():
    """A busy thread allocating cyclic garbage, automatic collection on with low thresholds."""
    stop = threading.Event()
    collections_off_ui: list[int] = []
    ui = threading.get_ident()

    def note(phase: str, _info: dict) -> None:
        if phase == "start" and threading.get_ident() != ui:
            collections_off_ui.append(threading.get_ident())

    def churn() -> None:
        while not stop.is_set():
            for _ in range(200):
                node: dict = {}
                node["self"] = node
            stop.wait(0.001)

    gc.callbacks.append(note)
    old = gc.get_threshold()
    gc.set_threshold(100, 5, 5)
    gc.enable()  # the conftest switched it off, as gc_guard does in the app
    thread = threading.Thread(target=churn, daemon=True)
    thread.start()
    try:
        yield collections_off_ui
    finally:
        stop.set()
        thread.join(5)
        gc.disable()
        gc.set_threshold(*old)
        gc.callbacks.remove(note)


def _settle(qtbot) -> None:
    workers.wait_for_workers(30)
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=30_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_every_job_frees_its_qt_objects_on_the_ui_thread(
    qtbot, monkeypatch, issue_folder: Path, tmp_path: Path, server: str, garbage_churn
):
    recorder = Recorder(monkeypatch)
    ui = threading.get_ident()
    issue = load_issue(issue_folder)
    (issue_folder / "assets").mkdir(exist_ok=True)
    (issue_folder / "assets" / "pic.png").write_bytes(_png())
    results: dict[str, int] = {}

    def tally(name: str):
        def got(*_args) -> None:
            assert threading.get_ident() == ui  # every report arrives on the UI thread
            results[name] = results.get(name, 0) + 1

        return got

    for n in range(RUNS):
        job = ExportJob("markdown", copy.deepcopy(issue), tmp_path / f"out{n}", ExportOptions())
        job.finished.connect(tally("export"))
        job.failed.connect(tally("export"))
        job.start()
        del job  # only the job's own bookkeeping holds it now

        check = LinkCheckJob(copy.deepcopy(issue), [f"{server}/a", f"{server}/b"], timeout=5)
        check.finished.connect(tally("links"))
        check.failed.connect(tally("links"))
        check.start()
        del check

        scanner = AssetScanner()
        scanner.reportReady.connect(tally("report"))
        scanner.reportFailed.connect(tally("report"))
        scanner.thumbnailsReady.connect(tally("thumbs"))
        snapshot = copy.deepcopy(issue)
        snapshot.folder = issue_folder
        scanner.scan(snapshot, 800)
        scanner.make_thumbnails(issue_folder, ["assets/pic.png"])
        del scanner  # its jobs' reports are dropped; the object must still die here

        fetch = RemoteImageFetch()
        fetch.fetched.connect(tally("fetch"))
        fetch.failed.connect(tally("fetch"))
        fetch.start(f"{server}/pic.png", issue_folder, 800, timeout=5)
        del fetch

        lookup = FeaturedLookup(tmp_path, issue_folder)
        lookup.ready.connect(tally("featured"))
        lookup.failed.connect(tally("featured"))
        lookup.request([f"{server}/a"])
        del lookup

        library = issue_folder.parent
        search = SearchPanel(lambda library=library: library)
        search.field.setText("tool" if n % 2 else "工具")
        search.search_now()  # the library's index is built, refreshed and queried meanwhile
        search.issue_saved(issue_folder)
        del search

        assert run_blocking(lambda n=n: sum(range(n * 100)), None, "busy") == sum(range(n * 100))
        if n % 10 == 9:
            _settle(qtbot)

    document = IssueDocument(issue_folder, autosave_ms=100)
    for _ in range(RUNS):
        scheduler = RenderScheduler(document)
        scheduler.shellRendered.connect(tally("preview"))
        scheduler.renderFailed.connect(tally("preview"))
        scheduler.request_page()
        with qtbot.waitSignal(document.problemsChanged, timeout=10_000):
            document._run_checks()
        qtbot.waitUntil(lambda s=scheduler: not s.busy, timeout=10_000)
        del scheduler
    document.close()
    del document
    _settle(qtbot)

    # Jobs whose object stays alive until it reported did report, every one of them.
    assert results.get("export") == RUNS
    assert results.get("links") == RUNS
    assert results.get("preview") == RUNS
    for name in ("ExportJob", "LinkCheckJob", "AssetScanner", "RemoteImageFetch"):
        assert recorder.count(name) == RUNS
    assert recorder.count("FeaturedLookup") == RUNS
    assert recorder.count("RenderScheduler") == RUNS
    assert recorder.count("SearchPanel") == RUNS
    # Every object made was freed by now, and on this thread.
    freed_names = sorted(name for name, _ in recorder.freed)
    made_names = sorted(name for name, _ in recorder.created if name != "_Dispatcher")
    assert freed_names == made_names
    off_thread = [(name, ident) for name, ident in recorder.freed if ident != ui]
    assert off_thread == []
    assert {ident for _, ident in recorder.created} <= {ui}
    # The churn really made collections run off the UI thread meanwhile.
    assert garbage_churn


def test_the_recorder_sees_an_object_freed_on_a_worker(qtbot, monkeypatch):
    """The check above can fail: a QObject whose last reference a thread drops dies there."""
    recorder = Recorder(monkeypatch)
    holder = [AssetScanner()]
    thread = threading.Thread(target=holder.clear)
    thread.start()
    thread.join()
    assert recorder.freed == [("AssetScanner", thread.ident)]


def test_jobs_carrying_qt_objects_are_refused(qtbot):
    owner = QObject()

    def plain(value: int) -> int:
        return value * 2

    with pytest.raises(TypeError, match="Qt objects"):
        workers.run_in_thread(owner.objectName, lambda _r: None)
    with pytest.raises(TypeError, match="closure"):
        workers.run_in_thread(lambda: owner.objectName(), lambda _r: None)

    def nested():
        return (lambda: owner)()

    with pytest.raises(TypeError, match="Qt objects"):
        workers.run_in_thread(lambda: nested(), lambda _r: None)
    got = []
    workers.run_in_thread(lambda: plain(21), got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    owner.deleteLater()


def test_a_collection_on_a_worker_would_free_qt_objects_there(qtbot, monkeypatch):
    """Why gc_guard stays: a cycle holding a QObject anywhere in the UI (not a job's) is freed
    by whichever thread's allocation triggers a collection, unless collection is the UI
    thread's alone."""
    recorder = Recorder(monkeypatch)

    class Node:
        pass

    def make_cycle() -> None:
        node = Node()
        node.me = node
        node.scanner = AssetScanner()

    make_cycle()
    worker = threading.Thread(target=gc.collect)
    worker.start()
    worker.join()
    assert recorder.freed == [("AssetScanner", worker.ident)]

    owner = QObject()
    try:
        gc.enable()
        gc_guard.install(owner)  # automatic collection off again
        make_cycle()
        worker = threading.Thread(target=lambda: [[{}] for _ in range(100_000)])
        worker.start()
        worker.join()
        assert len(recorder.freed) == 1  # the allocating thread collected nothing
        gc.collect()  # what the guard's timer does, on this thread
        assert recorder.freed[1] == ("AssetScanner", threading.get_ident())
    finally:
        owner.deleteLater()
