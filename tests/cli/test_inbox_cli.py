"""masthead inbox add|list|import|take|titles|remove."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.core.inbox.store import Inbox
from editor_app.core.storage import load_issue
from editor_app.core.template import new_issue
from tests.core.inbox.pages import serving

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inbox"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    library = tmp_path / "lib"
    new_issue(library, "Monthly 2026-09", slug="2026-09", date=dt.date(2026, 9, 30))
    return library


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_add_merges_and_lists(library: Path, capsys) -> None:
    assert main(["inbox", "add", str(library), "https://example.org/a?utm_source=x",
                 "--tag", "k8s", "--title", "A title", "--json"]) == 0  # fmt: skip
    added = _json(capsys)["added"]
    assert [i["url"] for i in added] == ["https://example.org/a"]
    assert main(["inbox", "add", str(library), "see http://www.example.org/a/", "--json"]) == 0
    assert _json(capsys)["merged"][0]["id"] == added[0]["id"]
    assert main(["inbox", "list", str(library), "--json"]) == 0
    items = _json(capsys)["items"]
    assert len(items) == 1 and items[0]["title"] == "A title" and items[0]["tags"] == ["k8s"]
    assert main(["inbox", "add", str(library), "no links here"]) == 1


def test_add_reads_standard_input(library: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("https://a.example.org/\nhttps://b.example.org/\n")
    )
    assert main(["inbox", "add", str(library), "-"]) == 0
    assert "2 added, 0 merged" in capsys.readouterr().out


def test_import_files_and_bad_input(library: Path, tmp_path: Path, capsys) -> None:
    assert main(["inbox", "import", str(library), str(FIXTURES / "bookmarks.html")]) == 0
    assert "2 added, 1 merged" in capsys.readouterr().out
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline text='x'")
    assert main(["inbox", "import", str(library), str(bad)]) == 2
    assert "not a readable OPML file" in capsys.readouterr().err
    big = tmp_path / "bookmarks-50mb.html"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["inbox", "import", str(library), str(big)]) == 2
    err = capsys.readouterr().err
    assert "bookmarks-50mb.html is 50.0 MB" in err and "at most 16.0 MB" in err
    assert len(Inbox(library).load().items) == 2


def test_errors_in_chinese(library: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml>")
    assert main(["inbox", "import", str(library), str(bad)]) == 2
    assert "不是可读的 OPML 文件" in capsys.readouterr().err


def test_import_a_feed_url_and_fetch_titles(library: Path, capsys) -> None:
    with serving() as base:
        assert main(["inbox", "import", str(library), base + "/feed/12000", "--json"]) == 0
        report = _json(capsys)
        assert len(report["added"]) == 1000 and report["capped"]
        shutil.rmtree(library / "inbox")
        assert main(["inbox", "add", str(library), base + "/page", base + "/binary"]) == 0
        capsys.readouterr()
        assert main(["inbox", "titles", str(library)]) == 0
        out = capsys.readouterr()
        assert "The OpenGraph title" in out.out and "not a web page (image/png)" in out.err
    titles = {i.url.rsplit("/", 1)[1]: i.title for i in Inbox(library).load().items}
    assert titles == {"page": "The OpenGraph title", "binary": ""}


def test_take_makes_a_card_and_empties_the_item(library: Path, capsys) -> None:
    main(["inbox", "add", str(library), "Gateway API 1.4 https://example.org/gw", "--json"])
    item = _json(capsys)["added"][0]
    issue = library / "2026-09"
    assert main(["inbox", "take", str(library), item["id"][:6], "--issue", str(issue)]) == 0
    assert "became card" in capsys.readouterr().out
    cards = [c for c in load_issue(issue).cards.values() if c.source]
    assert [(c.title, c.source.url) for c in cards] == [
        ("Gateway API 1.4", "https://example.org/gw")
    ]
    assert Inbox(library).load().items == []
    assert main(["inbox", "take", str(library), "nope", "--issue", str(issue)]) == 2
    assert "no inbox item nope" in capsys.readouterr().err


def test_remove(library: Path, capsys) -> None:
    main(["inbox", "add", str(library), "https://example.org/x", "--json"])
    item = _json(capsys)["added"][0]
    assert main(["inbox", "remove", str(library), item["id"]]) == 0
    assert Inbox(library).load().items == []


def test_edit_sets_title_note_and_tags(library: Path, capsys, monkeypatch) -> None:
    main(["inbox", "add", str(library), "https://example.org/rollouts", "--tag", "old", "--json"])
    item = _json(capsys)["added"][0]
    args = ["inbox", "edit", str(library), item["id"][:5]]
    assert main([*args, "--title", "Safer rollouts", "--tags", " ops, canary ,ops,"]) == 0
    assert f"{item['id']} updated" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("Read before the\nrelease meeting.\n"))
    assert main([*args, "--note", "-", "--json"]) == 0
    edited = _json(capsys)
    assert edited["changed"] and edited["note"] == "Read before the\nrelease meeting."
    stored = Inbox(library).get(item["id"])
    assert (stored.title, stored.tags) == ("Safer rollouts", ["ops", "canary"])
    assert main([*args, "--title", "Safer rollouts"]) == 0
    assert "unchanged" in capsys.readouterr().out
    assert main([*args, "--tags", ""]) == 0 and Inbox(library).get(item["id"]).tags == []


def test_edit_refuses_bad_input(library: Path, capsys) -> None:
    main(["inbox", "add", str(library), "https://example.org/rollouts", "--json"])
    item = _json(capsys)["added"][0]
    assert main(["inbox", "edit", str(library), item["id"]]) == 2
    assert "--title, --note or --tags" in capsys.readouterr().err
    assert main(["inbox", "edit", str(library), "nope", "--title", "x"]) == 2
    assert "no inbox item nope" in capsys.readouterr().err
    assert main(["inbox", "edit", str(library), item["id"], "--title", "t" * 301]) == 2
    assert "at most 300 characters" in capsys.readouterr().err
    assert Inbox(library).get(item["id"]).title == ""
