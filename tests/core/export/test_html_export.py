"""HTML export: the site and single-file profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.model import Issue
from tests.core.export.export_helpers import assert_no_active_content, parse_html


def export(issue: Issue, out: Path, profile: str, **kw) -> list[Path]:
    return run_export(get_exporter("html"), issue, out, ExportOptions(profile, **kw)).files or []


def test_site_profile(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path, "site")
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == ["index.html", "assets/cat.png", "assets/throughput.png"]
    page = (tmp_path / "index.html").read_text("utf-8")
    parsed = parse_html(page)
    assert [t for t, _ in parsed.headings].count("h1") == 1
    assert len([t for t, _ in parsed.headings if t == "h2"]) == 1 + len(rich_issue.sections)
    assert len(parsed.ids) == len(set(parsed.ids))
    # Every image the page shows is a file of the export.
    assert parsed.images
    for src in parsed.images:
        assert (tmp_path / src).is_file(), src
    for href in parsed.hrefs:
        if href.startswith("#"):
            assert href[1:] in parsed.ids


def test_single_file_profile(rich_issue: Issue, tmp_path: Path) -> None:
    files = export(rich_issue, tmp_path, "single-file")
    assert [f.name for f in files] == ["2026-01.html"]
    parsed = parse_html(files[0].read_text("utf-8"))
    assert parsed.images
    assert all(src.startswith("data:image/png;base64,") for src in parsed.images)
    assert list(tmp_path.glob("assets")) == []


@pytest.mark.parametrize("profile", ["site", "single-file"])
def test_deterministic(rich_issue: Issue, tmp_path: Path, profile: str) -> None:
    first = export(rich_issue, tmp_path / "a", profile)
    second = export(rich_issue, tmp_path / "b", profile)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("profile", ["site", "single-file"])
def test_hostile_card(hostile_issue: Issue, tmp_path: Path, profile: str) -> None:
    files = export(hostile_issue, tmp_path, profile, force=True)
    page = files[0].read_text("utf-8")
    assert_no_active_content(page)
    assert len(files) == 1
