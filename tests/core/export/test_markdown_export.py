"""Markdown export: profiles, determinism, safety, the output-folder policy."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, run_export
from editor_app.core.model import Issue, Status
from editor_app.core.storage import save_issue
from tests.core.export.export_helpers import SCRIPT, assert_no_active_content


def export(issue: Issue, out: Path, profile: str, **kw) -> list[Path]:
    options = ExportOptions(profile=profile, **kw)
    return run_export(get_exporter("markdown"), issue, out, options).files or []


def rel(files: list[Path], out: Path) -> list[str]:
    return [f.relative_to(out).as_posix() for f in files]


def split_front(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def test_hugo_leaf_bundle(rich_issue: Issue, tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = export(rich_issue, out, "hugo")
    assert rel(files, out) == ["2026-01/index.md", "2026-01/cat.png", "2026-01/throughput.png"]
    front, body = split_front((out / "2026-01/index.md").read_text("utf-8"))
    assert front["title"] == "云原生月刊 · 2026 年 1 月 🚀"
    assert str(front["date"]) == "2026-01-15"
    assert front["slug"] == "2026-01"
    assert front["tags"] == ["kubernetes", "安全"]
    assert front["summary"].startswith("本期关注")
    assert front["draft"] is True  # status review
    assert "## 🆕 专题一 产品新功能/新版本" in body
    assert "### 1. Kubernetes 1.35 发布 🎉" in body
    assert "原文：[Kubernetes v1.35: Steady Ship](https://kubernetes.io/blog/k8s-135/)" in body
    assert (
        "[官网](https://kubernetes.io/) · [GitHub](https://github.com/kubernetes/kubernetes)"
        in body
    )
    assert "**拓展阅读**" in body and "- [Sidecar containers explained]" in body
    assert "> 🎤 编辑点评" in body
    assert "![调度器在 1000 个节点上的吞吐量对比图](throughput.png)" in body
    assert "#### 安全与合规" in body and "##### 1.1 Project Aegis" in body
    assert (out / "2026-01/cat.png").read_bytes() == (
        rich_issue.folder / "assets/cat.png"
    ).read_bytes()


def test_published_issue_is_not_draft(rich_issue: Issue, tmp_path: Path) -> None:
    rich_issue.status = Status.PUBLISHED
    export(rich_issue, tmp_path, "hugo")
    front, _ = split_front((tmp_path / "2026-01/index.md").read_text("utf-8"))
    assert front["draft"] is False


def test_jekyll_layout(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path, "jekyll")
    assert rel(files, tmp_path) == [
        "_posts/2026-01-15-2026-01.md",
        "assets/2026-01/cat.png",
        "assets/2026-01/throughput.png",
    ]
    text = (tmp_path / "_posts/2026-01-15-2026-01.md").read_text("utf-8")
    front, body = split_front(text)
    assert front["layout"] == "post" and front["title"].startswith("云原生月刊")
    assert "](/assets/2026-01/throughput.png)" in body


def test_jekyll_needs_a_date(rich_issue: Issue, tmp_path: Path) -> None:
    rich_issue.date = None
    with pytest.raises(PreflightError) as err:
        export(rich_issue, tmp_path / "out", "jekyll")
    assert "missing-date" in {p.code for p in err.value.problems}
    assert not (tmp_path / "out").exists()


def test_plain_layout(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path, "plain")
    assert rel(files, tmp_path) == ["2026-01.md", "2026-01/cat.png", "2026-01/throughput.png"]
    text = (tmp_path / "2026-01.md").read_text("utf-8")
    assert text.startswith("# 云原生月刊 · 2026 年 1 月 🚀\n")
    assert "*第 42 期 · 2026-01-15*" in text
    assert "](2026-01/throughput.png)" in text


def test_image_prefix_for_a_cdn(rich_issue: Issue, tmp_path: Path) -> None:
    export(rich_issue, tmp_path, "hugo", image_prefix="https://cdn.example.com/2026-01")
    text = (tmp_path / "2026-01/index.md").read_text("utf-8")
    assert "](https://cdn.example.com/2026-01/throughput.png)" in text
    assert (tmp_path / "2026-01/throughput.png").is_file()  # still written, for upload


@pytest.mark.parametrize("profile", ["hugo", "jekyll", "plain"])
def test_deterministic(rich_issue: Issue, tmp_path: Path, profile: str) -> None:
    first = export(rich_issue, tmp_path / "a", profile)
    second = export(rich_issue, tmp_path / "b", profile)
    assert rel(first, tmp_path / "a") == rel(second, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    # Re-exporting into the same folder rewrites nothing.
    again = run_export(get_exporter("markdown"), rich_issue, tmp_path / "a", ExportOptions(profile))
    assert again.changed == []


def test_unsafe_image_left_out_and_reported(rich_issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "outside.png").write_bytes(b"\x89PNG outside")
    card = next(c for c in rich_issue.cards.values() if c.kind == "meme")
    card.body += "\n\n![outside the issue](../outside.png)\n"
    save_issue(rich_issue)
    with pytest.raises(PreflightError) as err:
        export(rich_issue, tmp_path / "out", "hugo")
    assert "unsafe-path" in {p.code for p in err.value.problems}
    result = run_export(
        get_exporter("markdown"), rich_issue, tmp_path / "out", ExportOptions("hugo", force=True)
    )
    text = (tmp_path / "out/2026-01/index.md").read_text("utf-8")
    assert "outside.png" not in text
    assert not (tmp_path / "out/2026-01/outside.png").exists()
    assert "unsafe-path" in {p.code for p in result.problems}


@pytest.mark.parametrize("profile", ["hugo", "jekyll", "plain"])
def test_hostile_card(hostile_issue: Issue, tmp_path: Path, profile: str) -> None:
    files = export(hostile_issue, tmp_path, profile, force=True)
    text = files[0].read_text("utf-8")
    body = text
    if text.startswith("---\n"):
        front, body = split_front(text)
        # Front matter carries the exact values (YAML-quoted); themes escape what they print.
        assert front["title"] == hostile_issue.title
        assert front["summary"] == hostile_issue.summary
    assert "<script" not in body.lower()
    assert "javascript:" not in body.lower()
    # A site generator that passes raw HTML through still gets nothing active.
    assert_no_active_content(markdown.markdown(body, extensions=["tables", "fenced_code"]))
    assert SCRIPT not in body
    assert len(files) == 1  # /etc/passwd and ../../ were not copied


def test_writes_only_named_files(rich_issue: Issue, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2026-01").mkdir(parents=True)
    keep = out / "2026-01" / "notes.txt"
    keep.write_text("mine")
    other = out / "about.md"
    other.write_text("other page")
    stale = out / "2026-01" / "index.md"
    stale.write_text("old export")
    export(rich_issue, out, "hugo")
    assert keep.read_text() == "mine"
    assert other.read_text() == "other page"
    assert stale.read_text("utf-8").startswith("---\n")  # a file it names is replaced
    assert sorted(p.name for p in (out / "2026-01").iterdir()) == [
        "cat.png",
        "index.md",
        "notes.txt",
        "throughput.png",
    ]


def test_section_emoji_is_text_on_one_line(rich_issue: Issue, tmp_path: Path) -> None:
    section = rich_issue.sections[0]
    section.emoji = "<img src=x onerror=alert(1)>\n# split"
    save_issue(rich_issue)
    export(rich_issue, tmp_path, "hugo")
    _front, body = split_front((tmp_path / "2026-01/index.md").read_text("utf-8"))
    heading = next(line for line in body.split("\n") if line.startswith("## "))
    assert heading.startswith("## &lt;img src=x onerror=alert(1)> \\# split 专题一")
    assert "<img src=x" not in body
