"""The palette's matching: English words, Chinese words, pinyin syllables and initials."""

from __future__ import annotations

from editor_app.gui.palette_match import clean_label, pinyin_keys, rank, score, search_keys


def test_clean_label_drops_accelerators_and_ellipses():
    assert clean_label("&Export…") == "Export"
    assert clean_label("导出(&E)…") == "导出"
    assert clean_label("Save && Close\tCtrl+S") == "Save & Close"


def test_pinyin_keys_gives_syllables_and_initials():
    assert pinyin_keys("导出") == ("daochu", "dc")
    assert pinyin_keys("Export") == ("", "")


def test_english_words_match_by_prefix_in_any_order():
    keys = search_keys("Move to &Section…")
    assert score(keys, "sec move") > 0
    assert score(keys, "mov") > 0
    assert score(keys, "export") == 0


def test_chinese_name_matches_chinese_words_pinyin_and_the_english_name():
    keys = search_keys("导出(&E)…", "&Export…")
    for query in ("导出", "dc", "daochu", "daoc", "exp", "Export"):
        assert score(keys, query) > 0, query
    assert score(keys, "zz") == 0


def test_rank_puts_better_matches_first_and_drops_the_rest():
    entries = [search_keys(n) for n in ("Add Sub-card", "Add Card", "Delete", "Find Next")]
    assert rank(entries, "card") == [1, 0]
    assert rank(entries, "add card")[0] == 1
    assert rank(entries, "") == [0, 1, 2, 3]
    assert rank(entries, "nothing") == []
