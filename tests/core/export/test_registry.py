"""The export registry: one declaration read by get_exporter, the settings and the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor_app.core.errors import ExportError
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.export.html import HtmlExporter
from editor_app.core.export.markdown import MarkdownExporter
from editor_app.core.export.registry import (
    EXPORTS,
    FLAG,
    ExportOption,
    ExportRegistry,
    FormatSpec,
    ProfileSpec,
)
from editor_app.core.storage import load_issue
from tests.core.export.export_helpers import TextExporter, registry_with_text

DOCS = Path(__file__).resolve().parents[3] / "docs" / "export-import.md"


def _docs_table() -> str:
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("| format "))
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[start:end])


def test_docs_table_is_the_registrys() -> None:
    expected = EXPORTS.docs_table()
    assert _docs_table() == expected, (
        "docs/export-import.md's table of formats and profiles differs from the registry; "
        f"replace it with:\n{expected}"
    )


def test_docs_name_every_option() -> None:
    text = DOCS.read_text(encoding="utf-8")
    usage = text[
        text.index("masthead export ISSUE") : text.index("```", text.index("masthead export ISSUE"))
    ]
    for option in EXPORTS.options:
        assert f"[{option.flag}" in usage, f"{option.flag} missing from the usage in the docs"
        if option.stored:
            assert f"`{option.key}`" in text, f"issue.yaml key {option.key} missing from the docs"


def test_builtin_formats_and_profiles() -> None:
    assert EXPORTS.format_names == ("markdown", "html", "wechat", "email")
    assert EXPORTS.format("markdown").profile_names == ("hugo", "jekyll", "plain")
    assert EXPORTS.format("html").profile_names == ("site", "single-file")
    assert EXPORTS.format("wechat").profile_names == ("wechat", "wechat-upload")
    assert EXPORTS.format("email").profile_names == ("email",)
    markdown, html = get_exporter("markdown"), get_exporter("html")
    assert type(markdown) is MarkdownExporter and markdown.profiles == ("hugo", "jekyll", "plain")
    assert type(html) is HtmlExporter and html.name == "html"
    assert get_exporter("html") is not html  # a new one each time: it carries per-run state
    assert type(get_exporter("wechat")).__name__ == "WechatExporter"
    assert type(get_exporter("email")).__name__ == "EmailExporter"
    with pytest.raises(ValueError, match="choose one of: markdown, html, wechat, email"):
        get_exporter("pdf")


def test_options_per_format() -> None:
    assert [o.key for o in EXPORTS.options_for("markdown")] == ["image_prefix", "force"]
    assert [o.key for o in EXPORTS.options_for("html")] == [
        "allow_remote", "remote_image_max_mb", "force",
    ]  # fmt: skip
    assert [o.key for o in EXPORTS.options_for("wechat")] == [
        "allow_remote", "remote_image_max_mb", "accent_color", "body_font_size", "force",
    ]  # fmt: skip
    assert [o.key for o in EXPORTS.options_for("email")] == [
        "image_prefix", "allow_remote", "remote_image_max_mb", "accent_color", "body_font_size",
        "force",
    ]  # fmt: skip
    assert not EXPORTS.accepts("markdown", "allow_remote")
    assert not EXPORTS.accepts("html", "accent_color")
    assert not EXPORTS.accepts("pdf", "force")
    assert EXPORTS.option_help(EXPORTS.option("image_prefix")).startswith("markdown, email: ")
    assert not EXPORTS.option_help(EXPORTS.option("force")).startswith("markdown")
    assert "else 5 MB" in EXPORTS.option_help(EXPORTS.option("remote_image_max_mb"))
    assert EXPORTS.profiles_help() == (
        "markdown: hugo, jekyll, plain; html: site, single-file; wechat: wechat, wechat-upload; "
        "email: email"
    )


def test_settings_read_through_the_registry() -> None:
    options = EXPORTS.options_from_settings(
        {"profile": "site", "allow_remote": 1, "remote_image_max_mb": 2, "force": True, "x": 1}
    )
    assert options == ExportOptions(
        "site", allow_remote=True, remote_image_max_bytes=2_000_000, force=False
    )  # force is never read from issue.yaml
    assert EXPORTS.options_from_settings({"remote_image_max_mb": -3}) == ExportOptions()


def test_bad_declarations_are_refused() -> None:
    registry = EXPORTS.copy()
    hugo = ProfileSpec("hugo", "Again", "`x`", "x")
    with pytest.raises(ValueError, match="declared twice"):
        registry.add_format(FormatSpec("markdown", "M", TextExporter, (hugo,)))
    with pytest.raises(ValueError, match="unique"):
        registry.add_format(FormatSpec("other", "O", TextExporter, (hugo,)))
    with pytest.raises(ValueError, match="no profile"):
        registry.add_format(FormatSpec("empty", "E", TextExporter, ()))
    txt = ProfileSpec("txt", "T", "`x`", "x")
    with pytest.raises(ValueError, match="unknown options"):
        registry.add_format(FormatSpec("t", "T", TextExporter, (txt,), options=("colour",)))
    with pytest.raises(ValueError, match="declared twice"):
        registry.add_option(ExportOption("force", FLAG, "force", False, help="again"))
    assert registry.format_names == EXPORTS.format_names  # nothing half-added


def test_a_new_exporter_is_one_class_and_one_entry(issue_folder: Path, tmp_path: Path) -> None:
    registry = registry_with_text()
    assert registry.format_names == ("markdown", "html", "wechat", "email", "text")
    assert "text" not in EXPORTS.format_names and "txt" not in EXPORTS.profile_names
    assert registry.options_for("text") == (EXPORTS.option("force"),)
    assert "text: txt" in registry.profiles_help()
    assert "| text     | `txt`           | `<slug>.txt`" in registry.docs_table()

    exporter = registry.exporter("text")
    assert isinstance(exporter, TextExporter) and exporter.profiles == ("txt",)
    issue = load_issue(issue_folder)
    result = run_export(exporter, issue, tmp_path / "out", ExportOptions())
    assert result.files == [tmp_path / "out" / "test-issue.txt"]
    assert result.files[0].read_text("utf-8").splitlines()[:2] == [issue.title, "Alpha 发布"]
    with pytest.raises(ExportError, match="unknown text profile"):
        run_export(exporter, issue, tmp_path / "o", ExportOptions("hugo"))


def test_registry_is_independent_of_its_copies() -> None:
    base = ExportRegistry(EXPORTS.options)
    copy = base.copy()
    copy.add_format(registry_with_text().format("text"))
    assert base.formats == () and copy.format_names == ("text",)
    assert re.fullmatch(r"\| format \| profile \| .*\|\n\|-+\|-+\|-+\|", base.docs_table())
