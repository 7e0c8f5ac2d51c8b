"""masthead check --fix-typography on a card's structured fields: the source title, the link
labels, the further reading and the category heading are fixed; their URLs never."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.core.model import FurtherReading, Issue, Link, Source, Typography
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import card_path, load_issue, save_issue

# Addresses a fix would change if they were read as prose.
SOURCE_URL = "https://x.org/notes,中文"
LINK_URL = "https://x.org/a,b中文"
FURTHER_URL = "https://x.org/指南:v2"


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The messages asserted below are the English ones."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def make_issue(folder: Path, typography: Typography = Typography.AUTO) -> tuple[str, str]:
    issue = Issue(title="周刊", slug="fields", language="zh-CN", typography=typography)
    section = add_section(issue, "新闻")
    card = add_card(issue, section.id, "卡片")
    card.body = "正文已经正确。"
    card.source = Source("发布说明:Gateway", SOURCE_URL)
    card.links = [Link("仓库", "https://github.com/x/y"), Link("文档English", LINK_URL)]
    card.further_reading = [FurtherReading("深入Cilium", FURTHER_URL, "一篇长文,值得一读")]
    child = add_card(issue, card.id, "子卡片")
    child.body = "子卡片正文。"
    child.group = "安全与合规:专题"
    save_issue(issue, folder)
    return card.id, child.id


def test_fix_rewrites_the_visible_text_and_keeps_every_url(tmp_path, capsys):
    folder = tmp_path / "fields"
    card_id, child_id = make_issue(folder)
    assert main(["check", str(folder), "--fix-typography"]) == 0
    out = capsys.readouterr().out.splitlines()
    path = f"cards/{card_id}.md"
    assert f"{path}: source title: “发布说明:Gateway” → “发布说明：Gateway”" in out
    assert f"{path}: label of project link 2: “文档English” → “文档 English”" in out
    assert f"{path}: title of further reading 1: “深入Cilium” → “深入 Cilium”" in out
    assert (
        f"{path}: summary of further reading 1: “一篇长文,值得一读” → “一篇长文，值得一读”" in out
    )
    assert f"cards/{child_id}.md: category heading: “安全与合规:专题” → “安全与合规：专题”" in out
    assert out[-2] == "typography: 5 fixes in 2 cards"
    assert out[-1] == "0 errors, 0 warnings, 0 notes"

    issue = load_issue(folder)
    card, child = issue.cards[card_id], issue.cards[child_id]
    assert card.source == Source("发布说明：Gateway", SOURCE_URL)
    assert card.links == [Link("仓库", "https://github.com/x/y"), Link("文档 English", LINK_URL)]
    assert card.further_reading == [
        FurtherReading("深入 Cilium", FURTHER_URL, "一篇长文，值得一读")
    ]
    assert child.group == "安全与合规：专题"
    assert not [p for p in folder.rglob(".*") if p.is_file() and "tmp" in p.name]

    before = card_path(folder, card_id).read_bytes()
    assert main(["check", str(folder), "--fix-typography"]) == 0
    assert "typography: 0 fixes in 0 cards" in capsys.readouterr().out
    assert card_path(folder, card_id).read_bytes() == before


def test_json_names_each_structured_field(tmp_path, capsys):
    folder = tmp_path / "fields"
    card_id, child_id = make_issue(folder)
    assert main(["check", str(folder), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    fields = [(p["card"], p["span"]["field"]) for p in problems if "span" in p]
    assert fields == [
        (card_id, "source.title"),
        (card_id, "links.1.label"),
        (card_id, "further_reading.0.title"),
        (card_id, "further_reading.0.summary"),
        (child_id, "group"),
    ]
    assert main(["check", str(folder), "--fix-typography", "--json"]) == 0
    fixed = json.loads(capsys.readouterr().out)["fixed"]
    assert fixed[1] == {
        "card": card_id,
        "field": "links.1.label",
        "line": 1,
        "column": 3,
        "code": "cjk-spacing",
        "old": "",
        "new": " ",
    }


def test_typography_off_leaves_the_fields(tmp_path, capsys):
    folder = tmp_path / "fields"
    make_issue(folder, Typography.OFF)
    files = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert main(["check", str(folder), "--fix-typography"]) == 0
    assert "the checks are off for this issue" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in files} == files
