"""The exporter base: preflight, progress, options and the output-folder policy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.core.errors import ExportError
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, preflight, run_export
from editor_app.core.model import Issue


def test_progress_steps_end_with_the_files(rich_issue: Issue, tmp_path: Path) -> None:
    steps = list(get_exporter("html").export(rich_issue, tmp_path, ExportOptions("site")))
    assert steps[0].step == 0 and not steps[0].done
    assert [s.step for s in steps[1:-1]] == [1, 2, 3]
    assert steps[-1].done and steps[-1].files == [s.path for s in steps[1:-1]]


def test_preflight_lists_warnings_and_errors(rich_issue: Issue) -> None:
    card = next(iter(rich_issue.cards.values()))
    card.body += "\n\n[bad](htp:/x)\n\n[file](../../outside.pdf)\n"
    problems = preflight(rich_issue, "markdown")
    codes = {p.code for p in problems}
    assert "malformed-url" in codes and "unsafe-path" in codes


def test_errors_stop_unless_forced(rich_issue: Issue, tmp_path: Path) -> None:
    card = next(iter(rich_issue.cards.values()))
    card.links[0].url = "not a url"
    with pytest.raises(PreflightError) as err:
        run_export(get_exporter("markdown"), rich_issue, tmp_path / "out")
    assert err.value.problems
    assert not (tmp_path / "out").exists()
    result = run_export(
        get_exporter("markdown"), rich_issue, tmp_path / "out", ExportOptions(force=True)
    )
    assert result.files


def test_unknown_profile(rich_issue: Issue, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown markdown profile"):
        run_export(get_exporter("markdown"), rich_issue, tmp_path, ExportOptions("wordpress"))
    with pytest.raises(ValueError):
        get_exporter("pdf")


def test_refuses_symlink_out_of_the_folder(rich_issue: Issue, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "assets")
    with pytest.raises(ExportError, match="outside the output folder"):
        run_export(get_exporter("html"), rich_issue, out, ExportOptions("site"))
    assert list(elsewhere.iterdir()) == []
    assert not (out / "index.html").exists()  # nothing written before the check


def test_refuses_a_folder_in_the_way(rich_issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "index.html").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        run_export(get_exporter("html"), rich_issue, tmp_path, ExportOptions("site"))


def test_no_overwrite_option(rich_issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("hand written")
    with pytest.raises(ExportError, match="not overwritten"):
        run_export(
            get_exporter("html"), rich_issue, tmp_path, ExportOptions("site", overwrite=False)
        )
    assert (tmp_path / "index.html").read_text() == "hand written"


def test_options_from_issue_settings() -> None:
    options = ExportOptions.from_settings(
        {"format": "markdown", "profile": "jekyll", "image_prefix": "https://cdn/x/", "out": "o"}
    )
    assert options.profile == "jekyll" and options.image_prefix == "https://cdn/x/"
    assert ExportOptions.from_settings(None) == ExportOptions()
