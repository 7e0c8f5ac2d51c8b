"""Markdown import: our own export round-trips; other newsletters' shapes are inferred."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from editor_app.core.errors import ImportFormatError
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.importers import detect_format, import_file, parse_file
from editor_app.core.inspect import issue_json
from editor_app.core.model import CardNumbering, Issue, SectionNumbering, Status, SubcardNumbering
from editor_app.core.numbering import compute_numbers
from editor_app.core.storage import load_issue, save_issue

FIXTURES = Path(__file__).parents[2] / "fixtures" / "import"


def without_ids(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k not in {"id", "card"}}
    if isinstance(data, list):
        return [without_ids(x) for x in data]
    return data


def round_trip(issue: Issue, tmp_path: Path, profile: str) -> tuple[Issue, list]:
    result = run_export(get_exporter("markdown"), issue, tmp_path / "out", ExportOptions(profile))
    new, guesses = import_file(result.files[0], tmp_path / "library")
    return load_issue(new.folder), guesses


@pytest.mark.parametrize("profile", ["hugo", "jekyll", "plain"])
def test_own_export_round_trips(rich_issue: Issue, tmp_path: Path, profile: str) -> None:
    imported, guesses = round_trip(rich_issue, tmp_path, profile)
    assert guesses == []
    assert without_ids(issue_json(imported)) == without_ids(issue_json(rich_issue))
    assert (imported.folder / "assets/throughput.png").read_bytes() == (
        rich_issue.folder / "assets/throughput.png"
    ).read_bytes()


@pytest.mark.parametrize("profile", ["hugo", "plain"])
def test_round_trip_other_settings(rich_issue: Issue, tmp_path: Path, profile: str) -> None:
    rich_issue.numbering.sections = SectionNumbering.PART
    rich_issue.numbering.cards = CardNumbering.CONTINUOUS
    rich_issue.numbering.subcards = SubcardNumbering.LOCAL
    rich_issue.language = "en"
    rich_issue.status = Status.PUBLISHED
    card = next(iter(rich_issue.cards.values()))
    card.title = "Title with *stars*, [brackets], <tags> & `code` \\ slash"
    card.note = "Plain note.\n\n> quoted line"
    card.body = "# Top\n\n###### Deep\n\n```\n## fenced\n<!-- masthead:card -->\n```"
    save_issue(rich_issue)
    imported, _ = round_trip(rich_issue, tmp_path, profile)
    assert without_ids(issue_json(imported)) == without_ids(issue_json(rich_issue))
    assert imported.numbering.subcards == SubcardNumbering.LOCAL


def copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / "in" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name, target)
    return target


def tree(issue: Issue) -> list[tuple[str, str]]:
    numbers = compute_numbers(issue)
    return [(numbers.cards[c.id], c.title) for c in issue.ordered_cards()]


def test_h3_cards_with_front_matter(tmp_path: Path) -> None:
    path = copy_fixture("shape-h3-cards.md", tmp_path)
    (path.parent / "images").mkdir()
    (path.parent / "images/dashboard.png").write_bytes(b"\x89PNG dash")
    issue, guesses = import_file(path, tmp_path / "lib")
    assert issue.title == "Weekly Ops Digest #42" and issue.number == 42
    assert str(issue.date) == "2025-02-10" and issue.tags == ["ops", "weekly"]
    assert [(s.emoji, s.title) for s in issue.sections] == [("🚀", "Releases"), ("📚", "Reading")]
    assert issue.numbering.cards == CardNumbering.CONTINUOUS
    assert tree(issue) == [
        ("1", "Tidepool 3.0 ships a new scheduler"),
        ("2", "Quarry 1.2"),
        ("3", "How we cut build times in half"),
    ]
    first, second, _ = issue.ordered_cards()
    assert first.source.url == "https://tidepool.example.org/blog/3-0"
    assert [(x.label, x.url) for x in first.links] == [
        ("GitHub", "https://github.com/example/tidepool"),
        ("Docs", "https://docs.tidepool.example.org"),
    ]
    assert [f.title for f in first.further_reading] == ["Design doc", "Benchmarks"]
    assert first.further_reading[0].summary == "why the scheduler was rewritten"
    assert "![Scheduler dashboard showing queued jobs](assets/images/dashboard.png)" in first.body
    assert (issue.folder / "assets/images/dashboard.png").read_bytes() == b"\x89PNG dash"
    assert second.source.title == "Quarry 1.2 is out"
    assert second.note == "Finally, the bug we reported is fixed."
    assert issue.summary == "Welcome to this week's digest."
    assert guesses


def test_numbered_link_items(tmp_path: Path) -> None:
    path = copy_fixture("shape-numbered-links.md", tmp_path)
    (path.parent / "img").mkdir()
    (path.parent / "img/stage.png").write_bytes(b"\x89PNG stage")
    result = parse_file(path)
    issue = result.issue
    assert issue.title == "开发者资讯 第 15 期" and issue.number == 15
    assert str(issue.date) == "2025-04-01"
    assert [s.title for s in issue.sections] == ["热点", "工具"]
    assert tree(issue) == [
        ("1", "某语言 4.0 正式发布"),
        ("2", "浏览器新增隐私沙箱接口"),
        ("1", "轻量级终端复用器"),
        ("2", "一个数据库迁移工具"),
    ]
    first = issue.ordered_cards()[0]
    assert first.source.url == "https://lang.example.com/4.0"
    assert first.body.startswith("新版本带来了模式匹配与更快的编译器。")
    assert "](assets/img/stage.png)" in first.body
    assert result.files == {"assets/img/stage.png": path.parent / "img/stage.png"}
    assert issue.ordered_cards()[3].body == "支持回滚与演练模式。"


def test_bold_numbered_titles(tmp_path: Path) -> None:
    issue = parse_file(FIXTURES / "shape-bold-titles.md").issue
    assert issue.title == "周末阅读 Vol. 3"
    cards = issue.ordered_cards()
    assert [c.title for c in cards] == [
        "为什么我们放弃了微服务",
        "代码评审的十条建议",
        "一次数据库迁移的复盘",
    ]
    assert cards[0].source.title == "Why We Left Microservices"
    assert cards[1].body == "- 评审要及时\n- 关注设计而不是格式"
    assert cards[2].source.url == "https://essays.example.com/postmortem"
    assert cards[2].note == "值得每个团队读一读。"


def test_file_outside_the_folder_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    md = tmp_path / "in" / "n.md"
    md.parent.mkdir()
    md.write_text("## S\n\n### 1. Card\n\n![x](../secret.png)\n\n![k](../../.ssh/id_rsa)\n")
    result = parse_file(md)
    assert result.files == {}
    assert any("leaves the imported folder" in g.message for g in result.guesses)


def test_not_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes("## 标题\n\n### 1. ok\n".encode() + b"\xff\xfe broken\n")
    with pytest.raises(ImportFormatError) as err:
        import_file(path, tmp_path / "lib")
    assert err.value.line == 4 and err.value.path == path
    assert "bad.md:4" in err.value.describe()
    assert not (tmp_path / "lib").exists()


@pytest.mark.parametrize("content", ["", "just a sentence with no structure at all\n"])
def test_unrecognisable_markdown(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.md"
    path.write_text(content)
    with pytest.raises(ImportFormatError):
        parse_file(path)


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(Path("a.md"), "") == "markdown"
    assert detect_format(Path("a.txt"), "## x") == "text"
    assert detect_format(Path("a"), "## S\n\n### 1. x\n") == "markdown"
    assert detect_format(Path("a"), "🆕 专题一 x\n\n1. y\n") == "text"


def test_slug_conflicts(tmp_path: Path) -> None:
    path = FIXTURES / "shape-bold-titles.md"
    first, _ = import_file(path, tmp_path, slug="weekend")
    assert first.folder == tmp_path / "weekend"
    with pytest.raises(Exception, match="already exists"):
        import_file(path, tmp_path, slug="weekend")
    second, _ = import_file(path, tmp_path)
    third, _ = import_file(path, tmp_path)
    assert second.folder != third.folder
    assert load_issue(third.folder).title == "周末阅读 Vol. 3"


def test_sections_mix_heading_cards_and_numbered_items(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_text(
        "# Mixed Digest\n\n## Tools\n\n1. [Proxy 3](https://proxy.example/3) fast TLS\n\n"
        "2. [Widgets](https://widgets.example/)\n\n## News\n\n**1、没有链接的标题**\n\n正文。\n\n"
        "## Essays\n\n### Cutting the bill\n\n[Post](https://blog.example/bill)\n\n"
        "1. [a list item](https://list.example/) stays in the body\n",
        "utf-8",
    )
    issue = parse_file(path).issue
    assert tree(issue) == [
        ("1", "Proxy 3"),
        ("2", "Widgets"),
        ("1", "没有链接的标题"),
        ("1", "Cutting the bill"),
    ]
    cards = issue.ordered_cards()
    assert cards[0].source.url == "https://proxy.example/3"
    assert cards[2].body == "正文。"
    assert "list.example" in cards[3].body


INTRO = (
    "**封面** ![封面图](assets/throughput.png)\n"
    "> 引用一句 *斜体*\n\n## 小标题\n见 [长文](https://essay.example.org/x) 与 https://bare.example.org/y"
)


@pytest.mark.parametrize("profile", ["hugo", "jekyll", "plain"])
def test_section_intro_is_markdown_and_round_trips(
    rich_issue: Issue, tmp_path: Path, profile: str
) -> None:
    rich_issue.sections[0].intro = INTRO
    save_issue(rich_issue)
    out = tmp_path / "out"
    result = run_export(get_exporter("markdown"), rich_issue, out, ExportOptions(profile))
    text = result.files[0].read_text("utf-8")
    assert "**封面**" in text and "\\*\\*" not in text and "!\\[" not in text
    assert "### 小标题" in text  # below the section heading, like a card body's headings
    assert "[长文](https://essay.example.org/x)" in text
    assert "assets/throughput.png" not in text or profile == "jekyll"  # resolved for the site
    imported, guesses = round_trip(rich_issue, tmp_path / "again", profile)
    assert guesses == []
    assert imported.sections[0].intro == INTRO
    assert (imported.folder / "assets/throughput.png").is_file()


def test_intro_of_an_older_export_stays_plain_text(tmp_path: Path) -> None:
    doc = tmp_path / "old.md"
    doc.write_text(
        "---\ntitle: Old\nmasthead:\n  format: 1\n---\n\n## 专题一 S\n"
        '<!-- masthead:section {"emoji":""} -->\n\n1\\. a \\*star\\*\n\n### 1. C\n'
        "<!-- masthead:card -->\n\nbody\n",
        "utf-8",
    )
    issue, _ = import_file(doc, tmp_path / "library")
    assert load_issue(issue.folder).sections[0].intro == "1. a *star*"
