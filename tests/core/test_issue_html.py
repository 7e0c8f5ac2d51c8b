"""issue_html: the one renderer of an issue to HTML (preview and HTML export)."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.issue_html import (
    card_fragment,
    content_security_policy,
    issue_page,
    page_anchors,
)
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.model import Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from tests.core.export.export_helpers import (
    assert_no_active_content,
    build_hostile_issue,
    parse_html,
)


def test_page_structure(rich_issue: Issue) -> None:
    page = issue_page(rich_issue)
    parsed = parse_html(page)
    assert page.startswith("<!DOCTYPE html>")
    assert ("h1", "云原生月刊 · 2026 年 1 月 🚀") in parsed.headings
    section_heads = [text for tag, text in parsed.headings if tag == "h2"]
    assert "🆕 专题一 产品新功能/新版本" in section_heads
    assert "😄 专题六 有意思的事与 Meme" in section_heads
    card_heads = [text for tag, text in parsed.headings if tag == "h3"]
    assert "1. Kubernetes 1.35 发布 🎉" in card_heads
    # Sub-cards and sub-sub-cards are numbered from the outline.
    assert any(text == "1.1 Project Aegis" for _tag, text in parsed.headings)
    assert any(text == "1.1.1 Project Aegis 的架构" for _tag, text in parsed.headings)
    # Every card is an article carrying its id for the preview.
    for card in rich_issue.cards.values():
        assert f'data-card-id="{card.id}"' in page
    assert len(parsed.ids) == len(set(parsed.ids)), "element ids must be unique"
    # Every in-page link points at an element that exists.
    for href in parsed.hrefs:
        if href.startswith("#"):
            assert href[1:] in parsed.ids, href


def test_table_of_contents_and_labels(rich_issue: Issue) -> None:
    page = issue_page(rich_issue)
    assert 'class="toc"' in page
    assert "目录" in page and "拓展阅读" in page and "原文" in page
    assert "第 42 期" in page
    assert '<time datetime="2026-01-15">' in page
    rich_issue.language = "en"
    english = issue_page(rich_issue)
    assert "Contents" in english and "Further reading" in english and "Issue 42" in english


def test_typography_dark_mode_print_and_csp(rich_issue: Issue) -> None:
    page = issue_page(rich_issue)
    assert '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei"' in page
    assert "line-height: 1.75" in page
    assert "text-autospace" in page
    assert "prefers-color-scheme: dark" in page
    assert "@media print" in page
    assert "script-src &#39;none&#39;" in page
    assert "default-src &#39;none&#39;" in page
    assert "https:" not in content_security_policy()
    assert "https:" in content_security_policy(allow_remote=True)


def test_card_fragment_matches_page(rich_issue: Issue) -> None:
    page = issue_page(rich_issue)
    for section in rich_issue.sections:
        for card_id in section.card_ids:
            fragment = card_fragment(rich_issue, card_id)
            assert fragment.startswith('<article class="card')
            assert f'data-card-id="{card_id}"' in fragment
            assert fragment.strip() in page
    # Sub-cards render on their own too (same markup as inside the page).
    sub_id = next(c.id for c in rich_issue.cards.values() if c.title == "Project Loom")
    assert card_fragment(rich_issue, sub_id).strip() in page


def test_body_is_rendered_and_shifted(rich_issue: Issue) -> None:
    page = issue_page(rich_issue)
    release = next(c for c in rich_issue.cards.values() if c.kind == "release")
    anchor = page_anchors(rich_issue).cards[release.id]
    # "## 亮点" in the body sits below the card's h3.
    assert f'<h4 id="{anchor}--亮点">' in page
    assert "<table>" in page and "<blockquote>" in page
    assert 'src="assets/throughput.png"' in page
    assert "🎤" in page and "编辑点评" in page


def test_anchors_readable_and_unique(tmp_path: Path) -> None:
    issue = Issue(title="anchors")
    section = add_section(issue, "新闻", "📰")
    a = add_card(issue, section.id, "Kubernetes 中文标题")
    b = add_card(issue, section.id, "Kubernetes 中文标题")
    c = add_card(issue, section.id, "🎉🎉")
    d = add_card(issue, section.id, "top")
    anchors = page_anchors(issue)
    assert anchors.cards[a.id] == "kubernetes-中文标题"
    assert anchors.cards[b.id] == "kubernetes-中文标题-2"
    assert anchors.cards[c.id] == "card-3"
    assert anchors.cards[d.id] != "top"  # reserved for the page header
    assert anchors.sections[section.id] == "专题一-新闻"


def test_unsafe_and_missing_images_left_out_and_reported(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    issue = Issue(title="t")
    section = add_section(issue, "s")
    card = add_card(issue, section.id, "c")
    card.body = "![outside](../secret.png)\n\n![gone](assets/missing.png)\n\n![ok](assets/ok.png)"
    folder = tmp_path / "issue"
    save_issue(issue, folder)
    (folder / "assets" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n ok")
    issue = load_issue(folder)
    resolver = AssetResolver(issue.folder)
    page = issue_page(issue, resolver=resolver)
    assert "secret.png" not in page
    assert "missing.png" not in page
    assert 'src="assets/ok.png"' in page
    codes = {p.code for p in resolver.problems}
    assert {"unsafe-path", "missing-image"} <= codes
    assert [a.rel for a in resolver.sorted_files()] == ["ok.png"]


def test_inline_images(rich_issue: Issue) -> None:
    page = issue_page(rich_issue, inline_images=True)
    parsed = parse_html(page)
    assert parsed.images and all(src.startswith("data:image/png;base64,") for src in parsed.images)


def test_hostile_content_never_active(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    save_issue(build_hostile_issue(), folder)
    issue = load_issue(folder)
    page = issue_page(issue)
    assert_no_active_content(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title is shown, escaped
    for card_id in issue.cards:
        assert_no_active_content(card_fragment(issue, card_id))


def test_preview_hooks_and_extra_head(rich_issue: Issue) -> None:
    page = issue_page(rich_issue, preview=True, extra_head="<style>.x{}</style>")
    assert '<body class="preview">' in page
    assert "<style>.x{}</style>" in page
    card = next(iter(rich_issue.cards.values()))
    card.source = Source("s", "https://example.com/s")
    assert 'href="https://example.com/s"' in card_fragment(rich_issue, card.id)


def test_deterministic(rich_issue: Issue) -> None:
    assert issue_page(rich_issue) == issue_page(rich_issue)


def test_section_intro_is_rendered_markdown_and_sanitized():
    from editor_app.core.model import Card, Issue, Section

    intro = "**粗体** [文](https://a.example.org/x)\n第二行\n\n# 标题\n<script>alert(1)</script>"
    issue = Issue(
        title="T",
        sections=[Section(id="s1", title="S", intro=intro, card_ids=["c1"])],
        cards={"c1": Card(id="c1", title="C", body="x")},
    )
    page = issue_page(issue)
    start = page.index('<div class="section-intro">')
    block = page[start : page.index("<article", start)]
    assert "<strong>粗体</strong>" in block and 'href="https://a.example.org/x"' in block
    assert "<br" in block  # lines typed one under the other stay apart
    assert "<h3" in block  # headings sit below the section title
    assert "<script" not in page and "**" not in block


def test_hostile_intros_and_bodies_keep_later_cards() -> None:
    """What swallows later headings in a Markdown export (see tests/core/markup/test_mdseal.py)
    stays inside its own section or card on the page: each is rendered on its own."""
    from tests.core.markup.test_mdseal import HOSTILE, issue_with

    for text in HOSTILE.values():
        for issue in (issue_with(text, "body"), issue_with("intro", text)):
            page = issue_page(issue)
            parsed = parse_html(page)
            heads = [t for tag, t in parsed.headings if tag in ("h2", "h3")]
            for want in ("🚀 专题一 First", "1. Card A", "专题二 Second", "1. Card B"):
                assert want in heads, (text, heads)
            for card in issue.cards.values():
                assert f'data-card-id="{card.id}"' in page
            assert_no_active_content(page)
