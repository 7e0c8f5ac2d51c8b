"""The Markdown link scanner: every form, exact spans, code and HTML skipped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.core.linkscan import AUTOLINK, BARE, HTML, INLINE, REFERENCE, scan_markdown
from editor_app.core.render import render_markdown

BODY = """\
新版本发布，详见 [发布说明 [v1.2]](https://example.org/notes_(v1) "标题") 与
![吞吐量对比图](assets/chart.png)。

参考 [设计文档][design]、[design] 与 [Design][]，以及 <https://auto.example.org/p?q=1>。
原文：https://bare.example.org/post/42，欢迎阅读（https://paren.example.org/a_(b)）。
访问https://cjk.example.org/x了解更多

[![封面](assets/cover.png)](https://wrapped.example.org)
[有空格的链接](<https://space.example.org/a b>)

`[代码](https://code.example.org)` 和 https://code2.example.org 不在代码里。

```
[围栏](https://fenced.example.org) https://fenced2.example.org
```

<!-- [注释](https://comment.example.org) -->
脚注[^1]，锚点 [跳转](#section)，转义 \\[不是链接](https://escaped.example.org)。

[design]: https://design.example.org/doc "设计"
[^1]: 脚注里的 https://footnote.example.org
"""


def by_url(text: str) -> dict[str, object]:
    return {link.url: link for link in scan_markdown(text)}


def test_every_form_is_found_with_its_url_span():
    found = scan_markdown(BODY)
    for link in found:
        written = BODY[link.url_start : link.url_end]
        assert written == link.url, link
    urls = [(x.form, x.image, x.url) for x in found]
    assert (INLINE, False, "https://example.org/notes_(v1)") in urls
    assert (INLINE, True, "assets/chart.png") in urls
    assert urls.count((REFERENCE, False, "https://design.example.org/doc")) == 3
    assert (AUTOLINK, False, "https://auto.example.org/p?q=1") in urls
    assert (BARE, False, "https://bare.example.org/post/42") in urls
    assert (BARE, False, "https://paren.example.org/a_(b)") in urls
    assert (INLINE, True, "assets/cover.png") in urls
    assert (INLINE, False, "https://wrapped.example.org") in urls
    assert (INLINE, False, "https://space.example.org/a b") in urls
    assert (BARE, False, "https://footnote.example.org") in urls


def test_bare_url_stops_at_chinese_text_and_punctuation():
    urls = by_url(BODY)
    assert "https://cjk.example.org/x" in urls
    assert "https://bare.example.org/post/42" in urls
    assert not any("，" in u or "了解" in u for u in urls)


def test_code_comments_and_escapes_are_not_links():
    urls = by_url(BODY)
    for skipped in ("code", "fenced", "fenced2", "comment"):
        assert f"https://{skipped}.example.org" not in urls
    assert urls["https://code2.example.org"].form == BARE
    # An escaped bracket is no link; the URL after it is plain text, a bare URL.
    assert urls["https://escaped.example.org"].form == BARE


def test_link_text_positions_and_lines():
    (first,) = [x for x in scan_markdown(BODY) if x.url.startswith("https://example.org")]
    assert first.text == "发布说明 [v1.2]"
    assert BODY[first.text_start : first.text_end] == first.text
    assert BODY[first.span_start : first.span_end].startswith("[发布说明")
    assert BODY[first.span_start : first.span_end].endswith('"标题")')
    assert first.line == 1 and first.column == BODY.index("[发布说明") + 1
    (chart,) = [x for x in scan_markdown(BODY) if x.url == "assets/chart.png"]
    assert chart.line == 2 and chart.column == 1 and chart.text == "吞吐量对比图"


def test_reference_uses_point_at_their_definition():
    refs = [x for x in scan_markdown(BODY) if x.form == REFERENCE]
    assert [x.text for x in refs] == ["设计文档", "design", "Design"]
    assert {x.url_start for x in refs} == {BODY.index("https://design.example.org/doc")}
    assert refs[0].label == "design"


def test_scanner_agrees_with_the_renderer():
    """Both see the same links; of the bare URLs the renderer links those GFM (and so the site)
    links: after whitespace, not after CJK text or full-width punctuation."""
    rendered = render_markdown(BODY)
    found = sorted(
        [x.url for x in rendered.links if not x.url.startswith("#")]
        + [x.src for x in rendered.images]
    )
    scanned = scan_markdown(BODY)
    not_bare = [x.url for x in scanned if x.form != BARE and not x.url.startswith("#")]
    bare = {x.url for x in scanned if x.form == BARE}
    linked_bare = {
        "https://code2.example.org",
        "https://escaped.example.org",
        "https://footnote.example.org",
    }
    assert linked_bare <= bare
    assert found == sorted(not_bare + list(linked_bare))


def test_raw_html_links_and_images():
    text = '图 <img src="assets/a.png" alt="图 &amp; 表"> 和 <a href=\'https://h.example.org/?a=1&amp;b=2\'>官网 <b>主页</b></a>'
    found = scan_markdown(text)
    assert [(x.form, x.image, x.url, x.text) for x in found] == [
        (HTML, True, "assets/a.png", "图 & 表"),
        (HTML, False, "https://h.example.org/?a=1&b=2", "官网 主页"),
    ]


def test_html_inside_code_is_ignored():
    assert scan_markdown('`<img src="x.png">` and\n\n    text\n') == []


def test_unclosed_brackets_and_plain_text():
    assert scan_markdown("no links [here] and [there](unclosed") == []
    assert scan_markdown("") == []
    assert scan_markdown("只有中文") == []


def test_deeply_nested_brackets_keep_the_link_inside():
    # Ten thousand nested brackets once cost a forward scan each; the pairs come from one pass.
    depth = 10_000
    text = "[" * depth + "[inner](https://deep.example.org/)" + "]" * depth
    found = scan_markdown(text)
    assert [(x.url, x.text) for x in found] == [("https://deep.example.org/", "inner")]


def test_a_blank_line_closes_open_brackets():
    text = "[open\n\nstill [open](https://a.example.org/) and ]"
    assert [x.url for x in scan_markdown(text)] == ["https://a.example.org/"]
    # An escaped bracket neither opens nor closes.
    assert [x.text for x in scan_markdown(r"[a \] b](https://b.example.org/)")] == [r"a \] b"]


@given(
    st.lists(
        st.sampled_from(
            [
                "[a](https://a.example/x)",
                "![图](i.png)",
                "https://b.example/y",
                "字",
                "\n",
                " ",
                "ab\n\n",
            ]
        ),
        max_size=40,
    )
)
def test_line_and_column_of_every_link_match_a_count_from_the_start(parts):
    text = "".join(parts)
    for link in scan_markdown(text):
        assert link.line == text.count("\n", 0, link.span_start) + 1
        assert link.column == link.span_start - (text.rfind("\n", 0, link.span_start) + 1) + 1
