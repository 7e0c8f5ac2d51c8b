"""Other newsletters' Markdown: every item shape becomes a card, in order, with its guesses."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.importers import parse_file
from editor_app.core.importers.md_items import bullet_item, heading_item, numbered_item
from editor_app.core.model import Card, Issue

FIXTURES = Path(__file__).parents[2] / "fixtures" / "import"


def section_cards(issue: Issue, title: str) -> list[Card]:
    section = next(s for s in issue.sections if s.title == title)
    return [issue.cards[cid] for cid in section.card_ids]


def children(issue: Issue, card: Card) -> list[Card]:
    return [issue.cards[cid] for cid in card.child_ids]


@pytest.mark.parametrize(
    ("line", "number", "title", "url", "tags"),
    [
        ("1、标题", 1, "标题", "", []),
        ("**2、加粗标题**", 2, "加粗标题", "", []),
        ("__3、下划线标题__", 3, "下划线标题", "", []),
        ("4、__编号在外__", 4, "编号在外", "", []),
        ("5、[新闻] [有标签的标题](https://a.example/5)", 5, "有标签的标题", "https://a.example/5", ["新闻"]),
        ("（6）括号编号", 6, "括号编号", "", []),
        ("7. [点号](https://a.example/7)", 7, "点号", "https://a.example/7", []),
        ("8) 右括号：", 8, "右括号", "", []),
        ("**9、[粗体链接](https://a.example/9)** 之后的话", 9, "粗体链接", "https://a.example/9", []),
    ],
)  # fmt: skip
def test_numbered_shapes(line: str, number: int, title: str, url: str, tags: list[str]) -> None:
    item = numbered_item(line)
    assert item is not None and not item.bare
    assert (item.number, item.title, item.url, item.tags) == (number, title, url, tags)


@pytest.mark.parametrize("line", ["3、", "**4、**", "（5）", "6. "])
def test_bare_numbers(line: str) -> None:
    item = numbered_item(line)
    assert item is not None and item.bare and item.title == ""


@pytest.mark.parametrize(
    "line",
    ["**7.0版新增了离线模式**", "**01. 先读目录**", "3.5 版本发布", "2024、年", "**1、未闭合"],
)
def test_not_numbered_items(line: str) -> None:
    assert numbered_item(line) is None


def test_bullet_and_heading_items() -> None:
    bullet = bullet_item("* [video] [audio] [A talk](https://v.example/1) - notes")
    assert bullet is not None
    assert (bullet.title, bullet.url, bullet.tags, bullet.rest) == (
        "A talk",
        "https://v.example/1",
        ["video", "audio"],
        "notes",
    )
    assert bullet_item("* 2025-01-01 | Online | [Meetup](https://m.example/)") is None
    assert bullet_item("* *No items this week.*") is None
    heading = heading_item("🌟 🐕 [某框架发布](https://f.example/) 🚧")
    assert heading is not None
    assert (heading.title, heading.url, heading.tags) == (
        "某框架发布",
        "https://f.example/",
        ["🌟", "🐕", "🚧"],
    )
    assert heading_item("Official") is None


def test_chinese_numbered_weekly() -> None:
    result = parse_file(FIXTURES / "shape-cn-numbered.md")
    issue = result.issue
    assert issue.number == 88
    news = section_cards(issue, "科技动态")
    assert [c.title for c in news] == [
        "某数据库发布新版本",
        "一家芯片公司开源了指令集",
        "这一条没有写标题，正文在下一段。",
        "加粗的编号单独一行，正文同样在下一段。",
        "下划线里的标题",
        "编号在外的标题",
        "括号编号的标题",
        "带点号的链接",
        "右括号编号的标题",
    ]
    assert news[0].source.url == "https://db.example.cn/release"
    assert news[0].body.endswith("新版本支持列存。")
    assert news[1].tags == ["新闻"] and news[1].source.url == "https://chip.example.cn/isa"
    # A bare number takes the next paragraph; nothing lands in a neighbour.
    assert news[2].body == "这一条没有写标题，正文在下一段。第二句话。"
    assert news[1].body == ""
    assert news[3].body == "加粗的编号单独一行，正文同样在下一段。"
    assert news[4].body == "正文五。" and news[8].body == "正文九。"
    # ### sub-sections holding numbered items are the cards' categories.
    articles = section_cards(issue, "文章")
    assert [(c.title, c.group) for c in articles] == [
        ("一篇国内的文章", "国内"),
        ("一篇海外的文章", "海外"),
    ]
    # First item of a section with its text in the next paragraph: not the section intro.
    quotes = section_cards(issue, "言论")
    assert [c.title for c in quotes] == ["第一条言论没有标题，它的文字在下一段。", "第二条言论。"]
    assert "某位作者" in quotes[0].body
    assert not next(s for s in issue.sections if s.title == "言论").intro
    # The essay: sub-headings, "01." in bold and a version number are text, not cards.
    essay = next(s for s in issue.sections if s.title == "卷首语")
    assert essay.card_ids == []
    assert "### 一、为什么慢" in essay.intro and "**01. 先读目录**" in essay.intro
    assert "**7.0版新增了离线模式**" in essay.intro
    assert not any("0版新增" in c.title or "先读目录" in c.title for c in issue.cards.values())
    messages = [g.message for g in result.guesses]
    assert any("item 3 has no title on its line" in m for m in messages)
    assert any("title '这一条没有写标题" in m for m in messages)
    assert any("'国内' taken as the category" in m for m in messages)
    assert any("'一、为什么慢' kept as a sub-heading" in m for m in messages)


def test_pelican_link_lists() -> None:
    result = parse_file(FIXTURES / "shape-pelican-links.md")
    issue = result.issue
    assert (issue.title, issue.number, str(issue.date)) == ("Crate Digest 77", 77, "2025-03-12")
    [roundup] = section_cards(issue, "Community")
    assert roundup.kind == "roundup" and roundup.title == "Community"
    subs = children(issue, roundup)
    assert [(c.title, c.group, c.tags) for c in subs] == [
        ("Announcing the spring release", "Official", []),
        ("Governance update", "Official", []),
        ("Why errors are values", "Observations", []),
        ("A talk about allocators", "Observations", ["video"]),
        ("An interview with a maintainer", "Observations", ["audio", "podcast"]),
    ]
    assert subs[3].source.url == "https://video.example.com/watch?v=alloc"
    # The bullet inside the HTML comment is not an item.
    assert not any(c.title == "Title of the page" for c in issue.cards.values())
    updates = section_cards(issue, "Project Updates")
    assert [c.title for c in updates] == [
        "Project Updates",
        "Performance Triage",
        "Approved Proposals",
    ]
    assert [(c.title, c.group) for c in children(issue, updates[0])] == [
        ("fix a panic in the parser", ""),
        ("speed up the linker", ""),
        ("add a method to slices", "Library"),
    ]
    assert "| Regressions | Improvements |" in updates[1].body
    assert updates[2].source.url == "https://proposals.example.org/approved"
    assert [c.title for c in children(issue, updates[2])] == ["Proposal: shorter closures"]
    assert any("read as cards inside 'Community'" in g.message for g in result.guesses)


def test_emoji_rated_items() -> None:
    issue = parse_file(FIXTURES / "shape-emoji-rated.md").issue
    news = section_cards(issue, "新闻")
    assert [(c.title, c.tags) for c in news] == [
        ("某框架 3.0 发布", ["🌟", "🐕"]),
        ("一个调试工具的介绍", ["🐢", "🚧"]),
    ]
    assert news[0].source.url == "https://framework.example.com/3-0"
    assert news[0].body.startswith("[@小明](https://people.example.com/xm)：新版本")
    assert "- 更小的包" in news[0].body
    assert [f.url for f in news[1].further_reading] == ["https://debug.example.com/design"]
    [column] = section_cards(issue, "福利")
    assert [(c.title, c.group) for c in children(issue, column)] == [
        ("第一篇：起步", "必看"),
        ("第二篇：进阶", "必看"),
        ("第三篇：实践", "推荐"),
    ]
    assert column.body == "专栏的部分目录如下："
    [jobs] = section_cards(issue, "内推")
    assert [(c.title, c.body) for c in children(issue, jobs)] == [
        ("某公司招聘移动开发", "地点在杭州。"),
        ("另一家公司招聘", "远程。"),
    ]


def test_ordered_list_in_a_card_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "# W\n\n## 动态\n\n1、[第一条](https://a.example/1)\n\n步骤如下：\n\n"
        "1. 安装\n2. 配置\n\n2、[第二条](https://a.example/2)\n",
        "utf-8",
    )
    cards = parse_file(path).issue.ordered_cards()
    assert [c.title for c in cards] == ["第一条", "第二条"]
    assert "1. 安装\n2. 配置" in cards[0].body
