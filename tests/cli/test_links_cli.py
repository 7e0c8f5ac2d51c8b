"""masthead links ISSUE [--archive LIBRARY] [--check] [--json], and check --archive."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.core.linkcheck import load_cache
from editor_app.core.model import Link, Source
from editor_app.core.outline import add_card
from editor_app.core.storage import load_issue, save_issue
from editor_app.core.template import new_issue

REPEATED = "https://kubernetes.example.org/blog/2026/release"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_HEAD(self) -> None:  # noqa: N802 - http.server API
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD  # noqa: N815


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def make(library: Path, slug: str, date: dt.date, source: str, body: str = "") -> Path:
    issue = new_issue(library, f"Issue {slug}", slug=slug, date=date)
    card = issue.ordered_cards()[0]
    card.title = f"卡片 {slug}"
    card.source = Source("原文", source)
    card.links = [Link("GitHub", "https://github.com/example/tool")]
    card.body = body
    extra = add_card(issue, issue.sections[1].id, "第二张")
    extra.body = "[重复的](https://dup.example.org/a) 和 https://dup.example.org/a/?utm_source=x"
    save_issue(issue)
    return issue.folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "library"
    make(lib, "issue-1", dt.date(2026, 1, 31), REPEATED + "?utm_source=rss")
    make(
        lib, "issue-2", dt.date(2026, 2, 28), "https://new.example.org/post", f"又见 <{REPEATED}/>"
    )
    return lib


def test_table_lists_every_link(library, capsys):
    assert main(["links", str(library / "issue-2")]) == 0
    out = capsys.readouterr().out
    header, *rows, summary = out.strip().splitlines()
    assert header.split()[:3] == ["CARD", "KIND", "TEXT"] and header.endswith("URL")
    assert any("source" in r and "https://new.example.org/post" in r for r in rows)
    assert any("link" in r and "https://github.com/example/tool" in r for r in rows)
    assert sum("(duplicate)" in r for r in rows) == 2
    assert summary.startswith(f"{len(rows)} links, 2 duplicates")


def test_json_with_archive_marks_featured_before(library, capsys):
    assert main(["links", str(library / "issue-2"), "--archive", str(library), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["issue"] == "issue-2"
    by_url = {row["url"]: row for row in data["links"]}
    featured = by_url[f"{REPEATED}/"]["featured_before"]
    assert [(f["issue"], f["kind"], f["date"]) for f in featured] == [
        ("issue-1", "source", "2026-01-31")
    ]
    assert by_url[f"{REPEATED}/"]["form"] == "autolink"
    assert by_url["https://new.example.org/post"]["featured_before"] == []
    row = by_url["https://github.com/example/tool"]
    assert row["kind"] == "link" and row["featured_before"][0]["issue"] == "issue-1"
    assert set(row) >= {"card", "number", "card_title", "kind", "text", "url", "duplicate"}
    assert (library / ".masthead" / "ledger.json").is_file()


def test_check_archive_reports_featured_before(library, capsys):
    assert main(["check", str(library / "issue-2"), "--archive", str(library), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    featured = [p for p in problems if p["code"] == "featured-before"]
    assert len(featured) >= 2 and all("issue-1" in p["message"] for p in featured)
    assert any(REPEATED in p["message"] for p in featured)


def test_check_asks_the_local_server_only_when_told(tmp_path, server, capsys):
    # Only 127.0.0.1 links here: tests never reach the real network.
    folder = new_issue(tmp_path / "lib", "Only local", slug="local").folder
    issue = load_issue(folder)
    card = issue.ordered_cards()[0]
    card.source = Source("ok", f"{server}/ok")
    save_issue(issue)
    assert main(["links", str(folder), "--check"]) == 0
    out = capsys.readouterr().out
    assert "200" in out and "0 broken" in out
    assert load_cache(folder)[f"{server}/ok"].status == 200
    card.body = f"[坏的]({server}/gone)"
    save_issue(issue)
    assert main(["links", str(folder), "--check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    by_url = {row["url"]: row for row in data["links"]}
    assert by_url[f"{server}/gone"]["status"]["status"] == 404
    assert by_url[f"{server}/ok"]["status"]["state"] == "ok"
    assert data["check"] == {"offline": False, "cancelled": False, "message": "", "broken": 1}


def test_check_without_network_says_so_and_exits_1(tmp_path, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = new_issue(tmp_path / "lib", "Offline", slug="offline").folder
    issue = load_issue(folder)
    card = issue.ordered_cards()[0]
    card.source = Source("a", f"http://127.0.0.1:{port}/a")
    card.body = "\n".join(f"[{n}](http://127.0.0.{n}:{port}/p)" for n in range(2, 6))
    save_issue(issue)
    assert main(["links", str(folder), "--check", "--timeout", "2"]) == 1
    assert "no network" in capsys.readouterr().err


def test_no_network_without_check(library, monkeypatch, capsys):
    def forbidden(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    assert main(["links", str(library / "issue-2"), "--archive", str(library)]) == 0
    assert "featured before" in capsys.readouterr().out


def test_bad_archive_is_a_usage_error(library, tmp_path, capsys):
    assert main(["links", str(library / "issue-1"), "--archive", str(tmp_path / "none")]) == 2
    assert "none" in capsys.readouterr().err
