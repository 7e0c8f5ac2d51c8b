"""The preview's Site / WeChat / Email switch: each channel's own page, kept current."""

from __future__ import annotations

import pytest

from editor_app.core.model import Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.preview import PreviewPane
from editor_app.gui.preview.channel_view import render_channel_page
from tests.gui.preview.web_helpers import WAIT, needs_web
from tests.gui.preview.web_helpers import page_text as _text
from tests.gui.preview.web_helpers import run_js as _js


@pytest.fixture
def document(tmp_path):
    issue = Issue(title="渠道预览 Channel Preview", number=5, slug="channel-preview")
    news = add_section(issue, "新闻与访谈", "📰")
    for n in range(3):
        card = add_card(issue, news.id, f"新闻 {n}")
        card.source = Source(title=f"News {n}", url=f"https://example.org/news/{n}")
        card.body = f"正文 body-{n}，见 [详情](https://example.com/more/{n})。"
    folder = tmp_path / "channel-preview"
    save_issue(issue, folder)
    doc = IssueDocument(folder, autosave_ms=60_000)
    yield doc
    doc.close()


def test_channel_page_keeps_card_ids_and_adds_only_preview_styles(document):
    html = render_channel_page(document.issue, "wechat", remote=False)
    card = document.issue.sections[0].card_ids[0]
    assert f'data-card-id="{card}"' in html
    assert html.index("Content-Security-Policy") < html.index('<style id="mh-channel">')
    assert "max-width: 390px" in html  # a phone's width, preview only


@needs_web
def test_switching_channels_shows_each_page(qtbot, document):
    pane = PreviewPane(document)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.waitUntil(lambda: pane.page_loads >= 1, timeout=WAIT)
    assert pane.channel() == "site"
    assert _js(qtbot, pane, "!!document.getElementById('toc')") is True

    loads = pane.page_loads
    with qtbot.waitSignal(pane.channelChanged, timeout=WAIT):
        pane.channel_combo.setCurrentIndex(pane.channel_combo.findData("wechat"))
    qtbot.waitUntil(lambda: pane.page_loads > loads, timeout=WAIT)
    assert pane.channel() == "wechat"
    text = _text(qtbot, pane)
    assert "参考链接" in text and "https://example.com/more/0" in text
    assert _js(qtbot, pane, "document.querySelectorAll('a[href^=\"https://example\"]').length") == 0
    assert _js(qtbot, pane, "!!document.getElementById('toc')") is False

    # An edit renders the channel page again; no site card is swapped into it.
    card = document.issue.sections[0].card_ids[1]
    loads = pane.page_loads
    document.set_card_body(card, "改过的正文 edited-body")
    qtbot.waitUntil(lambda: pane.page_loads > loads, timeout=WAIT)
    assert "edited-body" in _text(qtbot, pane)
    assert _js(qtbot, pane, "document.querySelectorAll('article.card').length") == 0

    loads = pane.page_loads
    pane.set_channel("email")
    qtbot.waitUntil(lambda: pane.page_loads > loads, timeout=WAIT)
    assert _js(qtbot, pane, "!!document.querySelector('table.email-container')") is True
    # Email keeps its links: three sources and two body links (the edit took one away).
    links = "document.querySelectorAll('a[href^=\"https://example\"]').length"
    assert _js(qtbot, pane, links) == 5

    loads = pane.page_loads
    pane.set_channel("site")
    qtbot.waitUntil(lambda: pane.page_loads > loads and pane.is_complete(), timeout=WAIT)
    assert _js(qtbot, pane, "!!document.getElementById('toc')") is True
    assert "edited-body" in _text(qtbot, pane)


def test_text_preview_shows_channels_too(qtbot, document):
    pane = PreviewPane(document, use_web=False)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.page_loads >= 1, timeout=WAIT)
    loads = pane.page_loads
    pane.set_channel("wechat")
    qtbot.waitUntil(lambda: pane.page_loads > loads, timeout=WAIT)
    assert "参考链接" in pane.backend.browser.toPlainText()
    with pytest.raises(ValueError):
        pane.set_channel("fax")
