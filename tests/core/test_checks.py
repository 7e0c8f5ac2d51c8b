import os

import pytest

from editor_app.core.checks import (
    ERROR,
    WARNING,
    check_issue,
    has_errors,
    image_entries,
    is_generic_alt,
    url_problem,
)
from editor_app.core.model import Link, Source
from editor_app.core.numbering import compute_numbers
from editor_app.core.outline import add_card, add_section


def codes(problems, card=None):
    return sorted({p.code for p in problems if card is None or p.card == card})


def first_card(issue):
    return issue.cards[issue.sections[0].card_ids[0]]


def test_clean_issue_has_no_problems(rich_issue):
    assert check_issue(rich_issue) == []
    assert not has_errors([])


def test_problem_json_shape(rich_issue):
    add_section(rich_issue, "空的")
    (problem,) = check_issue(rich_issue)
    assert problem.to_json() == {
        "severity": WARNING,
        "code": "empty-section",
        "message": problem.message,
        "card": None,
    }
    assert "空的" in problem.message


def test_empty_card(rich_issue):
    card = add_card(rich_issue, rich_issue.sections[1].id, "只有标题")
    problems = check_issue(rich_issue)
    assert "empty-card" in codes(problems, card.id)
    assert has_errors(problems)


def test_missing_source_on_top_level_card_only(rich_issue):
    card = add_card(rich_issue, rich_issue.sections[1].id, "没有来源")
    card.body = "正文"
    sub = add_card(rich_issue, card.id, "子卡片")
    sub.body = "子卡片正文"
    problems = check_issue(rich_issue)
    assert codes(problems, sub.id) == []
    # A card with sub-cards is a roundup of them: its sources are the children's.
    assert codes(problems, card.id) == []
    lone = add_card(rich_issue, rich_issue.sections[1].id, "没有来源 2")
    lone.body = "正文"
    problems = [p for p in check_issue(rich_issue) if p.card == lone.id]
    assert [(p.code, p.severity) for p in problems] == [("missing-source", WARNING)]


@pytest.mark.parametrize(
    "url",
    ["example.org/page", "https://", "ftp://example.org/x", "https://exa mple.org", "https://nodot",
     " https://example.org", "javascript:alert(1)", "http://[::1"],
)  # fmt: skip
def test_malformed_url_in_each_place(rich_issue, url):
    card = first_card(rich_issue)
    card.links.append(Link("坏链接", url))
    problems = [p for p in check_issue(rich_issue) if p.code == "malformed-url"]
    assert [(p.card, p.severity) for p in problems] == [(card.id, ERROR)]


def test_malformed_inline_and_source_url(rich_issue):
    card = first_card(rich_issue)
    card.body += "\n\n[链接](www.example.com/no-scheme) 和 [另一个](http://[oops)\n"
    card.source = Source("来源", "htps://example.org")
    problems = [p for p in check_issue(rich_issue) if p.code == "malformed-url"]
    assert len(problems) == 3


def test_url_problem():
    assert url_problem("https://example.org/a?b=1#c") is None
    assert url_problem("http://localhost:8080/x") is None
    assert url_problem("mailto:editor@example.org") is None
    assert url_problem("") == "is empty"
    assert url_problem("mailto:") is not None


def test_insecure_url_is_a_warning(rich_issue):
    card = first_card(rich_issue)
    card.links.append(Link("旧站", "http://old.example.org/page"))
    problems = [p for p in check_issue(rich_issue) if p.code == "insecure-url"]
    assert [(p.card, p.severity) for p in problems] == [(card.id, WARNING)]
    assert not has_errors(check_issue(rich_issue))


@pytest.mark.parametrize(
    "variant",
    [
        "https://kubernetes.io/blog/k8s-135/?utm_source=newsletter&utm_medium=email",
        "https://kubernetes.io/blog/k8s-135",
        "https://KUBERNETES.io/blog/k8s-135/",
        "https://www.kubernetes.io/blog/k8s-135/",
        "http://kubernetes.io/blog/k8s-135/",
    ],
)
def test_duplicate_link_is_found_through_normalisation(rich_issue, variant):
    other = add_card(rich_issue, rich_issue.sections[1].id, "转载")
    other.source = Source("Same article", variant)
    release = first_card(rich_issue)
    problems = [p for p in check_issue(rich_issue) if p.code == "duplicate-link"]
    # Listed once, naming every card that has the link.
    assert len(problems) == 1
    assert problems[0].card == release.id
    assert sorted(problems[0].cards) == sorted([release.id, other.id])
    assert problems[0].to_json()["cards"] == list(problems[0].cards)
    assert "转载" in problems[0].message
    assert all(p.severity == WARNING for p in problems)


def test_different_pages_are_not_duplicates(rich_issue):
    other = add_card(rich_issue, rich_issue.sections[1].id, "另一篇")
    other.source = Source("Other", "https://kubernetes.io/blog/k8s-136/?utm_source=x")
    assert "duplicate-link" not in codes(check_issue(rich_issue))


def test_same_url_twice_in_one_field_kind_of_one_card(rich_issue):
    card = first_card(rich_issue)
    card.links.append(Link("官网（重复）", "https://kubernetes.io"))
    problems = [p for p in check_issue(rich_issue) if p.code == "duplicate-link"]
    assert [p.card for p in problems] == [card.id]
    assert problems[0].cards == (card.id,)


def test_missing_image(rich_issue):
    (rich_issue.folder / "assets" / "cat.png").unlink()
    problems = [p for p in check_issue(rich_issue) if p.code == "missing-image"]
    assert len(problems) == 1 and problems[0].severity == ERROR
    assert "cat.png" in problems[0].message


def test_missing_alt(rich_issue):
    first_card(rich_issue).body += "\n\n![](assets/cat.png)\n"
    problems = [p for p in check_issue(rich_issue) if p.code == "missing-alt"]
    assert [(p.card, p.severity) for p in problems] == [(first_card(rich_issue).id, ERROR)]


def test_an_image_shown_again_is_looked_at_once_with_the_same_problems(rich_issue, monkeypatch):
    from editor_app.core import checks

    looked: list[str] = []
    real = checks.local_path
    monkeypatch.setattr(
        checks, "local_path", lambda folder, url: looked.append(url) or real(folder, url)
    )
    card = first_card(rich_issue)
    shown = "\n\n![](assets/gone.png)\n\n![猫](assets/cat.png)\n"
    card.body += shown
    once = check_issue(rich_issue)
    looked_once = sorted(looked)
    card.body += shown * 2
    looked.clear()
    problems = check_issue(rich_issue)
    assert sorted(looked) == looked_once
    missing = [(p.code, p.card) for p in problems if p.code in {"missing-alt", "missing-image"}]
    assert missing == [("missing-alt", card.id), ("missing-image", card.id)] * 3
    assert [p for p in problems if p.code not in {"missing-alt", "missing-image"}] == [
        p for p in once if p.code not in {"missing-alt", "missing-image"}
    ]


@pytest.mark.parametrize("alt", ["An image to describe post", "图片", "image", "IMG_2041.png"])
def test_generic_alt(rich_issue, alt):
    first_card(rich_issue).body += f"\n\n![{alt}](assets/cat.png)\n"
    problems = [p for p in check_issue(rich_issue) if p.code == "generic-alt"]
    assert len(problems) == 1 and problems[0].severity == WARNING
    assert is_generic_alt(alt)


def test_meaningful_alt_is_not_generic():
    assert not is_generic_alt("调度器吞吐量对比图")
    assert not is_generic_alt("A cat sleeping on a server rack")


@pytest.mark.parametrize("ref", ["../../x.png", "assets/../../x.png", "assets/..\\..\\x.png"])
def test_unsafe_image_path(rich_issue, ref):
    first_card(rich_issue).body += f"\n\n![说明文字]({ref})\n"
    problems = [p for p in check_issue(rich_issue) if p.code == "unsafe-path"]
    assert len(problems) == 1 and problems[0].severity == ERROR
    assert "missing-image" not in codes(check_issue(rich_issue))


def test_symlink_out_of_the_folder_is_unsafe(rich_issue, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"secret")
    os.symlink(outside, rich_issue.folder / "assets" / "link.png")
    first_card(rich_issue).body += "\n\n![说明文字](assets/link.png)\n"
    # Any symbolic link is refused under its own code, wherever it points.
    problems = [p for p in check_issue(rich_issue) if p.code == "symlink"]
    assert len(problems) == 1 and problems[0].severity == ERROR
    assert "unsafe-path" not in codes(check_issue(rich_issue))
    (entry,) = [e for e in image_entries(rich_issue) if e["path"] == "assets/link.png"]
    assert entry["exists"] is False


def test_unsafe_relative_link(rich_issue):
    card = first_card(rich_issue)
    card.body += "\n\n[下载](../../other-issue/secret.pdf) [本地](assets/cat.png)\n"
    problems = [p for p in check_issue(rich_issue) if p.code == "unsafe-path"]
    assert [(p.card, p.severity) for p in problems] == [(card.id, ERROR)]
    assert "secret.pdf" in problems[0].message


def test_unsafe_raw_html_image(rich_issue):
    first_card(rich_issue).body += '\n\n<img src="../../etc/passwd" alt="配置文件">\n'
    problems = [p for p in check_issue(rich_issue) if p.code == "unsafe-path"]
    assert len(problems) == 1


@pytest.mark.parametrize(
    "ref",
    [
        "/home/me/a.png",
        "file:///C:/pics/a.jpg",
        "~/Desktop/b.png",
        "C:\\pics\\a.png",
        "file:///etc/passwd",
    ],
)
def test_image_on_this_computer_is_a_local_image_with_a_fix(rich_issue, ref):
    from editor_app.core.problem_codes import IMPORT_LOCAL_IMAGE, fix_of

    card = first_card(rich_issue)
    card.body += f"\n\n![本机图片]({ref})\n"
    problems = [p for p in check_issue(rich_issue) if p.card == card.id]
    local = [p for p in problems if p.code == "local-image"]
    assert [(p.severity, p.args["url"]) for p in local] == [(ERROR, ref)]
    assert fix_of(local[0]) == IMPORT_LOCAL_IMAGE
    assert not {"unsafe-path", "missing-image"} & set(codes(problems))


def test_local_html_image_is_a_local_image(rich_issue):
    first_card(rich_issue).body += '\n\n<img src="/home/me/chart.png" alt="图表">\n'
    assert "local-image" in codes(check_issue(rich_issue))


def test_remote_image_is_a_warning_only(rich_issue):
    first_card(rich_issue).body += "\n\n![远程图片的说明](https://example.org/a.png)\n"
    problems = check_issue(rich_issue)
    assert codes(problems) == ["remote-image"] and not has_errors(problems)


def test_empty_section(rich_issue):
    section = add_section(rich_issue, "空专题", "🈳")
    problems = check_issue(rich_issue)
    assert codes(problems) == ["empty-section"]
    assert section.title in problems[0].message


def test_unreadable_file(rich_issue):
    card = first_card(rich_issue)
    card.unreadable = "cards/x.md:3: invalid YAML"
    problems = check_issue(rich_issue)
    assert [(p.code, p.card, p.message) for p in problems] == [
        ("unreadable-file", card.id, "cards/x.md:3: invalid YAML")
    ]


def test_image_entries(rich_issue):
    entries = image_entries(rich_issue)
    assert {e["path"] for e in entries} == {"assets/throughput.png", "assets/cat.png"}
    assert all(e["exists"] for e in entries)
    assert all(set(e) == {"card", "path", "alt", "exists"} for e in entries)


def test_missing_linked_file_and_private_state_link(rich_issue):
    card = first_card(rich_issue)
    card.body += "\n\n[slides](assets/slides.pdf) and [state](.masthead/lock)"
    problems = [p for p in check_issue(rich_issue) if p.card == card.id]
    assert [p.code for p in problems if p.code in {"missing-file", "unsafe-path"}] == [
        "missing-file",
        "unsafe-path",
    ]


def test_export_preflight_reports_a_bad_local_link_once(rich_issue):
    from editor_app.core.export.base import preflight

    card = first_card(rich_issue)
    card.body += "\n\n[escape](../../outside.txt)"
    problems = preflight(rich_issue, "html")
    assert [p.code for p in problems].count("unsafe-path") == 1


def test_untitled_card_is_named_by_its_number(rich_issue):
    section = rich_issue.sections[1]
    card = add_card(rich_issue, section.id, "")
    number = compute_numbers(rich_issue).cards[card.id]
    problems = [p for p in check_issue(rich_issue) if p.card == card.id]
    empty = next(p for p in problems if p.code == "empty-card")
    assert empty.message == f"card '{number} (untitled)' has no content"
    untitled = next(p for p in problems if p.code == "untitled-card")
    assert card.id not in untitled.message and f"{number} (untitled)" in untitled.message
