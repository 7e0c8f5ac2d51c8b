"""The core catalog: every message has a Chinese translation with the same fields."""

from __future__ import annotations

import string

import pytest

from editor_app.core.i18n_catalog import (
    CHINESE,
    ENGLISH,
    MESSAGES,
    WORDS,
    catalog,
    language_from_env,
)
from editor_app.core.importers.common import ImportResult
from editor_app.core.importers.guesses import GUESSES
from editor_app.core.model import Issue, Status
from editor_app.core.problem_codes import CODES, problem, template_fields

ZH = catalog(CHINESE)

PROBLEM_KEYS = [
    (code + (f"/{variant}" if variant else ""), template)
    for code, spec in CODES.items()
    for variant, template in spec.messages.items()
]


def _check(translated: str | None, english: str) -> None:
    assert translated and translated.strip(), "no Chinese translation"
    assert template_fields(translated) == template_fields(english)
    # Identical to the English only when there are no English words to translate.
    literal = "".join(text for text, *_ in string.Formatter().parse(english))
    assert translated != english or not any(c.isalpha() for c in literal)


@pytest.mark.parametrize(("key", "english"), PROBLEM_KEYS, ids=[k for k, _ in PROBLEM_KEYS])
def test_every_problem_message_is_translated(key: str, english: str) -> None:
    _check(ZH.problems.get(key), english)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_cli_message_is_translated(key: str) -> None:
    _check(ZH.messages.get(key), MESSAGES[key])


@pytest.mark.parametrize("key", sorted(GUESSES))
def test_every_import_guess_is_translated(key: str) -> None:
    _check(ZH.guesses.get(key), GUESSES[key])


@pytest.mark.parametrize("status", list(Status))
def test_every_status_is_translated(status: Status) -> None:
    assert ZH.statuses.get(status.value, "").strip()
    assert ZH.status(status) != status.value.capitalize()


@pytest.mark.parametrize("word", WORDS)
def test_every_closed_set_word_is_translated(word: str) -> None:
    assert ZH.words.get(word, "").strip()


def test_no_translation_of_an_unknown_key() -> None:
    known = {k for k, _ in PROBLEM_KEYS}
    assert set(ZH.problems) <= known
    assert set(ZH.messages) <= set(MESSAGES)
    assert set(ZH.guesses) <= set(GUESSES)
    assert set(ZH.words) <= set(WORDS)


def test_problem_in_chinese_translates_closed_set_fields_and_keeps_free_text() -> None:
    item = problem(
        "malformed-url", card="c1", url="htp://x y", name="My card", reason="contains spaces"
    )
    assert ZH.problem(item) == "“My card”中的链接“htp://x y”含有空格"
    assert catalog(ENGLISH).problem(item) == item.message
    draft = problem("draft-export", variant="hugo", status="review")
    assert "审阅中" in ZH.problem(draft)


def test_guess_and_status_in_both_languages() -> None:
    result = ImportResult(Issue(title="t"))
    result.guess(3, "numbering-jumps", previous=2, number=5)
    (guess,) = result.guesses
    assert guess.message == "card numbering jumps from 2 to 5"
    assert ZH.guess(guess) == "卡片编号从 2 跳到 5"
    assert catalog(ENGLISH).guess(guess) == guess.message
    assert [ZH.status(s) for s in Status] == ["草稿", "审阅中", "待发布", "已发布"]
    assert catalog(ENGLISH).status(Status.REVIEW) == "Review"


def test_undeclared_guess_is_refused() -> None:
    with pytest.raises(KeyError):
        ImportResult(Issue(title="t")).guess(None, "no-such-guess")


def test_broken_translation_falls_back_to_english() -> None:
    from dataclasses import replace

    broken = replace(ZH, messages={"export.no-out": "{nope}"})
    assert broken.text("export.no-out") == MESSAGES["export.no-out"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, CHINESE),
        ({"LANG": "C"}, ENGLISH),
        ({}, ENGLISH),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, CHINESE),
        ({"LANGUAGE": "zh_Hans"}, CHINESE),
        ({"LANG": "zh"}, CHINESE),
        ({"LANG": "zh_TW.UTF-8"}, ENGLISH),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, ENGLISH),
        ({"LANGUAGE": "zh_CN", "LC_ALL": "C"}, ENGLISH),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, CHINESE),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, ENGLISH),
    ],
)
def test_language_from_env(env: dict[str, str], expected: str) -> None:
    assert language_from_env(env) == expected
