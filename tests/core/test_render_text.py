"""The headings, links and images a render reports carry the text the page shows: no
python-markdown placeholders, no escaped or encoded references, no tags."""

from __future__ import annotations

import pytest

from editor_app.core import render, render_blocks, render_text
from editor_app.core.render import render_markdown
from editor_app.core.render_text import attribute_text, html_text, page_links

HEADINGS = [
    ("## Tom & Jerry <b>", "Tom & Jerry"),
    ("## A &copy; B", "A © B"),
    ("## A &amp; B &#65; &#x42; &lt;x&gt;", "A & B A B <x>"),
    ("## Use `a < b && c` here", "Use a < b && c here"),
    ("## Code `&amp;` stays written", "Code &amp; stays written"),
    ("## *Emph* and **strong** and ~~gone~~", "Emph and strong and gone"),
    ("## See [Tom & Jerry](https://example.org/t) now", "See Tom & Jerry now"),
    ("## 中文标题 & 测试", "中文标题 & 测试"),
    ("## 《周报》&mdash;第 `3` 期", "《周报》—第 3 期"),
    ("## <span>raw</span> &amp; 原始", "raw & 原始"),
    ("## a \\* b \\& c \\&copy;", "a * b & c &copy;"),
    ("## not &notanentity; here", "not &notanentity; here"),
    ("## ![logo & mark](logo.png) Brand", "logo & mark Brand"),
    ("## x <https://example.org/a?b=1&c=2>", "x https://example.org/a?b=1&c=2"),
    ("## 注释[^1]\n\n[^1]: 脚注 & 说明", "注释"),
    ("Setext &amp; *two*\n===", "Setext & two"),
]


@pytest.mark.parametrize(("source", "expected"), HEADINGS)
def test_heading_text_is_what_the_page_shows(source: str, expected: str) -> None:
    (heading,) = render_markdown(source).headings
    assert heading[2] == expected


def test_heading_ids_are_read_from_the_same_text() -> None:
    headings = render_markdown("## Tom &amp; Jerry\n\n## Tom & Jerry\n").headings
    assert [h[2] for h in headings] == ["Tom & Jerry", "Tom & Jerry"]
    assert headings[0][1] == "tom-jerry" and headings[1][1] != headings[0][1]


LINKS = [
    ("[Tom & Jerry &copy; `<x>`](https://a.example)", ("https://a.example", "Tom & Jerry © <x>")),
    ("[a <b>bold</b> c](https://b.example)", ("https://b.example", "a bold c")),
    ("[x &amp; y](https://c.example/?a=1&amp;b=2)", ("https://c.example/?a=1&b=2", "x & y")),
    ("[版权 &copy; 所有](https://d.example/&copy;)", ("https://d.example/©", "版权 © 所有")),
    ("[![封面 & 图](cover.png)](https://e.example)", ("https://e.example", "封面 & 图")),
    ("<me@example.org>", ("mailto:me@example.org", "me@example.org")),
    ("[*强调* **粗体**](https://f.example)", ("https://f.example", "强调 粗体")),
]


@pytest.mark.parametrize(("source", "expected"), LINKS)
def test_link_text_and_address_are_plain(source: str, expected: tuple[str, str]) -> None:
    (link,) = render_markdown(source).links
    assert (link.url, link.text) == expected
    assert link.line == 1


def test_image_alt_and_source_are_plain() -> None:
    (image,) = render_markdown("![alt & &copy; `c` <x>](img/a&amp;b.png)").images
    assert image.src == "img/a&b.png"
    assert image.alt.startswith("alt & © ")
    assert "&" not in image.alt.replace("alt & ", "")


def test_raw_html_links_keep_their_text_in_page_order() -> None:
    text = (
        '开头 <a href="https://raw.example/?a=1&amp;b=2">原始 &amp; 链接</a>，'
        "再看 [Markdown](https://md.example)。\n\n"
        '<div><a href="https://block.example">block &copy;</a></div>\n'
    )
    result = render_markdown(text)
    assert [(x.url, x.text, x.line) for x in result.links] == [
        ("https://raw.example/?a=1&b=2", "原始 & 链接", 1),
        ("https://md.example", "Markdown", 1),
        ("https://block.example", "block ©", 3),
    ]


def test_footnote_links_show_their_marks() -> None:
    links = render_markdown("Text[^n].\n\n[^n]: Note & more.\n").links
    assert [x.text for x in links] == ["1", "↩"]


def test_no_placeholder_is_left_in_any_text() -> None:
    source = "\n\n".join(s for s, _ in HEADINGS) + "\n\n" + "\n\n".join(s for s, _ in LINKS)
    result = render_markdown(source)
    texts = [h[2] for h in result.headings] + [x.text for x in result.links]
    texts += [x.url for x in result.links] + [x.alt for x in result.images]
    assert texts and not [t for t in texts if "\x02" in t or "\x03" in t]


def test_a_long_text_with_references_in_headings_renders_in_parts_as_whole() -> None:
    block = "## Tom &amp; Jerry {n}\n\nSee [A &copy; B](https://x.example/{n}?a&amp;b) now.\n"
    text = "\n".join(block.format(n=n) for n in range(120))
    assert len(text) > render_blocks.BLOCKWISE_CHARS
    parts = render._render_parts(render_blocks.cut_blocks(text) or [], "")
    whole = render._render_limited(text, "")
    assert parts is not None
    assert (parts.headings, parts.links) == (whole.headings, whole.links)
    assert parts.headings[5][2] == "Tom & Jerry 5"
    assert parts.links[5].url == "https://x.example/5?a&b" and parts.links[5].line == 23


def test_helpers_decode_only_what_the_browser_decodes() -> None:
    assert attribute_text("a&amp;b&copy;c&copy=1&nosuch;") == "a&b©c&copy=1&nosuch;"
    assert html_text('<sup id="fnref:1">1</sup>x<script>y</script><img alt="z">') == "xz"
    assert page_links('<a href="u">t<img src="s" alt="a"></a>') == ([("u", "ta")], [("s", "a")])


def test_the_tree_reading_agrees_with_the_rendered_html(monkeypatch: pytest.MonkeyPatch) -> None:
    # Texts are read from python-markdown's tree, falling back to its finished HTML for what
    # the tree reading does not know; both readings must give the same text.
    sources = [s for s, _ in HEADINGS] + [s for s, _ in LINKS]
    sources += ["## a <script>x</script> b", "[x <!-- c --> y](https://g.example)", "## `<b>` &"]
    quick = [_texts(render._render_limited(s, "")) for s in sources]

    def unusual(*_args: object, **_kwargs: object) -> None:
        raise render_text._Unusual

    monkeypatch.setattr(render_text, "_read_tree", unusual)
    render._render_cached.cache_clear()
    assert [_texts(render._render_limited(s, "")) for s in sources] == quick
    assert quick[-3][0] == ["a  b"] and quick[-1][0] == ["<b> &"]


def _texts(result: render.RenderResult) -> tuple[list[str], list[str]]:
    return [h[2] for h in result.headings], [x.text for x in result.links]
