"""Query terms, folding, matching and snippets: the reference both search paths follow."""

from __future__ import annotations

from editor_app.core.search.query import (
    MAX_TERMS,
    SUBSTRING,
    WORD,
    Matcher,
    Term,
    fold_case,
    fold_word,
    highlight,
    make_snippet,
    parse_query,
)


def test_words_and_substrings_are_told_apart():
    terms = parse_query('Editor, C++ 服务网格 "service mesh" node.js 云')
    assert terms == [
        Term("editor", WORD),  # punctuation around a word is dropped
        Term("c++", SUBSTRING),
        Term("服务网格", SUBSTRING),
        Term("service mesh", SUBSTRING),  # a phrase with a space matches as written
        Term("node.js", SUBSTRING),
        Term("云", SUBSTRING),
    ]
    assert Term("云", SUBSTRING).short and not Term("服务网格", SUBSTRING).short


def test_duplicates_empty_phrases_and_too_many_terms():
    assert parse_query('edit EDIT "" ') == [Term("edit", WORD)]
    many = parse_query(" ".join(f"w{n}" for n in range(40)))
    assert len(many) == MAX_TERMS


def test_folds_keep_one_character_for_one():
    text = "Café ÉCOLE İstanbul 中文 ＡＢ"
    assert fold_word(text) == "cafe ecole istanbul 中文 ａｂ"
    assert len(fold_word(text)) == len(text) == len(fold_case(text))
    assert fold_case("Café") == "café"  # the trigram index keeps accents


def test_word_terms_match_word_starts_only():
    matcher = Matcher(parse_query("edit"))
    assert matcher.matches(["The new editor."])
    assert not matcher.matches(["A credit note."])
    assert Matcher(parse_query("cafe")).matches(["Café CLI"])


def test_every_term_must_match_somewhere():
    matcher = Matcher(parse_query("网格 kubectl"))
    assert matcher.matches(["服务网格", "use kubectl debug"])
    assert not matcher.matches(["服务网格", "nothing else"])
    assert not Matcher([]).matches(["anything"])


def test_snippet_marks_point_at_the_matches():
    text = "Intro line.\n\n" + "filler " * 30 + "the Editor ships\nwith a new editor mode."
    matcher = Matcher(parse_query("editor"))
    spans = [s for group in matcher.term_spans(text) for s in group]
    snippet = make_snippet(text, spans)
    assert snippet.text.startswith("…") and "\n" not in snippet.text
    assert [snippet.text[a:b] for a, b in snippet.marks] == ["Editor", "editor"]
    assert text[snippet.start : snippet.end] == "Editor"


def test_highlight_prefers_the_field_matching_most_terms():
    matcher = Matcher(parse_query("mesh 代理"))
    shown = highlight(
        matcher, "Mesh news", {"body": "数据面代理 and the mesh", "note": "mesh only", "links": ""}
    )
    assert shown.title_marks == ((0, 4),)
    assert shown.field == "body" and shown.reveal_field == "body"
    assert sorted(shown.snippet.text[a:b] for a, b in shown.snippet.marks) == ["mesh", "代理"]


def test_a_title_only_match_reveals_the_title():
    shown = highlight(Matcher(parse_query("roundup")), "Tool roundup", {"body": "Three tools."})
    assert (shown.reveal_field, shown.start, shown.end) == ("title", 5, 12)
    assert (
        shown.field == "body" and shown.snippet.text == "Three tools." and not shown.snippet.marks
    )
