"""The pieces WeChat and email share: the reshaped page and its plain text."""

from __future__ import annotations

import pytest

from editor_app.core.export.base import PreflightError
from editor_app.core.export.channel_page import PlainText, References, channel_page, text_width
from editor_app.core.export.channels import copy_channel, render_channel
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.tree import parse
from editor_app.core.model import Issue

LABELS = {"image": "Image", "links": "Links"}


def test_page_loses_toc_anchors_and_ids(rich_issue: Issue):
    page = channel_page(rich_issue, AssetResolver(rich_issue.folder, inline=True), "email")
    for part in [page.header, *page.sections]:
        for el in part.iter():
            assert "id" not in el.attrs
            assert not el.attrs.get("href", "x").startswith("#")
    assert len(page.sections) == len(rich_issue.sections)
    assert page.title.startswith(rich_issue.title)


def test_plain_text_blocks_lists_tables_and_footnotes():
    html = (
        "<div><h1>Title</h1><p>See <a href='https://a.example/'>A</a> and "
        "<a href='https://b.example/'>B</a>, again <a href='https://a.example/'>A</a>.</p>"
        "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"
        "<ol start='3'><li>three</li></ol><blockquote><p>quoted</p></blockquote>"
        "<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<p><img src='x.png' alt='a chart'></p><pre>  code\n  kept</pre></div>"
    )
    refs = References()
    text = PlainText(refs, LABELS).document([parse(html)])
    assert text == (
        "Title\n=====\n\n"
        "See A [1] and B [2], again A [1].\n\n"
        "- one\n\n  - inner\n- two\n\n"
        "3. three\n\n"
        "> quoted\n\n"
        "k | v\n1 | 2\n\n"
        "[Image: a chart]\n\n"
        "  code\n  kept\n\n"
        "Links\n-----\n[1] https://a.example/\n[2] https://b.example/\n"
    )
    assert refs.urls == ["https://a.example/", "https://b.example/"]


def test_cjk_text_is_two_columns_wide():
    assert text_width("云原生 ok") == 9


def test_render_and_copy_channel(rich_issue: Issue):
    out = render_channel(rich_issue, "wechat")
    assert out.references and "data:image/png;base64," in out.fragment
    assert copy_channel(rich_issue, "email").text == render_channel(rich_issue, "email").text
    with pytest.raises(ValueError):
        render_channel(rich_issue, "fax")
    meme = next(c for c in rich_issue.cards.values() if c.kind == "meme")
    meme.body = "![](assets/cat.png)"
    with pytest.raises(PreflightError):
        copy_channel(rich_issue, "wechat")
