from editor_app.core.model import Card, FurtherReading, Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.text_stats import (
    READING_RATE,
    TextStats,
    card_stats,
    count_words,
    issue_stats,
    reading_minutes,
    strip_markdown,
    text_stats,
)


def test_mixed_chinese_and_latin():
    # 2 Latin "words" (a number is a word) + 3 Han; the full-width ! is punctuation.
    assert text_stats("Kubernetes 1.33 发布了！") == TextStats(han=3, latin=2)
    assert count_words("Kubernetes 1.33 发布了！") == 5


def test_han_and_kana_count_one_each_latin_by_word():
    assert count_words("云原生") == 3
    assert count_words("ひらがな カタカナ") == 8
    assert count_words("云原生Cloud Native社区") == 3 + 2 + 2
    assert count_words("2024年5月") == 4  # 2024, 年, 5, 月


def test_joiners_inside_words_keep_one_word():
    assert count_words("don't cloud-native Node.js v1.2.3 snake_case") == 5
    assert count_words("end. Next") == 2
    assert count_words("a -- b") == 2


def test_punctuation_and_emoji_are_not_counted():
    assert count_words("，。！？、；：「」《》（）……—— !?.,;:") == 0
    assert count_words("🎤 👍 🚀") == 0
    assert count_words("🎤 评论：很好。") == 4


def test_markdown_syntax_is_not_counted():
    assert count_words("## 标题 Title") == 3
    assert count_words("**粗体** and *em* ~~gone~~ `code`") == 2 + 4
    assert count_words("> 引用\n>\n> quote") == 3
    assert count_words("- 一\n  - 二\n* three") == 3
    # Ordered-list numbers are syntax; numbers in the text are words.
    assert count_words("1. 第一\n2) second\n10. 第十") == 2 + 1 + 2
    assert count_words("| 名称 | name |\n|---|:---:|\n| 值 | 42 |") == 2 + 1 + 1 + 1
    assert count_words("```yaml\nkey: value\n```") == 2
    assert count_words("---\n***\n") == 0


def test_links_count_their_text_not_their_url():
    assert count_words('[官网](https://example.com/a_(b) "Title here") 见') == 3
    assert count_words("See [the docs][ref].\n\n[ref]: https://example.com/docs") == 3
    assert count_words("<https://example.com/x> https://example.org/y?q=1 www.example.net 好") == 1
    assert count_words('<br/> <span class="x">文字</span> &nbsp; &#8212;') == 2


def test_images_are_not_counted():
    assert count_words("![An image to describe post](assets/a.png) 图") == 1
    assert count_words('![替代文字](assets/b.png "标题")') == 0
    assert "assets" not in strip_markdown("![x](assets/c.png)")


def test_reading_minutes_rounds_up_at_the_documented_rate():
    assert READING_RATE == 300
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(300) == 1
    assert reading_minutes(301) == 2
    assert reading_minutes(900, rate=450) == 2
    assert TextStats(han=400, latin=200).minutes == 2


def test_card_stats_counts_title_body_note_and_further_reading():
    card = Card(
        id="c1",
        title="K8s 发布",  # 1 + 2
        body="## 新功能\n\n- **Gateway** API 进入 GA\n",  # 3 + (Gateway, API, GA) 3 + 2
        note="值得一看",  # 4
        source=Source("Not counted", "https://example.com"),
        further_reading=[FurtherReading("扩展 reading", "https://example.com/r", "一句话")],
    )  # further: 2 + 1 + 3
    stats = card_stats(card)
    assert stats == TextStats(han=2 + 3 + 2 + 4 + 2 + 3, latin=1 + 3 + 1)
    assert stats.words == 21
    assert card_stats(Card(id="bad", title="c-bad", unreadable="cannot read")) == TextStats()


def test_issue_stats_sums_every_card_including_sub_cards():
    issue = Issue(title="不计入")
    section = add_section(issue, "专题")
    parent = add_card(issue, section.id, "父卡片")  # 3
    child = add_card(issue, parent.id, "子 card")  # 1 + 1
    child.body = "正文 text"  # 2 + 1
    add_card(issue, section.id, "")
    assert issue_stats(issue) == TextStats(han=6, latin=2)
    assert issue_stats(Issue()) == TextStats()


def test_issue_stats_cache_recounts_only_changed_cards(monkeypatch):
    from editor_app.core import text_stats as module

    issue = Issue()
    section = add_section(issue, "S")
    cards = [add_card(issue, section.id, f"卡 {n}") for n in range(4)]
    for n, card in enumerate(cards):
        card.body = f"正文 body {n}"
    cache = module.IssueStatsCache()

    def rows():
        return [(s.id, c.id, module.card_stats_key(c)) for s, c, _d in issue.iter_cards()]

    total, sections = cache.count(rows())
    assert total == issue_stats(issue) and sections == {section.id: total}
    counted: list[str] = []
    real = module.text_stats
    monkeypatch.setattr(
        module, "text_stats", lambda t, markdown=True: counted.append(t) or real(t, markdown)
    )
    cards[2].body += " 新增 more words"
    total, _ = cache.count(rows())
    assert any("more words" in text for text in counted)
    assert not any("body 0" in text or "body 3" in text for text in counted)
    assert total == issue_stats(issue)
