"""WeChat export: inline styles only, links as numbered references, images inside or listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, run_export
from editor_app.core.export.channel_page import BLOCK_TAGS
from editor_app.core.export.wechat import is_wechat_link, render_wechat
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.tree import Element, parse
from editor_app.core.model import Issue, Link
from tests.core.export.export_helpers import assert_no_active_content

WECHAT_ARTICLE = "https://mp.weixin.qq.com/s/AbCdEf123"


def export(issue: Issue, out: Path, profile: str = "wechat", **kw) -> list[Path]:
    options = ExportOptions(profile, **kw)
    return run_export(get_exporter("wechat"), issue, out, options).files or []


def article_of(html: str) -> Element:
    body = parse(html).find("body")
    assert body is not None
    article = next(c for c in body.children if isinstance(c, Element))
    return article


def test_every_block_element_has_inline_style(rich_issue: Issue, tmp_path: Path) -> None:
    [page] = export(rich_issue, tmp_path)
    article = article_of(page.read_text("utf-8"))
    blocks = [e for e in article.iter() if e.tag in BLOCK_TAGS | {"img"}]
    assert len(blocks) > 50
    unstyled = [e for e in blocks if not e.attrs.get("style", "").strip()]
    assert unstyled == []


def test_no_external_resource_and_no_style_script_or_link(
    rich_issue: Issue, tmp_path: Path
) -> None:
    [page] = export(rich_issue, tmp_path)
    text = page.read_text("utf-8")
    root = parse(text)
    tags = {e.tag for e in root.iter()}
    assert not tags & {"style", "script", "link", "iframe", "object", "embed"}
    assert root.find_all("img")
    for img in root.find_all("img"):
        assert img.attrs["src"].startswith("data:image/png;base64,")
    # No element asks for anything by URL but the links that stay links.
    for el in root.iter():
        for name, value in el.attrs.items():
            if name in {"src", "srcset", "poster", "background"}:
                assert value.startswith("data:"), (el.tag, name, value)
            assert "url(" not in value or "data:" in value, (el.tag, name)
    assert "class=" not in text  # WeChat keeps no stylesheet: classes would only be noise


def test_references_match_the_links_in_order(rich_issue: Issue) -> None:
    card = next(c for c in rich_issue.cards.values() if c.title.startswith("Kubernetes"))
    card.links.append(Link("WeChat article", WECHAT_ARTICLE))
    card.links.append(Link("again", "https://kubernetes.io/"))  # a repeated URL
    out = render_wechat(rich_issue, AssetResolver(rich_issue.folder, inline=True))
    # What the shared page links to, in page order, without repeats or WeChat links.
    expected: list[str] = []
    site = parse(out_site(rich_issue))
    for a in site.find_all("a"):
        href = a.attrs.get("href", "")
        if href.startswith("#") or is_wechat_link(href) or href in expected:
            continue
        expected.append(href)
    assert [url for url, _label in out.references] == expected
    assert len(expected) >= 10
    article = article_of(out.html)
    marks = [e.text() for e in article.iter() if e.tag == "sup" and e.text().startswith("[")]
    numbers = [int(m.strip("[]")) for m in marks]
    # Numbered in order of first appearance; a repeated URL repeats its number.
    firsts = list(dict.fromkeys(numbers))
    assert firsts == list(range(1, len(expected) + 1))
    assert numbers.count(2) == 2  # kubernetes.io: the card's link, then "again"
    listing = [p.text() for p in article.iter() if p.tag == "p" and p.text().startswith("[")]
    assert len(listing) == len(expected)
    for n, (line, url) in enumerate(zip(listing, expected, strict=True), start=1):
        assert line.startswith(f"[{n}] ") and line.endswith(url)
    # WeChat articles stay links; nothing else does.
    assert [a.attrs["href"] for a in article.find_all("a")] == [WECHAT_ARTICLE]


def out_site(issue: Issue) -> str:
    from editor_app.core.issue_html import issue_page

    return issue_page(issue, resolver=AssetResolver(issue.folder, inline=True))


def test_text_holds_titles_and_references(rich_issue: Issue) -> None:
    out = render_wechat(rich_issue, AssetResolver(rich_issue.folder, inline=True))
    for card in rich_issue.cards.values():
        assert card.title in out.text
    for url, _label in out.references:
        assert url in out.text


def test_upload_profile_writes_images_and_their_list(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path, "wechat-upload")
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == [
        "2026-01.wechat.html",
        "2026-01-images/cat.png",
        "2026-01-images/throughput.png",
        "2026-01-upload.txt",
    ]
    page = (tmp_path / "2026-01.wechat.html").read_text("utf-8")
    images = [(i.attrs["src"], i.attrs["alt"]) for i in parse(page).find_all("img")]
    assert sorted(src for src, _alt in images) == names[1:3]
    # The list to upload: each image once, in the order the article shows them, with its alt.
    listing = (tmp_path / "2026-01-upload.txt").read_text("utf-8")
    assert listing == "".join(f"{src}\t{alt}\n" for src, alt in images)
    assert "一只猫坐在服务器机柜上" in listing


def test_chinese_style_and_settings(rich_issue: Issue, tmp_path: Path) -> None:
    [page] = export(rich_issue, tmp_path, accent_color="#AA3300", body_font_size="17px")
    article = article_of(page.read_text("utf-8"))
    style = article.attrs["style"]
    assert "line-height: 1.75" in style and "PingFang SC" in style and "Microsoft YaHei" in style
    assert "font-size: 17px" in style
    first_p = article.find("p")
    assert first_p is not None
    assert "#aa3300" in page.read_text("utf-8")


def test_bad_settings_warn_and_fall_back(rich_issue: Issue, tmp_path: Path) -> None:
    options = ExportOptions("wechat", accent_color="red;}body{x", body_font_size="90")
    result = run_export(get_exporter("wechat"), rich_issue, tmp_path, options)
    codes = [p.code for p in result.problems]
    assert codes.count("style-setting") == 2
    text = (tmp_path / "2026-01.wechat.html").read_text("utf-8")
    assert "red;}" not in text and "font-size: 90px" not in text
    assert "#0f7b6c" in text


@pytest.mark.parametrize("profile", ["wechat", "wechat-upload"])
def test_hostile_card_stays_inert(hostile_issue: Issue, tmp_path: Path, profile: str) -> None:
    files = export(hostile_issue, tmp_path, profile, force=True)
    for f in files:
        if f.suffix in {".html", ".txt"}:
            assert_no_active_content(f.read_text("utf-8"))


def test_hostile_card_is_stopped_like_the_html_export(hostile_issue: Issue, tmp_path: Path) -> None:
    with pytest.raises(PreflightError):
        export(hostile_issue, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_image_or_alt_stops_the_export(rich_issue: Issue, tmp_path: Path) -> None:
    meme = next(c for c in rich_issue.cards.values() if c.kind == "meme")
    for body, code in [
        ("![](assets/cat.png)", "missing-alt"),
        ("![a cat](assets/no.png)", "missing-image"),
    ]:
        meme.body = body
        with pytest.raises(PreflightError) as stopped:
            export(rich_issue, tmp_path / code)
        assert code in {p.code for p in stopped.value.problems}
        assert not (tmp_path / code).exists()


def test_local_file_link_keeps_its_text_and_warns(rich_issue: Issue, tmp_path: Path) -> None:
    meme = next(c for c in rich_issue.cards.values() if c.kind == "meme")
    meme.body += "\n\nThe [full-size chart](assets/throughput.png)."
    options = ExportOptions("wechat-upload")
    result = run_export(get_exporter("wechat"), rich_issue, tmp_path / "o", options)
    found = [p for p in result.problems if p.code == "channel-local-link"]
    assert [p.card for p in found] == [meme.id]
    page = (tmp_path / "o" / "2026-01.wechat.html").read_text("utf-8")
    assert "full-size chart" in page
    assert "throughput.png" not in page.split("full-size chart")[1]


def test_deterministic(rich_issue: Issue, tmp_path: Path) -> None:
    a = export(rich_issue, tmp_path / "a", "wechat-upload")
    b = export(rich_issue, tmp_path / "b", "wechat-upload")
    assert [x.read_bytes() for x in a] == [y.read_bytes() for y in b]
