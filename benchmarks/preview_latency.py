"""Preview latency: from a keystroke to the preview showing the new text.

Generates an issue of 60+ cards and 100+ KB of Markdown in a temporary folder, opens a
window with the PreviewPane and types 200 characters into one card (each character is
sent as the editor sends it, ``IssueDocument.set_card_body``, and the next one only after
the previous one is visible in the page). Then the same typing against a plain QWebEngineView
that re-renders the whole issue with ``issue_page`` and ``setHtml`` on every keystroke.
Prints the median and 95th percentile of both and their ratio.

With ``--sizes 0.1,1,3,10`` it opens issues of that many MB of Markdown instead (made from
the sample issue's cards, benchmarks/big_issue.py) and prints for each: the time until the
preview shows its first screen and until every card is in, the longest stall of the UI
thread meanwhile, and keystroke-to-preview latency (median, p95) typing into a card in the
middle of the issue.

Run:  QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \\
      QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu .venv/bin/python benchmarks/preview_latency.py
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.info=false")

# The preview package probes QtWebEngine, which must happen before the QApplication exists.
from editor_app.gui.preview import PreviewPane, page_html  # noqa: E402, I001

from PySide6.QtCore import QEventLoop, QTimer, QUrl  # noqa: E402
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget  # noqa: E402

from editor_app.core import issue_html  # noqa: E402
from editor_app.core.model import FurtherReading, Issue, Link, Source  # noqa: E402
from editor_app.core.outline import add_card, add_section  # noqa: E402
from editor_app.core.storage import save_issue  # noqa: E402
from editor_app.gui import gc_guard, workers  # noqa: E402
from editor_app.gui.document import IssueDocument  # noqa: E402
from editor_app.gui.preview.web import WORLD  # noqa: E402

SECTIONS = [
    "产品新功能/新版本",
    "新闻与访谈",
    "讨论与分享",
    "报告查看与分析",
    "产品/方案介绍",
    "有意思的事",
]
TYPED = (
    "Kubernetes 调度器 scheduler 在 v1 版本中 adds 动态资源分配 and 更好的 observability " * 4
)[:200].replace("  ", " ")


def png(width: int, height: int, seed: int) -> bytes:
    """A small solid-colour PNG, so every card shows a real local image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    pixel = bytes([seed * 37 % 256, seed * 91 % 256, 200])
    rows = b"".join(b"\x00" + pixel * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def card_body(n: int) -> str:
    """About 1.8 KB of the Markdown editors write: headings, nested lists, a table, a quote."""
    return f"""该项目第 {n} 号更新带来了多项改进，社区反馈积极。Project {n} ships a new control plane.

### 主要变化

- 支持 **多集群** 调度与 `ResourceClaim` 资源声明
  - 控制面延迟降低约 {n % 40 + 10}%，内存占用下降
  - 新增 OpenTelemetry 指标与追踪
- 改进了 CLI 体验：`tool apply --server-side` 默认开启
- 修复了 {n * 3} 个问题，详见 [发布说明](https://example.org/releases/{n})

| 组件 Component | 旧版本 | 新版本 |
| --- | --- | --- |
| controller | v1.{n}.0 | v1.{n + 1}.0 |
| agent | v0.{n}.2 | v0.{n}.3 |

> 维护者表示：“我们希望把运维的复杂度留给平台，而不是留给每个团队。”

1. 升级前请先备份 etcd 数据；
2. 按照文档逐个节点滚动升级；
3. 观察指标 15 分钟后再继续。

云原生生态在过去一年里发展迅速，越来越多的团队把有状态服务迁移到 Kubernetes 上，
同时也对可观测性、成本与安全提出了更高的要求。本文从实际案例出发，讨论了 {n} 个常见问题，
并给出了可以直接落地的配置示例与排障思路。Engineers report fewer incidents after the upgrade.

#### 实践建议

- 先在预发环境验证 {n} 个关键路径，再逐步放量；
- 为每个命名空间设置 ResourceQuota 与 LimitRange，避免资源争抢；
- 使用 GitOps 管理配置变更，所有修改都经过评审并可回滚。

![架构图 {n}](assets/diagram-{n}.png)

团队还分享了迁移过程中的经验教训：提前规划网络策略、统一日志格式、把告警规则写成代码，
并定期演练故障恢复。The write-up closes with a checklist for teams starting the same journey.
"""


def long_body(chars: int) -> str:
    """A card body of about ``chars`` characters of varied Markdown (headings, nested lists,
    tables, quotes, ordered lists, links; each heading once): a long card to type into."""
    blocks = []
    n = 0
    while sum(len(b) + 2 for b in blocks) < chars:
        body = card_body(n).replace("### 主要变化", f"### 主要变化 {n}")
        body = body.replace("#### 实践建议", f"#### 实践建议 {n}")
        blocks.extend(b for b in body.split("\n\n") if not b.startswith("!["))
        n += 1
    text = "\n\n".join(blocks)
    cut = text.rfind("\n\n", 0, chars)
    return text[: cut if cut > 0 else chars]


def build_issue(folder: Path, cards: int = 64) -> tuple[Issue, str]:
    issue = Issue(title="基准测试期刊 Benchmark Issue", number=99, slug="bench")
    sections = [add_section(issue, title, "📦") for title in SECTIONS]
    for n in range(cards):
        card = add_card(issue, sections[n % len(sections)].id, f"项目 {n} 发布新版本 Project {n}")
        card.source = Source(title=f"Project {n} release notes", url=f"https://example.org/p/{n}")
        card.links = [Link("GitHub", f"https://github.com/example/p{n}")]
        card.body = card_body(n)
        card.further_reading = [
            FurtherReading(f"延伸 {n}", f"https://example.org/r/{n}", "一句话摘要")
        ]
        card.note = f"🎤 编者按：第 {n} 条值得关注。"
    save_issue(issue, folder)
    for n in range(cards):
        (folder / "assets" / f"diagram-{n}.png").write_bytes(png(320, 180, n))
    target = sections[3].card_ids[5]  # a card in the middle of the page
    return issue, target


def keystroke(
    signal, accept: Callable[..., bool], run_js, type_char: Callable[[], None], check: str
) -> float:
    """Milliseconds from ``type_char()`` until the page shows the typed text.

    After each ``signal`` that ``accept``s, ``check`` (a script answering true once the text
    is there) runs in the page's isolated world; the clock stops when it answers true.
    """
    loop = QEventLoop()
    found: list[float] = []

    def on_result(ok: object) -> None:
        if ok and not found:
            found.append(time.perf_counter())
            loop.quit()

    def on_signal(*args: object) -> None:
        if accept(*args):
            run_js(check, on_result)

    signal.connect(on_signal)
    timeout = QTimer(singleShot=True, interval=30_000)
    timeout.timeout.connect(loop.quit)
    timeout.start()
    t0 = time.perf_counter()
    type_char()
    if not found:
        loop.exec()
    timeout.stop()
    signal.disconnect(on_signal)
    if not found:
        raise SystemExit("the page never showed the typed text")
    return (found[0] - t0) * 1000


def measure_pane(
    pane: PreviewPane, document: IssueDocument, card_id: str, base: str
) -> list[float]:
    return [
        keystroke(
            pane.renderedCard,
            lambda cid: cid == card_id,
            pane.backend.run_js,
            partial(document.set_card_body, card_id, base + TYPED[:i]),
            page_html.js_contains(TYPED[:i].rstrip()),
        )
        for i in range(1, len(TYPED) + 1)
    ]


def full_render(view: QWebEngineView, issue: Issue, card_id: str, text: str) -> None:
    """The naive preview: render the whole issue and load it again."""
    issue.cards[card_id].body = text
    base_url = QUrl.fromLocalFile(str(issue.folder) + "/")
    view.setHtml(issue_html.issue_page(issue, preview=True), base_url)


def measure_full(view: QWebEngineView, issue: Issue, card_id: str, base: str) -> list[float]:
    def run_js(script: str, callback: Callable[[object], None]) -> None:
        view.page().runJavaScript(script, WORLD, callback)

    return [
        keystroke(
            view.loadFinished,
            lambda _ok: True,
            run_js,
            partial(full_render, view, issue, card_id, base + TYPED[:i]),
            page_html.js_contains(TYPED[:i].rstrip()),
        )
        for i in range(1, len(TYPED) + 1)
    ]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class StallMeter:
    """The longest time the UI thread did not get back to its event loop (a 5 ms timer)."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self._last) * 1000)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.worst


def wait_for(signal, timeout_ms: int = 300_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


SIZES = ("0.1", "1", "3", "10")


class Session:
    """An issue open in a preview, as the pane alone or in the whole window (``window``:
    typing then goes through the card editor, the status bar's counts and every other
    listener of the document, as it does for the user)."""

    def __init__(self, folder: Path, window: bool) -> None:
        self.folder = folder
        self.opened = time.perf_counter()
        self.read: float | None = None
        self.first: list[float] = []
        self.done: list[float] = []
        if window:
            from PySide6.QtCore import QSettings

            from editor_app.gui.app_settings import AppSettings
            from editor_app.gui.main_window import MainWindow

            ini = folder.parent / "settings.ini"
            settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
            self.window = MainWindow(folder.parent, settings)
            self.window.resize(1400, 900)
            self.window.show()
            self.opened = time.perf_counter()
            self.window.open_issue(folder)
            workspace = self.window.workspace
            self.document, self.pane, self.workspace = (
                workspace.document,
                workspace.preview,
                workspace,
            )
        else:
            self.workspace = None
            self.document = IssueDocument(folder, autosave_ms=600_000)
            self.read = time.perf_counter()  # the issue's files are read: the pane starts
            self.window = QWidget()
            QHBoxLayout(self.window).addWidget(pane := PreviewPane(self.document))
            self.pane = pane
            self.window.resize(1100, 800)
            self.window.show()
        self.pane.pageLoaded.connect(lambda: self.first.append(time.perf_counter()))
        self.pane.pageCompleted.connect(lambda: self.done.append(time.perf_counter()))
        if self.pane.page_loads and not self.first:
            self.first.append(time.perf_counter())

    def wait_complete(self) -> None:
        if not self.pane.is_complete():
            wait_for(self.pane.pageCompleted)
        if not self.done:
            self.done.append(time.perf_counter())

    def open_card(self, card_id: str) -> Callable[[str], None]:
        """Show ``card_id`` and return a function typing one character at its end."""
        self.pane.show_card(card_id)
        if self.workspace is None:
            base = self.document.card(card_id).body + "\n\n"
            typed: list[str] = []

            def type_char(ch: str) -> None:
                typed.append(ch)
                self.document.set_card_body(card_id, base + "".join(typed))

            return type_char
        from PySide6.QtGui import QInputMethodEvent, QTextCursor

        self.workspace.open_card(card_id)
        edit = self.workspace.editor.body_edit
        edit.moveCursor(QTextCursor.MoveOperation.End)
        edit.insertPlainText("\n\n")

        def type_key(ch: str) -> None:
            # Through the input method, as Chinese arrives from a real one.
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)

        return type_key

    def close(self) -> None:
        if self.workspace is not None:
            self.window.close_issue()
        else:
            self.document.close()
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()


def settle(ms: int) -> None:
    """Let timers and late work run (debounced counts, autosave) while stalls are measured."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def read_part(session: Session) -> str:
    if session.read is None:
        return ""
    return f" (reading the files {session.read - session.opened:.2f} s)"


def measure_size(megabytes: float, keys: int, window: bool, card_chars: int = 0) -> None:
    """Open an issue of ``megabytes`` MB, wait for the whole page, type into a middle card
    (with ``card_chars``, that card's body is made that many characters long first)."""
    from benchmarks.big_issue import build_big_issue, markdown_bytes
    from editor_app.core.storage import save_issue

    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        issue = build_big_issue(Path(tmp) / "big", megabytes)
        tops = [t for s in issue.sections for t in s.card_ids]
        card_id = tops[len(tops) // 2]
        if card_chars:
            issue.cards[card_id].body = long_body(card_chars)
            save_issue(issue, issue.folder)
        stalls = StallMeter()
        session = Session(issue.folder, window)
        session.wait_complete()
        open_stall = stalls.stop()
        assert card_id in session.document.issue.cards
        typed_chars = len(session.document.card(card_id).body)
        type_char = session.open_card(card_id)
        anchor = session.pane.scheduler.layout.anchors.cards[card_id]
        settle(500)
        stalls = StallMeter()
        times = []
        for i in range(1, keys + 1):
            text = TYPED[:i]
            # Only the typed card's text: reading the whole page would cost O(page).
            el = f"document.getElementById({page_html.js_string(anchor)})"
            check = f"({el}.textContent.indexOf({page_html.js_string(text.rstrip())}) >= 0)"
            times.append(
                keystroke(
                    session.pane.renderedCard,
                    lambda cid: cid == card_id,
                    session.pane.backend.run_js,
                    partial(type_char, text[-1]),
                    check,
                )
            )
        settle(1500)
        typing_stall = stalls.stop()
        print(
            f"{megabytes:>5g} MB ({markdown_bytes(issue) / 1024 / 1024:.1f} MB, "
            f"{len(issue.cards)} cards{', window' if window else ''}, "
            f"typed card {typed_chars:,} chars): "
            f"first screen {(session.first[0] - session.opened):5.2f} s"
            f"{read_part(session)}, "
            f"whole page {(session.done[0] - session.opened):6.2f} s, "
            f"worst UI stall {open_stall:5.0f} ms; keystroke p50 "
            f"{statistics.median(times):5.1f} ms, p95 {p95(times):5.1f} ms ({keys} keys), "
            f"worst UI stall while typing {typing_stall:4.0f} ms",
            flush=True,
        )
        session.close()


def measure_single_card(megabytes: float, keys: int, window: bool, pauses: int = 0) -> None:
    """One card of ``megabytes`` MB: how long each keystroke holds the UI thread, and the
    longest stall while typing and for 1.5 s after (late renders, counts). With ``pauses``,
    the typist stops that many times for 0.8 s, long enough for the checks and the counts
    of the whole body to start, and types on while they run."""
    from benchmarks.big_issue import build_single_card_issue

    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        issue = build_single_card_issue(Path(tmp) / "one", megabytes)
        session = Session(issue.folder, window)
        session.wait_complete()
        card_id = next(iter(session.document.issue.cards))
        type_char = session.open_card(card_id)
        settle(1000)
        stalls = StallMeter()
        held = []
        pause_at = {keys * (i + 1) // (pauses + 1) for i in range(pauses)}
        for i, ch in enumerate(TYPED[:keys]):
            t0 = time.perf_counter()
            type_char(ch)
            held.append((time.perf_counter() - t0) * 1000)
            settle(800 if i in pause_at else 30)  # a fast typist: about 30 keys a second
        settle(1500)
        worst = stalls.stop()
        print(
            f"{megabytes:>5g} MB in one card{' (window)' if window else ''}: keystroke holds the "
            f"UI thread p50 {statistics.median(held):5.1f} ms, p95 {p95(held):5.1f} ms; "
            f"worst UI stall while typing {worst:5.0f} ms; "
            f"{session.pane.scheduler.renders} renders for {keys} keys"
            f"{f', {pauses} pauses' if pauses else ''}",
            flush=True,
        )
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=64)
    parser.add_argument(
        "--size",
        nargs="+",
        choices=SIZES,
        help="MB of Markdown: open an issue of each size and type into a card in its middle",
    )
    parser.add_argument(
        "--single-card", action="store_true", help="with --size: all of it in one card"
    )
    parser.add_argument(
        "--window",
        action="store_true",
        help="with --size: the whole main window, typing through the card editor",
    )
    parser.add_argument("--keys", type=int, default=100, help="keystrokes per size")
    parser.add_argument(
        "--card-chars",
        type=int,
        default=0,
        help="with --size: make the typed card this many characters of varied Markdown",
    )
    parser.add_argument(
        "--pauses",
        type=int,
        default=0,
        help="with --single-card: stop typing this many times for 0.8 s (checks and counts start)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    # As the app does: cyclic garbage is collected on the UI thread only, on a timer (a
    # collection run by a worker that frees Qt objects crashes, and pauses a render).
    gc_guard.install(app)
    workers.share_interpreter()  # as the app does
    if args.size:
        for size in args.size:
            if args.single_card:
                measure_single_card(float(size), args.keys, args.window, args.pauses)
            else:
                measure_size(float(size), args.keys, args.window, args.card_chars)
        return
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        folder = Path(tmp) / "bench"
        issue, card_id = build_issue(folder, args.cards)
        markdown_bytes = sum(len(c.body.encode("utf-8")) for c in issue.cards.values())
        files_bytes = sum(p.stat().st_size for p in (folder / "cards").glob("*.md"))
        document = IssueDocument(folder, autosave_ms=60_000)

        window = QWidget()
        window.setWindowTitle("Masthead preview benchmark")
        layout = QHBoxLayout(window)
        pane = PreviewPane(document)
        layout.addWidget(pane)
        window.resize(1100, 800)
        window.show()
        loop = QEventLoop()
        pane.pageLoaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        if pane.page_loads < 1:
            raise SystemExit("the preview page never loaded")
        pane.show_card(card_id)
        base = document.card(card_id).body + "\n\n"
        print(
            f"issue: {len(issue.cards)} cards, {markdown_bytes / 1024:.0f} KiB of Markdown in card "
            f"bodies ({files_bytes / 1024:.0f} KiB of card files); "
            f"typing {len(TYPED)} characters into one card"
        )
        renders_before = pane.scheduler.renders
        incremental = measure_pane(pane, document, card_id, base)
        renders = pane.scheduler.renders - renders_before
        loads = pane.page_loads

        # The same typing with a whole-page re-render per keystroke, in a plain view.
        layout.removeWidget(pane)
        pane.hide()
        view = QWebEngineView(window)  # created before the profile: its page dies first
        profile = QWebEngineProfile(window)
        view.setPage(QWebEnginePage(profile, view))
        view.page().settings().setAttribute(
            QWebEngineSettings.WebAttribute.JavascriptEnabled, False
        )
        layout.addWidget(view)
        snapshot = copy.deepcopy(document.issue)
        snapshot.folder = folder
        snapshot.cards[card_id].body = base
        full = measure_full(view, snapshot, card_id, base)

        def line(name: str, values: list[float]) -> str:
            return (
                f"{name:<34} median {statistics.median(values):7.1f} ms   p95 {p95(values):7.1f} ms"
            )

        print(line("incremental (PreviewPane):", incremental))
        print(f"{'':34} {renders} renders, page loaded {loads} time(s)")
        print(line("full setHtml(issue_page) per key:", full))
        ratio = statistics.median(full) / statistics.median(incremental)
        print(f"ratio of medians (full / incremental): {ratio:.1f}x")
        target = statistics.median(incremental) < 50 and ratio >= 3
        print(f"target (median < 50 ms, >= 3x faster): {'met' if target else 'NOT met'}")

        document.close()
        window.close()
        del window  # children go in creation order: pages before their profiles


if __name__ == "__main__":
    main()
