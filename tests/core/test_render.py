import re

import pytest

from editor_app.core.render import render_markdown, sanitize, slugify


def ids(html: str) -> list[str]:
    return re.findall(r'<h\d id="([^"]+)"', html)


def test_slugify_keeps_cjk_and_latin_and_drops_emoji():
    assert slugify("🚀 Kubernetes 1.35 发布") == "kubernetes-1-35-发布"
    assert slugify("安全与合规") == "安全与合规"
    assert slugify("🎉🎉") == "section"


def test_chinese_and_emoji_headings_get_unique_readable_ids():
    text = "## 🆕 新功能\n\n## 🆕 新功能\n\n## 新功能\n\n## 🎉\n\n## 😄\n\n## Kubernetes 发布\n"
    result = render_markdown(text)
    found = ids(result.html)
    assert len(found) == len(set(found)) == 6
    assert found[0] == "新功能"
    assert found[1].startswith("新功能") and found[1] != "新功能"
    assert found[3].startswith("section") and found[4].startswith("section")
    assert found[5] == "kubernetes-发布"
    assert [h[1] for h in result.headings] == found
    assert result.headings[0] == (2, "新功能", "🆕 新功能")


def test_id_prefix_is_applied_to_headings_and_footnotes():
    text = "# 标题\n\n正文[^1]\n\n[^1]: 脚注内容\n"
    a = render_markdown(text, id_prefix="card-a-")
    b = render_markdown(text, id_prefix="card-b-")
    assert ids(a.html) == ["card-a-标题"]
    a_ids = set(re.findall(r'id="([^"]+)"', a.html))
    b_ids = set(re.findall(r'id="([^"]+)"', b.html))
    # Two cards on one page never share an id, footnotes included.
    assert a_ids and not a_ids & b_ids
    for href in re.findall(r'href="#([^"]+)"', a.html):
        assert href in a_ids


def test_tables_render_with_alignment():
    text = "| 项目 | 状态 |\n|:--|--:|\n| Aegis | GA |\n| Loom | Beta |\n"
    html = render_markdown(text).html
    assert "<table>" in html and html.count("<tr>") == 3
    assert "<th" in html and ">项目</th>" in html and ">Beta</td>" in html
    assert "text-align:left" in html.replace(" ", "")


def test_two_space_nested_bullets_nest_three_levels():
    html = render_markdown("- a\n  - b\n    - c\n      - d\n- e\n").html
    compact = re.sub(r"\s+", "", html)
    assert compact == (
        "<ul><li>a<ul><li>b<ul><li>c<ul><li>d</li></ul></li></ul></li></ul></li><li>e</li></ul>"
    )


def test_nested_bullets_under_numbered_list_and_four_space_indent():
    compact = re.sub(r"\s+", "", render_markdown("1. one\n   - sub\n2. two\n").html)
    assert compact == "<ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>"
    four = re.sub(r"\s+", "", render_markdown("- a\n    - b\n        - c\n").html)
    assert four == "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>"


def test_indented_code_outside_lists_is_untouched():
    html = render_markdown("text\n\n    code line\n").html
    assert "<pre><code>code line" in html


def test_footnotes():
    html = render_markdown("见注释[^note]。\n\n[^note]: 这里是注释。\n").html
    assert 'class="footnote-ref"' in html and "这里是注释。" in html


def test_fenced_code_keeps_markup_as_text():
    text = "```html\n<script>alert(1)</script>\n- not a list\n```\n"
    html = render_markdown(text).html
    assert "<pre><code" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<li>" not in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="x.png" alt="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "[click](javascript:alert(1))",
        '<p onclick="steal()">x</p>',
        '<iframe src="https://evil.example"></iframe>',
        '<div style="background:url(https://tracker.example/p.gif)">x</div>',
        "<svg onload=alert(1)></svg>",
    ],
)
def test_sanitize_removes_scripts_handlers_and_javascript_urls(text):
    html = render_markdown(text).html.lower()
    for bad in ("<script", "javascript:", "onerror", "onclick", "onload", "<iframe", "tracker"):
        assert bad not in html


def test_sanitize_keeps_safe_markup():
    html = sanitize('<a href="https://example.org" title="t">x</a><img src="assets/a.png" alt="a">')
    assert 'href="https://example.org"' in html and 'src="assets/a.png"' in html
    assert 'rel="noopener noreferrer"' in html


def test_links_and_images_are_collected_with_lines():
    text = (
        "第一行 [官网](https://example.org/a)\n"
        "\n"
        "![架构图](assets/arch.png)\n"
        "\n"
        "- [GitHub](https://github.com/example/x) and <https://example.net/auto>\n"
        "- 再次 [官网](https://example.org/a)\n"
        "\n"
        "![同一张图](assets/arch.png)\n"
    )
    result = render_markdown(text)
    assert [(x.url, x.text, x.line) for x in result.links] == [
        ("https://example.org/a", "官网", 1),
        ("https://github.com/example/x", "GitHub", 5),
        ("https://example.net/auto", "https://example.net/auto", 5),
        ("https://example.org/a", "官网", 6),
    ]
    assert [(i.src, i.alt, i.line) for i in result.images] == [
        ("assets/arch.png", "架构图", 3),
        ("assets/arch.png", "同一张图", 8),
    ]
    assert 'loading="lazy"' in result.html


def test_escaped_characters_in_link_text_and_alt_come_out_plain():
    result = render_markdown(r"[a\_b *c*](https://x.example/a_b) ![alt \*x](a.png)")
    assert result.links[0].text == "a_b c"
    assert result.images[0].alt == "alt *x"


def test_raw_html_links_and_images_are_collected():
    text = 'Text <a href="https://example.org/raw">raw</a>\n\n<div><img src="../../x.png"></div>\n'
    result = render_markdown(text)
    assert "https://example.org/raw" in [x.url for x in result.links]
    assert [(i.src, i.alt) for i in result.images] == [("../../x.png", "")]


def test_empty_text():
    result = render_markdown("")
    assert result.html == "" and result.links == [] and result.images == []


def test_strikethrough_renders_as_del():
    # The editor's Format > Strikethrough writes ~~text~~; preview and export must agree.
    html = render_markdown("~~旧的 *old*~~ and `~~code~~` and ~~ spaced ~~").html
    assert "<del>旧的 <em>old</em></del>" in html
    assert "<code>~~code~~</code>" in html
    assert "~~ spaced ~~" in html
