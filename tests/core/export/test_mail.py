"""Email export: a 600 px table layout with inline styles, a text part, and an .eml."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, run_export
from editor_app.core.export.channel_page import BLOCK_TAGS
from editor_app.core.export.mail import render_email
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.tree import parse
from editor_app.core.model import Issue
from tests.core.export.export_helpers import assert_no_active_content


def export(issue: Issue, out: Path, **kw) -> list[Path]:
    options = ExportOptions("email", **kw)
    return run_export(get_exporter("email"), issue, out, options).files or []


def test_files_written(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "2026-01.email.html",
        "2026-01.email.txt",
        "2026-01.eml",
        "2026-01-images/cat.png",
        "2026-01-images/throughput.png",
    ]


def test_single_column_table_with_inline_styles(rich_issue: Issue, tmp_path: Path) -> None:
    export(rich_issue, tmp_path)
    root = parse((tmp_path / "2026-01.email.html").read_text("utf-8"))
    container = root.find("table", "email-container")
    assert container is not None
    assert container.attrs["width"] == "600" and "max-width: 600px" in container.attrs["style"]
    # The parser of the inliner puts the rows in a <tbody>, as browsers do.
    rows = [tr for tr in container.find_all("tr") if tr.parent and tr.parent.parent is container]
    # The header, one row per section, one per top-level card: a single column.
    tops = sum(len(s.card_ids) for s in rich_issue.sections)
    assert len(rows) == 1 + len(rich_issue.sections) + tops
    assert all(len([c for c in r.children if getattr(c, "tag", "") == "td"]) == 1 for r in rows)
    body = root.find("body")
    assert body is not None
    blocks = [e for e in body.iter() if e.tag in BLOCK_TAGS | {"img", "body"}]
    assert [e for e in blocks if not e.attrs.get("style", "").strip()] == []
    assert not {e.tag for e in body.iter()} & {"article", "aside", "section", "header", "nav"}
    assert not {e.tag for e in root.iter()} & {"script", "link"}


def test_text_part_holds_every_title_and_url(rich_issue: Issue, tmp_path: Path) -> None:
    export(rich_issue, tmp_path)
    text = (tmp_path / "2026-01.email.txt").read_text("utf-8")
    html = (tmp_path / "2026-01.email.html").read_text("utf-8")
    for card in rich_issue.cards.values():
        assert card.title in text
    for section in rich_issue.sections:
        assert section.title in text
    urls = list(dict.fromkeys(a.attrs["href"] for a in parse(html).find_all("a")))
    assert len(urls) >= 10
    notes = text[text.rindex("\n[1] ") :].strip().splitlines()
    # Footnotes: each link once, in the order the HTML has them.
    assert notes == [f"[{n}] {url}" for n, url in enumerate(urls, start=1)]
    assert "官网 [2]" in text


def test_eml_parses_back_with_two_alternatives(rich_issue: Issue, tmp_path: Path) -> None:
    export(rich_issue, tmp_path)
    raw = (tmp_path / "2026-01.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == "云原生月刊 · 2026 年 1 月 🚀 · 第 42 期"
    plain, html = list(msg.iter_parts())
    assert plain.get_content_type() == "text/plain"
    assert plain.get_content_charset() == "utf-8"
    # The same text as the .txt file, with the CRLF line ends mail is sent with.
    text = (tmp_path / "2026-01.email.txt").read_text("utf-8")
    assert plain.get_content().replace("\r\n", "\n") == text
    assert html.get_content_type() == "multipart/related"
    parts = list(html.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    body = parts[0].get_content()
    assert "Kubernetes 1.35 发布" in body
    # Each image of the issue rides along and the HTML names it by content id.
    cids = {p["Content-ID"].strip("<>"): p.get_content() for p in parts[1:]}
    assert sorted(p.get_filename() for p in parts[1:]) == ["cat.png", "throughput.png"]
    srcs = [img.attrs["src"] for img in parse(body).find_all("img")]
    assert srcs and all(s.startswith("cid:") and s[4:] in cids for s in srcs)
    assert (tmp_path / "2026-01-images/cat.png").read_bytes() in cids.values()


def test_image_prefix_points_images_at_a_host(rich_issue: Issue, tmp_path: Path) -> None:
    export(rich_issue, tmp_path, image_prefix="https://cdn.example.org/n/")
    html = (tmp_path / "2026-01.email.html").read_text("utf-8")
    srcs = [img.attrs["src"] for img in parse(html).find_all("img")]
    assert srcs and all(s.startswith("https://cdn.example.org/n/") for s in srcs)
    msg = email.message_from_bytes(
        (tmp_path / "2026-01.eml").read_bytes(), policy=email.policy.default
    )
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_deterministic(rich_issue: Issue, tmp_path: Path) -> None:
    a = export(rich_issue, tmp_path / "a")
    b = export(rich_issue, tmp_path / "b")
    assert [x.read_bytes() for x in a] == [y.read_bytes() for y in b]


def test_english_issue_gets_latin_fonts(rich_issue: Issue) -> None:
    rich_issue.language = "en"
    out = render_email(rich_issue, AssetResolver(rich_issue.folder))
    container = parse(out.html).find("table", "email-container")
    assert container is not None
    assert "line-height: 1.6" in container.attrs["style"] and "Segoe UI" in container.attrs["style"]
    assert "Links\n-----" in out.text


def test_hostile_card_stays_inert(hostile_issue: Issue, tmp_path: Path) -> None:
    files = export(hostile_issue, tmp_path / "out", force=True)
    assert_no_active_content(files[0].read_text("utf-8"))
    # Text is inert whatever it says (a title may spell "<script>"); refused links are gone.
    text = files[1].read_text("utf-8")
    assert "javascript" not in text.lower() and "data:text" not in text
    assert "<script>" in text  # the title as typed, not dropped
    msg = email.message_from_bytes(files[2].read_bytes(), policy=email.policy.default)
    html_part = next(p for p in msg.walk() if p.get_content_type() == "text/html")
    assert_no_active_content(html_part.get_content())
    with pytest.raises(PreflightError):
        export(hostile_issue, tmp_path / "stopped")
    assert not (tmp_path / "stopped").exists()
