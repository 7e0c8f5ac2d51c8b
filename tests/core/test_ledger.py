"""The archive ledger: build, incremental refresh, lookups, exclusion and a corrupt cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from editor_app.core.checks import check_issue
from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.ledger import LEDGER_FORMAT, Ledger, featured_lookup, open_ledger
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source
from editor_app.core.storage import card_path, load_issue, save_card, save_issue

SHARED = "https://kubernetes.example.org/blog/release"


def write_issue(library: Path, slug: str, date: dt.date, cards: list[Card]) -> Path:
    section = Section(id=f"s{slug.replace('-', '')}", title="专题", card_ids=[c.id for c in cards])
    issue = Issue(title=f"Issue {slug}", number=int(slug[-1]), date=date, slug=slug)
    issue.sections.append(section)
    issue.cards = {c.id: c for c in cards}
    save_issue(issue, library / slug)
    return library / slug


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "library"
    write_issue(
        lib,
        "issue-1",
        dt.date(2026, 1, 31),
        [
            Card(
                id="cone00001",
                title="发布",
                source=Source("Release", SHARED + "?utm_source=newsletter"),
                links=[Link("GitHub", "https://github.com/example/project")],
                body="见 [文档](https://docs.example.org/a) 和 https://bare.example.org/x\n"
                "![图](assets/x.png)",
                further_reading=[FurtherReading("延伸", "https://further.example.org/1", "")],
            ),
        ],
    )
    write_issue(
        lib,
        "issue-2",
        dt.date(2026, 2, 28),
        [Card(id="ctwo00001", title="再谈", source=Source("Again", "http://www." + SHARED[8:]))],
    )
    write_issue(
        lib,
        "issue-3",
        dt.date(2026, 3, 31),
        [Card(id="cthree001", title="新的", body="[新文章](https://new.example.org/3)")],
    )
    return lib


def test_build_records_every_featured_link(library: Path):
    ledger = Ledger(library)
    stats = ledger.refresh()
    assert (stats.issues, stats.read, stats.removed, stats.written) == (3, 3, 0, True)
    assert ledger.cache_path == library / ".masthead" / "ledger.json"
    assert json.loads(ledger.cache_path.read_text("utf-8"))["format"] == LEDGER_FORMAT
    hits = ledger.lookup("https://kubernetes.example.org/blog/release/")
    # Newest issue first, each with its card, date and title.
    assert [(e.slug, e.card, e.kind, e.date) for e in hits] == [
        ("issue-2", "ctwo00001", "source", dt.date(2026, 2, 28)),
        ("issue-1", "cone00001", "source", dt.date(2026, 1, 31)),
    ]
    assert hits[1].card_title == "发布" and hits[1].issue_title == "Issue issue-1"
    for url in (
        "https://github.com/example/project",
        "https://docs.example.org/a",
        "https://bare.example.org/x",
        "https://further.example.org/1",
    ):
        assert [e.slug for e in ledger.lookup(url)] == ["issue-1"], url
    assert ledger.lookup("assets/x.png") == []  # images are the issue's own files
    assert ledger.lookup("https://nowhere.example.org") == []


def test_warm_refresh_reads_nothing_and_a_card_edit_rereads_one_issue(library: Path):
    open_ledger(library)
    stats = Ledger(library).refresh()
    assert (stats.read, stats.written) == (0, False)

    folder = library / "issue-3"
    issue = load_issue(folder)
    card = issue.cards["cthree001"]
    card.body += "\n\n另见 [新链接](https://added.example.org/post)"
    save_card(folder, card)
    path = card_path(folder, card.id)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # coarse clocks

    ledger = Ledger(library)
    stats = ledger.refresh()
    assert (stats.read, stats.removed, stats.written) == (1, 0, True)
    assert [e.slug for e in ledger.lookup("https://added.example.org/post")] == ["issue-3"]
    assert [e.slug for e in ledger.lookup(SHARED)] == ["issue-2", "issue-1"]


def test_removed_and_added_issues(library: Path):
    open_ledger(library)
    shutil.rmtree(library / "issue-2")
    write_issue(
        library,
        "issue-4",
        dt.date(2026, 4, 30),
        [Card(id="cfour0001", source=Source("s", SHARED))],
    )
    ledger = Ledger(library)
    stats = ledger.refresh()
    assert (stats.issues, stats.read, stats.removed) == (3, 1, 1)
    assert [e.slug for e in ledger.lookup(SHARED)] == ["issue-4", "issue-1"]


def test_featured_lookup_excludes_the_issue_being_checked(library: Path):
    lookup = featured_lookup(library, exclude=library / "issue-2")
    assert lookup(SHARED) == [("issue-1", "cone00001", "source")]
    assert featured_lookup(library, exclude=library / "issue-1")(SHARED) == [
        ("issue-2", "ctwo00001", "source")
    ]
    assert featured_lookup(library)(SHARED) == [
        ("issue-2", "ctwo00001", "source"),
        ("issue-1", "cone00001", "source"),
    ]


def test_a_copy_of_an_archived_issue_elsewhere_is_excluded_by_slug(library: Path, tmp_path: Path):
    copy = tmp_path / "elsewhere" / "draft"
    shutil.copytree(library / "issue-1", copy)
    assert featured_lookup(library, exclude=copy)(SHARED) == [("issue-2", "ctwo00001", "source")]


def test_check_reports_featured_before(library: Path):
    issue = load_issue(library / "issue-2")
    problems = check_issue(issue, featured_lookup(library, exclude=issue.folder))
    featured = [p for p in problems if p.code == "featured-before"]
    assert len(featured) == 1
    assert "issue-1" in featured[0].message and featured[0].card == "ctwo00001"


@pytest.mark.parametrize("garbage", ["{not json", "[]", '{"format": 1, "issues": {"x": 3}}', ""])
def test_corrupt_cache_is_rebuilt(library: Path, garbage: str):
    ledger = open_ledger(library)
    ledger.cache_path.write_text(garbage, "utf-8")
    fresh = Ledger(library)
    stats = fresh.refresh()
    assert stats.read == 3 and stats.written
    assert len(fresh.lookup(SHARED)) == 2
    assert json.loads(fresh.cache_path.read_text("utf-8"))["format"] == LEDGER_FORMAT


def test_rebuild_rereads_everything(library: Path):
    open_ledger(library)
    stats = Ledger(library).rebuild()
    assert (stats.read, stats.written) == (3, True)


def test_unreadable_card_and_manifest_are_skipped(library: Path):
    card_path(library / "issue-3", "cthree001").write_text("---\ntitle: [broken\n---\n", "utf-8")
    (library / "broken").mkdir()
    (library / "broken" / "issue.yaml").write_text(": : :\n", "utf-8")
    ledger = Ledger(library)
    stats = ledger.refresh()
    assert stats.issues == 4
    assert ledger.lookup("https://new.example.org/3") == []
    assert "error" in ledger.records["broken"]
    assert len(ledger.lookup(SHARED)) == 2


def test_archive_must_be_a_library(library: Path, tmp_path: Path):
    with pytest.raises(IssueNotFoundError):
        featured_lookup(tmp_path / "missing")
    with pytest.raises(MastheadError, match="library"):
        featured_lookup(library / "issue-1")


def test_later_issues_do_not_count_as_featured_before(tmp_path):
    import datetime as dt

    from editor_app.core.ledger import featured_lookup
    from editor_app.core.model import Issue, Source
    from editor_app.core.outline import add_card, add_section
    from editor_app.core.storage import save_issue

    library = tmp_path / "lib"
    for slug, day in (("sep", dt.date(2026, 9, 30)), ("oct", dt.date(2026, 10, 31))):
        issue = Issue(title=slug, slug=slug, date=day)
        card = add_card(issue, add_section(issue, "s").id, "c")
        card.source = Source("shared", "https://example.org/shared")
        card.body = "text"
        save_issue(issue, library / slug)
    september = featured_lookup(library, exclude=library / "sep", until=dt.date(2026, 9, 30))
    october = featured_lookup(library, exclude=library / "oct", until=dt.date(2026, 10, 31))
    assert september("https://example.org/shared") == []
    assert [slug for slug, _card, _kind in october("https://example.org/shared")] == ["sep"]


def test_mentions_are_told_apart_from_featured_links(library: Path):
    ledger = open_ledger(library)
    (own,) = ledger.lookup(SHARED, exclude={"issue-2"})
    assert own.featured and own.to_json()["as"] == "featured"
    (mention,) = ledger.lookup("https://docs.example.org/a")
    assert (mention.kind, mention.featured, mention.to_json()["as"]) == (
        "inline",
        False,
        "mentioned",
    )
    (further,) = ledger.lookup("https://further.example.org/1")
    assert not further.featured


def test_check_reports_a_mention_apart_as_info(library: Path):
    folder = write_issue(
        library,
        "issue-4",
        dt.date(2026, 4, 30),
        [Card(id="cfour0001", title="新", source=Source("Docs", "https://docs.example.org/a"))],
    )
    issue = load_issue(folder)
    lookup = featured_lookup(library, exclude=folder, until=issue.date, number=issue.number)
    problems = check_issue(issue, lookup)
    assert not [p for p in problems if p.code == "featured-before"]
    (note,) = [p for p in problems if p.code == "mentioned-before"]
    assert note.severity == "info" and "mentioned in issue 'issue-1'" in note.message
    assert "inline" in note.message and note.card == "cfour0001"


def test_section_intro_links_are_recorded_as_mentions_of_the_section(library: Path):
    folder = library / "issue-3"
    issue = load_issue(folder)
    issue.sections[
        0
    ].intro = "封面 ![封面](assets/cover.png)\n见 [长文](https://essay.example.org/x)"
    save_issue(issue, folder)
    ledger = open_ledger(library)
    (hit,) = ledger.lookup("https://essay.example.org/x")
    assert (hit.kind, hit.card, hit.card_title) == ("intro", issue.sections[0].id, "专题")
    assert hit.to_json()["card"] is None and hit.to_json()["section"] == issue.sections[0].id
    assert ledger.lookup("assets/cover.png") == []


@pytest.mark.parametrize(
    ("other", "this", "counts"),
    [
        ((dt.date(2026, 1, 1), 1), (dt.date(2026, 2, 1), 2), True),
        ((dt.date(2026, 3, 1), 3), (dt.date(2026, 2, 1), 2), False),  # later
        ((dt.date(2026, 2, 1), 1), (dt.date(2026, 2, 1), 2), True),  # same day, lower number
        ((dt.date(2026, 2, 1), 3), (dt.date(2026, 2, 1), 2), False),
        ((dt.date(2026, 2, 1), None), (dt.date(2026, 2, 1), 2), False),
        ((None, 1), (dt.date(2026, 2, 1), 2), True),  # undated: numbers decide
        ((None, 5), (dt.date(2026, 2, 1), 2), False),
        ((None, None), (dt.date(2026, 2, 1), 2), False),  # an undated draft is not earlier
        ((dt.date(2026, 9, 1), 9), (None, None), True),  # a new draft: everything is earlier
    ],
)
def test_only_earlier_issues_count(other, this, counts):
    from editor_app.core.ledger import is_before

    assert is_before(*other, *this) is counts


def test_cheap_scan_finds_what_the_link_index_finds():
    from editor_app.core.issue_format import parse_card, serialize_card
    from editor_app.core.ledger_scan import scan_card_text
    from editor_app.core.links import links_of_card

    card = Card(
        id="cscan0001",
        title="A title: with 'quotes' and a # sign",
        source=Source("S", "https://src.example.org/a?utm_source=x"),
        links=[Link("GitHub", "https://github.com/o/p"), Link("none", "")],
        body=(
            "[t](https://a.example.org/x_(y)) and <https://auto.example.org/z>, "
            "https://bare.example.org/q.\n\n![img](https://img.example.org/i.png)\n"
            '<a href="https://html.example.org/h">h</a> <img src="https://img.example.org/j.png">\n'
            "`https://code.example.org/c` [used][ref]\n\n```\nhttps://fence.example.org/f\n```\n\n"
            "[ref]: https://ref.example.org/r\n"
        ),
        further_reading=[FurtherReading("F", "https://further.example.org/f", "s")],
        note="see https://note.example.org/n\nand [x](https://note.example.org/m)",
    )
    text = serialize_card(card)
    exact = parse_card(text, Path("x.md"), card.id)
    expected = sorted(
        (r.url, r.kind)
        for r in links_of_card(exact)
        if r.kind != "image" and r.url.startswith("https:")
    )
    title, found = scan_card_text(text)
    assert title == card.title
    assert sorted(found) == expected


def test_cheap_scan_leaves_out_images_code_and_comments():
    from editor_app.core.ledger_scan import text_urls

    text = (
        "![a][pic] ![b](<https://img.example.org/b c.png>) <!-- https://hidden.example.org -->\n"
        "<IMG alt=x src='https://img.example.org/d.png'> ``https://code.example.org``\n\n"
        "[pic]: https://img.example.org/a.png\n"
        "访问https://cjk.example.org/a了解 (see https://paren.example.org/p)."
    )
    assert text_urls(text) == ["https://cjk.example.org/a", "https://paren.example.org/p"]
