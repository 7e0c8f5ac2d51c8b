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


# -- the issue's own fields and the sections ------------------------------------------------

INTRO = "本专题收录Gateway相关文章;命令见`kubectl get gw,中文`,地址见 https://x.org/a:b。"


def make_outer_issue(folder: Path, typography=Typography.AUTO) -> tuple[str, str]:
    """An issue whose cards are clean but whose title, summary and section are not."""
    issue = Issue(
        title="周刊:第3期",
        slug="outer",
        language="zh-CN",
        typography=typography,
        summary="本期聊聊Cilium与Istio。\n另附调查:结果见正文",
        tags=["网络", "示例"],
        export={"format": "html", "out": "build/中文,a"},
    )
    section = add_section(issue, "网络:Gateway")
    section.emoji = "🌐"
    section.intro = INTRO
    card = add_card(issue, section.id, "干净的标题")
    card.source = Source(title="Notes", url="https://x.org/notes")
    card.body = "正文已经正确。"
    save_issue(issue, folder)
    return section.id, card.id


def test_fix_reaches_the_title_the_summary_and_the_sections(tmp_path, capsys):
    folder = tmp_path / "outer"
    section_id, card_id = make_outer_issue(folder)
    card_bytes = card_path(folder, card_id).read_bytes()
    assert main(["check", str(folder), "--fix-typography"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "issue.yaml: issue title: “周刊:第3期” → “周刊：第3期”" in out
    assert (
        "issue.yaml: summary line 2, column 5: “另附调查:结果见正文” → “另附调查：结果见正文”"
        in out
    )
    assert "issue.yaml: title of section '网络:Gateway': “网络:Gateway” → “网络：Gateway”" in out
    assert any(
        line.startswith("issue.yaml: intro of section '网络:Gateway' line 1") for line in out
    )
    assert out[-2] == "typography: 12 fixes in 0 cards and issue.yaml"
    assert out[-1] == "0 errors, 0 warnings, 0 notes"

    issue = load_issue(folder)
    assert issue.title == "周刊：第 3 期"
    assert issue.summary == "本期聊聊 Cilium 与 Istio。\n另附调查：结果见正文"
    section = issue.section(section_id)
    assert (section.title, section.emoji) == ("网络：Gateway", "🌐")
    # Code, the address and its neighbours are untouched; the prose around them is fixed.
    assert section.intro == (
        "本专题收录 Gateway 相关文章；命令见`kubectl get gw,中文`，地址见 https://x.org/a:b。"
    )
    # Everything else of issue.yaml is as it was: keys, tags, export settings, outline.
    assert (issue.slug, issue.tags) == ("outer", ["网络", "示例"])
    assert issue.export == {"format": "html", "out": "build/中文,a"}
    assert [c.id for c in issue.ordered_cards()] == [card_id]
    assert card_path(folder, card_id).read_bytes() == card_bytes  # a clean card is not written
    assert not [p for p in folder.rglob(".*") if p.is_file() and "tmp" in p.name]

    before = manifest_path(folder).stat().st_mtime_ns
    assert main(["check", str(folder), "--fix-typography"]) == 0
    assert "typography: 0 fixes in 0 cards" in capsys.readouterr().out
    assert manifest_path(folder).stat().st_mtime_ns == before


def test_json_names_the_section_or_the_issue_of_each_fix(tmp_path, capsys):
    folder = tmp_path / "outer"
    section_id, _card_id = make_outer_issue(folder)
    assert main(["check", str(folder), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    places = {(p.get("section"), p["span"]["field"]) for p in problems if "span" in p}
    assert places == {
        (None, "title"),
        (None, "summary"),
        (section_id, "title"),
        (section_id, "intro"),
    }

    assert main(["check", str(folder), "--fix-typography", "--json"]) == 0
    fixed = json.loads(capsys.readouterr().out)["fixed"]
    assert fixed[0] == {
        "card": None,
        "field": "title",
        "line": 1,
        "column": 3,
        "code": "halfwidth-punctuation",
        "old": ":",
        "new": "：",
    }
    intro = [f for f in fixed if f.get("section") == section_id and f["field"] == "intro"]
    assert {f["code"] for f in intro} == {"cjk-spacing", "halfwidth-punctuation"}


@pytest.mark.parametrize("setting", [Typography.OFF])
def test_typography_off_leaves_issue_yaml_alone(tmp_path, capsys, setting):
    folder = tmp_path / "outer"
    make_outer_issue(folder, setting)
    manifest = manifest_path(folder).read_bytes()
    assert main(["check", str(folder), "--fix-typography"]) == 0
    out = capsys.readouterr().out
    assert "the checks are off for this issue" in out and "punctuation" not in out
    assert manifest_path(folder).read_bytes() == manifest
