"""The core catalog walks every registry of messages: each has a Chinese translation with
the same fields, and a missing one fails here by name."""

from __future__ import annotations

import string

import pytest

from editor_app.core.errors import ImageError
from editor_app.core.i18n_catalog import (
    CHINESE,
    ENGLISH,
    MESSAGES,
    WORDS,
    catalog,
    language_from_env,
)
from editor_app.core.images import ASSET_FLAGS
from editor_app.core.importers.common import ImportResult
from editor_app.core.importers.guesses import GUESSES
from editor_app.core.messages import TEXTS, Template, template_fields, template_forms, text
from editor_app.core.model import Issue, Status
from editor_app.core.paths import UnsafePathError, local_path
from editor_app.core.problem_codes import CODES, problem

ZH = catalog(CHINESE)
EN = catalog(ENGLISH)

PROBLEM_KEYS = [
    (code + (f"/{variant}" if variant else ""), template)
    for code, spec in CODES.items()
    for variant, template in spec.messages.items()
]


def _check(translated: Template | None, english: Template) -> None:
    assert translated, "no Chinese translation"
    for form in template_forms(translated):
        assert form.strip(), "an empty Chinese form"
    assert template_fields(translated) == template_fields(english)
    if not isinstance(english, str):
        # Chinese has one form for every count; English needs "one" and "other".
        assert set(english) == {"one", "other"}
        assert not isinstance(translated, str) and set(translated) == {"other"}
    # Identical to the English only when there are no English words to translate.
    for form in template_forms(english):
        literal = "".join(text for text, *_ in string.Formatter().parse(form))
        if any(c.isalpha() for c in literal):
            assert form not in template_forms(translated)


@pytest.mark.parametrize(("key", "english"), PROBLEM_KEYS, ids=[k for k, _ in PROBLEM_KEYS])
def test_every_problem_message_is_translated(key: str, english: str) -> None:
    _check(ZH.problems.get(key), english)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_cli_message_is_translated(key: str) -> None:
    _check(ZH.messages.get(key), MESSAGES[key])


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_core_text_is_translated(key: str) -> None:
    """Errors, problem reasons, asset flags, export progress and link-check notes."""
    _check(ZH.texts.get(key), TEXTS[key])


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


@pytest.mark.parametrize("flag", [*ASSET_FLAGS, "none"])
def test_every_asset_flag_has_a_label_in_both_languages(flag: str) -> None:
    assert f"asset-flag.{flag}" in TEXTS
    assert EN.asset_flag(flag) != flag or flag == "none"
    assert ZH.asset_flag(flag) != EN.asset_flag(flag)


def test_no_translation_of_an_unknown_key() -> None:
    known = {k for k, _ in PROBLEM_KEYS}
    assert set(ZH.problems) <= known
    assert set(ZH.messages) <= set(MESSAGES)
    assert set(ZH.texts) <= set(TEXTS)
    assert set(ZH.guesses) <= set(GUESSES)
    assert set(ZH.words) <= set(WORDS)
    assert not set(MESSAGES) & set(TEXTS)  # one key, one sentence


def test_undeclared_text_is_refused() -> None:
    with pytest.raises(KeyError):
        text("no.such-text")


def test_problem_in_chinese_translates_closed_set_fields_and_keeps_free_text() -> None:
    item = problem(
        "malformed-url", card="c1", url="htp://x y", name="My card", reason="contains spaces"
    )
    assert ZH.problem(item) == "“My card”中的链接“htp://x y”含有空格"
    assert EN.problem(item) == item.message
    draft = problem("draft-export", variant="hugo", status="review")
    assert "审阅中" in ZH.problem(draft)


def test_a_reason_given_as_text_is_translated_inside_the_problem(tmp_path) -> None:
    with pytest.raises(UnsafePathError) as info:
        local_path(tmp_path, "../secret.png")
    item = problem("unsafe-path", card="c1", variant="image", name="卡片", reason=info.value.reason)
    assert item.message == "image in '卡片': '../secret.png' leaves the issue folder"
    assert ZH.problem(item) == "“卡片”中的图片：'../secret.png' 离开了期刊文件夹"


def test_errors_are_said_by_key_with_their_path() -> None:
    exc = ImageError(text("image.file-not-found"), "shot.png")
    assert exc.describe() == "shot.png: file not found"
    assert EN.error(exc) == "shot.png: file not found"
    assert ZH.error(exc) == "shot.png: 找不到文件"
    assert ZH.error(ImageError("plain English", None)) == "plain English"  # no key: as it is


@pytest.mark.parametrize(
    ("key", "count", "english", "chinese"),
    [
        ("cli.errors", 1, "1 error", "1 个错误"),
        ("cli.errors", 2, "2 errors", "2 个错误"),
        ("cli.errors", 0, "0 errors", "0 个错误"),
        ("links.links", 1, "1 link", "1 个链接"),
        ("links.links", 3, "3 links", "3 个链接"),
    ],
)
def test_counts_take_the_plural_form_of_the_language(key, count, english, chinese) -> None:
    assert EN.count(key, count) == english
    assert ZH.count(key, count) == chinese


def test_plural_core_text() -> None:
    one, many = (
        text("image.animation-too-large", count=1),
        text("image.animation-too-large", count=5),
    )
    assert str(one) == "refused: an animation of 1 frame is too large"
    assert str(many) == "refused: an animation of 5 frames is too large"
    assert ZH.say(many) == "已拒绝：5 帧的动画太大"


def test_guess_and_status_in_both_languages() -> None:
    result = ImportResult(Issue(title="t"))
    result.guess(3, "numbering-jumps", previous=2, number=5)
    (guess,) = result.guesses
    assert guess.message == "card numbering jumps from 2 to 5"
    assert ZH.guess(guess) == "卡片编号从 2 跳到 5"
    assert EN.guess(guess) == guess.message
    assert [ZH.status(s) for s in Status] == ["草稿", "审阅中", "待发布", "已发布"]
    assert EN.status(Status.REVIEW) == "In review"


def test_undeclared_guess_is_refused() -> None:
    with pytest.raises(KeyError):
        ImportResult(Issue(title="t")).guess(None, "no-such-guess")


def test_broken_translation_falls_back_to_english() -> None:
    from dataclasses import replace

    broken = replace(ZH, messages={"export.no-out": "{nope}"}, texts={"progress.wrote": "{x}"})
    assert broken.text("export.no-out") == MESSAGES["export.no-out"]
    assert broken.say(text("progress.wrote", rel="a.md")) == "wrote a.md"


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


def test_listed_names_are_quoted_and_joined_as_the_language_does() -> None:
    from editor_app.core.messages import Names

    item = problem("duplicate-link", url="https://x.example", names=Names(("链接一", "Two")))
    assert item.message == "https://x.example appears more than once: '链接一', 'Two'"
    assert ZH.problem(item) == "https://x.example 出现不止一次：“链接一”、“Two”"


def test_an_unreadable_card_says_why_in_chinese(issue_folder) -> None:
    from editor_app.core.checks import check_issue
    from editor_app.core.storage import card_path, load_issue

    issue = load_issue(issue_folder)
    card_id = next(iter(issue.cards))
    card_path(issue_folder, card_id).write_text("no front matter here\n", encoding="utf-8")
    broken = load_issue(issue_folder)
    (item,) = [p for p in check_issue(broken) if p.code == "unreadable-file"]
    assert item.message.endswith(":1: card file must start with a '---' front matter line")
    assert ZH.problem(item).endswith(":1: 卡片文件必须以一行“---”前置元数据开头")
