"""One issue's ledger record: packed links, card files read with one call each, URL keys."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor_app.core.ledger import Ledger
from editor_app.core.ledger_record import (
    Normalized,
    link_count,
    pack_links,
    packed_links_valid,
    read_issue_record,
    record_urls,
    unpack_links,
)
from editor_app.core.model import Card, Issue, Section, Source
from editor_app.core.storage import save_issue
from editor_app.core.url_normalize import normalize_url

# Line breaks and escapes in URLs and card ids, which only hand-written YAML can hold.
parts = st.text(alphabet="ab%0A25\n\\:/", max_size=8)
links = st.lists(st.tuples(parts, parts, st.sampled_from(["source", "inline", "intro"])))


@settings(max_examples=400, deadline=None)
@given(links)
def test_packed_links_read_back_as_written(found: list[tuple[str, str, str]]):
    record = pack_links(found)
    assert json.loads(json.dumps(record)) == record  # JSON strings only
    assert packed_links_valid(record)
    assert unpack_links(record) == found
    assert record_urls(record) == [url for url, _owner, _kind in found]
    assert link_count(record) == len(found)


def test_plain_links_are_not_escaped():
    record = pack_links([("https://a.example.org/%41", "c1", "source"), ("", "s1", "intro")])
    assert record == {
        "urls": "https://a.example.org/%41\n",
        "owners": "c1\ns1",
        "kinds": "source\nintro",
    }


def test_columns_of_different_lengths_are_not_valid():
    assert not packed_links_valid({"urls": "a\nb", "owners": "c", "kinds": "source"})
    assert not packed_links_valid({"urls": "a", "owners": "", "kinds": ""})
    assert not packed_links_valid({"urls": ["a"], "owners": "c", "kinds": "source"})
    assert packed_links_valid({"urls": "", "owners": "", "kinds": ""})


def write_library(library: Path) -> Path:
    card = Card(
        id="crec00001",
        title="T",
        source=Source("S", "https://src.example.org/a"),
        body="see https://body.example.org/b and [x](https://inline.example.org/c)\n",
    )
    issue = Issue(title="One", number=1, date=dt.date(2026, 1, 1), slug="issue-1")
    issue.sections.append(Section(id="sone", title="S", card_ids=[card.id]))
    issue.cards = {card.id: card}
    save_issue(issue, library / "issue-1")
    return library / "issue-1"


def test_a_card_file_is_read_whole_whatever_size_the_signature_saw(tmp_path: Path):
    folder = write_library(tmp_path)
    expected = read_issue_record(folder)
    assert len(unpack_links(expected)) == 3
    raw = (folder / "cards" / "crec00001.md").read_bytes()
    size, cut = len(raw), raw.index(b" and [x]")  # cut: the header whole, the body not
    # Grown, shrunk, emptied or unknown since the signature's stat: the file is read to its end.
    for seen in (0, 1, cut, size - 1, size, size + 1, 10 * size):
        assert read_issue_record(folder, sizes={"crec00001.md": seen}) == expected, seen


def test_a_url_with_a_line_break_is_found_cold_and_warm(tmp_path: Path):
    library = tmp_path / "library"
    folder = write_library(library)
    strange = "https://a.example.org:99999/x\ny%0A"  # no valid port: kept as written
    written = strange.replace("\n", "\\n")  # a YAML escape in a double-quoted value
    (folder / "cards" / "crec00001.md").write_text(
        f'---\ntitle: T\nstatus: draft\nsource:\n  title: S\n  url: "{written}"\n'
        "---\n\nsee https://body.example.org/b\n",
        "utf-8",
    )
    cold = Ledger(library)
    cold.refresh()
    assert [e.card for e in cold.lookup(strange)] == ["crec00001"]
    assert json.loads(cold.cache_path.read_text("utf-8"))["issues"]["issue-1"]["escaped"] is True
    warm = Ledger(library)
    assert warm.refresh().read == 0
    assert [(e.card, e.kind) for e in warm.lookup(strange)] == [("crec00001", "source")]
    assert [e.card for e in warm.lookup("https://body.example.org/b")] == ["crec00001"]


def test_a_cached_record_with_broken_columns_is_read_again(tmp_path: Path):
    library = tmp_path / "library"
    write_library(library)
    ledger = Ledger(library)
    ledger.refresh()
    data = json.loads(ledger.cache_path.read_text("utf-8"))
    data["issues"]["issue-1"]["owners"] = "crec00001"  # one owner for three links
    ledger.cache_path.write_text(json.dumps(data), "utf-8")
    again = Ledger(library)
    assert again.refresh().read == 1
    assert [e.card for e in again.lookup("https://inline.example.org/c")] == ["crec00001"]


url_parts = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://", "ftp://", "", " https://"]),
    st.sampled_from(["", "www.", "WWW.", "www.www."]),
    st.sampled_from(["a.example.org", "A.org", "localhost", "a-b.c0", "例え.jp", "a.org:80", "a.org:8080", "a..b", ".a.b", "www.org"]),
    st.lists(st.sampled_from(["/", "//", "/x", "/x/", "/.", "/./", "/..", "/../", "/.x", "/a.b", "/~-_", "/%41", "/a b", "/中"]), max_size=4).map("".join),
    st.sampled_from(["", "", "", "?", "?utm_source=x", "?a=1", "?utm_a=1&b=2", "#", "#/r", "#x", " ", "\n"]),
).map("".join)  # fmt: skip


# URLs in key form, or one detail away from it.
near_keys = st.tuples(
    st.sampled_from(["https://", "http://"]),
    st.sampled_from(["", "www."]),
    st.sampled_from(["a.example.org", "b-c.org", "A.org", "a.ORG", "localhost", "www.org"]),
    st.lists(st.sampled_from(["/", "//", "/x", "/x/", "/.", "/./", "/..", "/.x", "/a.b", "/~-_"]), max_size=3).map("".join),
    st.sampled_from(["", "", "", "?", "?utm_source=x", "#x"]),
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.one_of(near_keys, url_parts, st.text(max_size=16)))
@example("http://a.org/x")
@example("https://A.org/x")
@example("https://a.org/./x")
@example("https://a.org/x/..")
@example("https://a.org")
@example("https://a.org/")
@example("https://a.org//")
@example("https://www.a.org/x")
def test_url_keys_are_normalize_url(url: str):
    assert Normalized()[url] == normalize_url(url)


def test_a_url_in_key_form_is_its_own_key(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("editor_app.core.ledger_record.normalize_url", None)  # not called
    keys = Normalized()
    for url in ("https://github.com/o/p", "https://a.example.org/", "https://a.org/x.y/z_1~"):
        assert keys[url] is url
