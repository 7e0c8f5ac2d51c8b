"""Every exporter leaves out linked (symlinked) files and assets that are not images by content:
nothing is read, copied or inlined, and the problem is reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, run_export
from editor_app.core.model import Issue

SECRET = b"\x89PNG\r\n\x1a\nSECRET-PIXELS"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("SVG-SCRIPT")</script></svg>'
HTML = b"<!DOCTYPE html><script>alert('HTML-SCRIPT')</script>"
FORMATS = [("markdown", "hugo"), ("markdown", "jekyll"), ("markdown", "plain"),
           ("html", "site"), ("html", "single-file")]  # fmt: skip


def hostile_assets(issue: Issue, outside: Path) -> None:
    assert issue.folder is not None
    assets = issue.folder / "assets"
    (outside / "secret.png").write_bytes(SECRET)
    os.symlink(outside / "secret.png", assets / "linked.png")
    (assets / "drawing.png").write_bytes(SVG)  # an SVG under an image's name
    (assets / "drawing.svg").write_bytes(SVG)
    (assets / "page.html").write_bytes(HTML)
    card = issue.ordered_cards()[0]
    card.body += (
        "\n\n![链接到外面的图](assets/linked.png)\n\n![伪装的图](assets/drawing.png)\n\n"
        "![矢量图](assets/drawing.svg)\n\n[一个页面](assets/page.html)\n"
    )


def everything(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())


@pytest.mark.parametrize(("fmt", "profile"), FORMATS)
def test_unsafe_files_are_never_exported(rich_issue, tmp_path, fmt, profile):
    outside = tmp_path / "outside"
    outside.mkdir()
    hostile_assets(rich_issue, outside)
    exporter = get_exporter(fmt)
    with pytest.raises(PreflightError) as err:
        run_export(exporter, rich_issue, tmp_path / "stopped", ExportOptions(profile=profile))
    assert {"symlink", "unsafe-asset"} <= {p.code for p in err.value.problems}
    assert not (tmp_path / "stopped").exists()

    out = tmp_path / "out"
    options = ExportOptions(profile=profile, force=True)
    result = run_export(exporter, rich_issue, out, options)
    names = {p.name for p in out.rglob("*")}
    assert not {"linked.png", "drawing.png", "drawing.svg", "page.html"} & names
    data = everything(out)
    for marker in (b"SECRET-PIXELS", b"SVG-SCRIPT", b"HTML-SCRIPT"):
        assert marker not in data
    # The legitimate images are still there (copied, or inlined by the single file).
    assert b"cat.png" in data or b"data:image/png;base64," in data
    left_out = {(p.code, p.card) for p in result.problems}
    card = rich_issue.ordered_cards()[0].id
    assert {("symlink", card), ("unsafe-asset", card)} <= left_out


def test_single_file_inlines_by_content_type(rich_issue, tmp_path):
    # A real JPEG named .png is inlined as what it is.
    assets = rich_issue.folder / "assets"
    (assets / "photo.png").write_bytes(b"\xff\xd8\xff\xe0JPEGDATA")
    rich_issue.ordered_cards()[0].body += "\n\n![一张照片](assets/photo.png)\n"
    out = tmp_path / "out"
    run_export(get_exporter("html"), rich_issue, out, ExportOptions("single-file", force=True))
    page = everything(out)
    assert b"data:image/jpeg;base64," in page


def test_a_link_swapped_in_after_planning_is_not_followed(rich_issue, tmp_path):
    exporter = get_exporter("html")
    plan = exporter.plan(rich_issue, ExportOptions("site"))
    (asset,) = [f for f in plan.files if f.rel == "assets/cat.png"]
    (tmp_path / "secret.png").write_bytes(SECRET)
    asset.source.unlink()
    os.symlink(tmp_path / "secret.png", asset.source)
    with pytest.raises(OSError, match="symbolic link"):
        asset.read()
