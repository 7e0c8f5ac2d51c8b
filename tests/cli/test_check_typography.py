"""masthead check --fix-typography: card files rewritten in place, only their prose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.core.model import Issue, Source, Typography
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import card_path, load_issue, manifest_path, save_issue

BODY = (
    "我们在2024年发布了GA,镜像卷\n\n"
    "用`kubectl get pods,nodes中文`查看,或读[文档English](https://x.org/a,b中文)了解.\n\n"
    "详见 https://x.org/路径,a 和<https://x.org/文档,c>。\n\n"
    "```\n代码English,中文\n```\n"
)
FIXED = (
    "我们在 2024 年发布了 GA，镜像卷\n\n"
    "用`kubectl get pods,nodes中文`查看，或读[文档 English](https://x.org/a,b中文)了解。\n\n"
    "详见 https://x.org/路径,a 和<https://x.org/文档,c>。\n\n"
    "```\n代码English,中文\n```"
)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The messages asserted below are the English ones."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def make_issue(folder: Path, language: str = "zh-CN", typography=Typography.AUTO) -> str:
    issue = Issue(title="排版", slug="typo", language=language, typography=typography)
    section = add_section(issue, "新闻")
    card = add_card(issue, section.id, "发布说明:镜像卷")
    card.source = Source(title="Release notes", url="https://x.org/notes")
    card.body = BODY
    card.note = "编者按 ，补充"
    save_issue(issue, folder)
    return card.id


def test_fix_rewrites_only_the_prose_and_prints_each_change(tmp_path, capsys):
    folder = tmp_path / "typo"
    card_id = make_issue(folder)
    manifest = manifest_path(folder).read_bytes()

    assert main(["check", str(folder), "--fix-typography"]) == 0
    out = capsys.readouterr().out.splitlines()
    path = f"cards/{card_id}.md"
    assert f"{path}: title: “发布说明:镜像卷” → “发布说明：镜像卷”" in out
    assert (
        f"{path}: body line 1, column 14: “…24年发布了GA,镜像卷” → “…24年发布了GA，镜像卷”" in out
    )
    assert f"{path}: editor's note line 1, column 4: “编者按 ，补充” → “编者按，补充”" in out
    assert "typography: 9 fixes in 1 card" in out
    assert out[-1] == "0 errors, 0 warnings, 0 notes"  # nothing left to report

    card = load_issue(folder).cards[card_id]
    assert card.body == FIXED
    assert (card.title, card.note) == ("发布说明：镜像卷", "编者按，补充")
    assert manifest_path(folder).read_bytes() == manifest  # issue.yaml untouched
    assert not list((folder / "cards").glob(".*"))  # no temporary file left behind

    # A second run finds nothing and writes nothing.
    before = card_path(folder, card_id).stat().st_mtime_ns
    assert main(["check", str(folder), "--fix-typography"]) == 0
    assert "typography: 0 fixes in 0 cards" in capsys.readouterr().out
    assert card_path(folder, card_id).stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("language", "setting"), [("en", Typography.AUTO), ("zh-CN", Typography.OFF)]
)
def test_an_issue_with_typography_off_is_not_touched(tmp_path, capsys, language, setting):
    folder = tmp_path / "typo"
    make_issue(folder, language, setting)
    files = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert main(["check", str(folder), "--fix-typography"]) == 0
    out = capsys.readouterr().out
    assert "the checks are off for this issue" in out
    assert "cjk-spacing" not in out and "punctuation" not in out
    assert {p: p.read_bytes() for p in files} == files


def test_json_lists_the_fixes_with_their_places(tmp_path, capsys):
    folder = tmp_path / "typo"
    card_id = make_issue(folder)
    assert main(["check", str(folder), "--fix-typography", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["problems"] == []
    assert data["fixed"][0] == {
        "card": card_id,
        "field": "title",
        "line": 1,
        "column": 5,
        "code": "halfwidth-punctuation",
        "old": ":",
        "new": "：",
    }
    assert {f["code"] for f in data["fixed"]} == {"cjk-spacing", "halfwidth-punctuation"}


def test_check_without_the_flag_reports_spans_and_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "typo"
    card_id = make_issue(folder)
    before = card_path(folder, card_id).read_bytes()
    assert main(["check", str(folder), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    spans = [p["span"] for p in problems if p["code"] == "halfwidth-punctuation"]
    assert {"field": "body", "start": 13, "end": 14, "line": 1, "column": 14} in spans
    assert {"field": "title", "start": 4, "end": 5, "line": 1, "column": 5} in spans
    assert card_path(folder, card_id).read_bytes() == before
