"""The email the Email view shows, in a real browser engine: with the stylesheet removed
from <head>, every element computes the same style as with it, so the inlining is complete
(most mail clients drop <style>)."""

from __future__ import annotations

import json
import os
import re
import struct
import zlib

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from editor_app.core.export.mail import render_email
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.model import FurtherReading, Issue, Link, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue

WAIT = 30_000
pytestmark = pytest.mark.skipif(
    os.environ.get("MASTHEAD_NO_WEBENGINE") == "1",
    reason="the QTextBrowser fallback was forced with MASTHEAD_NO_WEBENGINE=1",
)

BODY = """Intro with **bold**, *emphasis*, `code` and a [link](https://example.org/a).

## A heading

- one
- two
  - nested

1. first
2. second

> quoted text

```
code block
```

| a | b |
|---|--:|
| 1 | 2 |

---

![a red square](assets/red.png)
"""

COMPUTED_STYLES_JS = """
(function () {
  var els = [document.body].concat(Array.prototype.slice.call(document.body.querySelectorAll('*')));
  return JSON.stringify(els.map(function (el) {
    var cs = getComputedStyle(el), row = [el.tagName];
    for (var i = 0; i < cs.length; i++) row.push(cs[i] + ':' + cs.getPropertyValue(cs[i]));
    return row.join(';');
  }));
})()
"""

IMAGES_READY_JS = (
    "Array.prototype.every.call(document.images, function (i) {"
    " return i.complete && i.naturalWidth > 0; }) && document.images.length > 0"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def email_html(tmp_path) -> str:
    issue = Issue(title="邮件测试 Email Test", number=9, slug="email-test", summary="摘要")
    section = add_section(issue, "新闻", "📰")
    section.intro = "本节简介。"
    card = add_card(issue, section.id, "卡片一 Card one")
    card.source = Source("Source", "https://example.org/source")
    card.links = [Link("官网", "https://example.org/"), Link("GitHub", "https://github.com/x")]
    card.body = BODY
    card.further_reading = [FurtherReading("More", "https://example.org/more", "一句话")]
    card.note = "编辑点评。"
    parent = add_card(issue, section.id, "合集 Roundup")
    parent.body = "三个项目。"
    child = add_card(issue, parent.id, "子卡片 Sub")
    child.group = "分组"
    child.body = "子卡片正文。"
    folder = tmp_path / "email-test"
    save_issue(issue, folder)
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "red.png").write_bytes(_png())
    issue = load_issue(folder)
    return render_email(issue, AssetResolver(issue.folder, inline=True)).html


def _styles(qtbot, view: QWebEngineView, html: str) -> list[str]:
    with qtbot.waitSignal(view.loadFinished, timeout=WAIT):
        view.setHtml(html, QUrl("file:///"))
    # Sizes depend on decoded images: compare only once every image is in.
    ready: list = []

    def poll() -> bool:
        view.page().runJavaScript(IMAGES_READY_JS, 0, ready.append)
        return bool(ready) and ready[-1] is True

    qtbot.waitUntil(poll, timeout=WAIT)
    box: list = []
    view.page().runJavaScript(COMPUTED_STYLES_JS, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return json.loads(box[0])


def _without_head_styles(html: str) -> str:
    stripped = re.sub(r"<style\b[^>]*>.*?</style>", "", html, flags=re.S)
    assert stripped != html
    return stripped


def test_email_looks_the_same_without_its_head_styles(qtbot, email_html):
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    assert isinstance(view.page(), QWebEnginePage)
    with_head = _styles(qtbot, view, email_html)
    without = _styles(qtbot, view, _without_head_styles(email_html))
    assert len(with_head) > 60
    assert len(with_head) == len(without)
    differ = [
        (a[:40], set(a.split(";")) ^ set(b.split(";")))
        for a, b in zip(with_head, without, strict=True)
        if a != b
    ]
    assert differ == []

    # The comparison does see a rule that is only in <head>: one element's inline style
    # taken away (its margins and size then come from nowhere).
    broken = email_html.replace('class="card-title" style="', 'class="card-title" data-x="', 1)
    assert broken != email_html
    missing = _styles(qtbot, view, _without_head_styles(broken))
    assert missing != with_head
