"""Counting a long text by block gives the whole text's counts, and an edit recounts one block."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core import text_stats as stats_module
from editor_app.core.text_blocks import cut_blocks, strip_block, strip_markdown
from editor_app.core.text_stats import LONG_TEXT, TextStats, text_stats

# Pieces of Markdown that open, close or continue the constructs the stripping removes,
# including the ones that may run over a blank line (comments, fences, tags, links).
PIECES = [
    "a", "word", "中", "文字", "カ", "1", "42", "1.", "2)", " ", "  ", "\t", "\n", "\n\n",
    "\n\n\n", ">", "> ", "<", "<b ", "<b>", "</b>", "<a\n", "<!--", "-->", "```", "~~~", "````",
    "`", "[", "]", "](", "(", ")", "!", "![", "[^1]", "[x]: /u", "http://x.y", "www.a.b",
    "<http://a.b>", "<mailto:a@b>", "&amp;", "&#12;", '"', "'", "-", "_", ".", "é", "\u3000",
    "\r", "\u2028", "#", "* ",
]  # fmt: skip


def whole_count(text: str) -> TextStats:
    return stats_module._count(strip_markdown(text))


def count_by_blocks(text: str, min_block: int) -> TextStats:
    total = TextStats()
    for stats in cut_blocks(text, _measure, min_block):
        total += stats
    return total


def _measure(block: str) -> tuple[TextStats, bool]:
    stripped, safe = strip_block(block)
    return stats_module._count(stripped), safe


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120), st.integers(1, 40))
def test_blocks_add_up_to_the_whole_text(pieces: list[str], min_block: int) -> None:
    text = "".join(pieces)
    assert count_by_blocks(text, min_block) == whole_count(text)


# Fewer pieces, all about what may run over a blank line, so that they meet more often.
SPANNING = ["<!--", "-->", ">", "<", "<b ", "```", "```a", "~~~", "](", "[", "]", "(", ")",
            "\n", "\n\n", "a", "中", " ", '"t"']  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SPANNING), max_size=60), st.integers(1, 12))
def test_blocks_add_up_around_what_spans_lines(pieces: list[str], min_block: int) -> None:
    text = "".join(pieces)
    assert count_by_blocks(text, min_block) == whole_count(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab中1.)<>!/[]() \n`~-:&;#"), max_size=300))
def test_blocks_add_up_for_any_text_of_syntax_characters(text: str) -> None:
    for min_block in (1, 7, 50):
        assert count_by_blocks(text, min_block) == whole_count(text)


def test_a_long_text_is_counted_as_the_whole_text() -> None:
    paragraph = "云原生 Cloud Native 社区 [链接](https://example.org/a) 和 `code`。\n\n"
    text = "```\nfenced\n\nstill code\n```\n\n" + paragraph * 2000 + "<!-- a\n\ncomment -->"
    assert len(text) > LONG_TEXT
    assert text_stats(text) == whole_count(text)


def test_paragraphs_are_cut_into_several_blocks() -> None:
    text = "第一段 words here.\n\n" * 40
    assert len(list(cut_blocks(text, _measure, 16))) > 10


def test_no_cut_inside_what_runs_over_a_blank_line() -> None:
    # Each of these runs over its blank line when the whole text is stripped; a cut there
    # would count "hidden" (comment, tag attributes, link destination) or blank code fences.
    for opened, closed in (
        ("<!-- start", "hidden -->"),
        ("<!-- a > b", "hidden -->"),  # no tag is open, but the comment is
        ("<span hidden", "hidden>"),
        ("[text](", "hidden)"),
        ("[text](\n\nhidden\n\n'hidden'", ")"),  # three lines before the cut
        ("```", "```hidden\n```"),  # a fence line in code is code, not a fence
    ):
        text = f"before {opened}\n\n{closed} after\n\nnext"
        for min_block in (1, 5):
            assert count_by_blocks(text, min_block) == whole_count(text), opened


def test_an_edit_strips_only_the_block_typed_in(monkeypatch) -> None:
    paragraphs = [f"段落 {i} has some words in it, 还有中文。" for i in range(3000)]
    text = "\n\n".join(paragraphs)
    assert len(text) > LONG_TEXT
    first = text_stats(text)
    calls: list[int] = []
    real = stats_module.strip_block

    def counting(block: str) -> tuple[str, bool]:
        calls.append(len(block))
        return real(block)

    monkeypatch.setattr(stats_module, "strip_block", counting)
    assert text_stats(text) == first
    assert calls == []  # every block was remembered
    edited = text[:60_000] + " 新词 inserted" + text[60_000:]
    assert text_stats(edited) == whole_count(edited)
    assert len(calls) == 1
