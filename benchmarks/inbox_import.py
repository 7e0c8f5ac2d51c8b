"""Benchmark of the link inbox's imports: parse, add (capped), list, fetch caps.

Run: .venv/bin/python benchmarks/inbox_import.py [--entries 10000] [--bookmarks 5000]
Everything is local: a generated RSS feed and bookmarks file, and a local http.server for
the 1 GB answer. Prints figures; asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.inbox.fetch import fetch  # noqa: E402
from editor_app.core.inbox.sources import parse_import  # noqa: E402
from editor_app.core.inbox.store import Inbox  # noqa: E402
from tests.core.inbox.pages import feed_xml, serving  # noqa: E402


def bookmarks_html(n: int) -> bytes:
    rows = "".join(
        f'<DT><A HREF="https://site{i % 400}.example.org/post/{i}" TAGS="t{i % 7}">Post {i}</A>\n'
        for i in range(n)
    )
    return f"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n{rows}</DL><p>\n".encode()


def timed(label: str, fn):  # noqa: ANN001, ANN201
    started = time.perf_counter()
    result = fn()
    print(f"{label:<46} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--bookmarks", type=int, default=5_000)
    args = parser.parse_args()
    feed = feed_xml(args.entries)
    marks = bookmarks_html(args.bookmarks)
    print(f"feed: {args.entries} entries, {len(feed) / 1e6:.1f} MB; "
          f"bookmarks: {args.bookmarks}, {len(marks) / 1e6:.1f} MB")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Inbox(Path(tmp))
        batch = timed("parse the feed (feedparser)", lambda: parse_import(feed, "big.rss"))
        report = timed("add to an empty inbox (capped)", lambda: inbox.add(batch.candidates, "x"))
        print(f"  {len(report.added)} added, capped={report.capped}")
        listing = timed("list the inbox", inbox.load)
        print(f"  {len(listing.items)} items")
        again = timed("add the feed again (the next 1,000 entries)",
                      lambda: inbox.add(batch.candidates, "x"))  # fmt: skip
        print(f"  {len(again.added)} added, {again.merged_count} duplicates")
        bm = timed("parse the bookmarks file", lambda: parse_import(marks, "b.html"))
        timed("add the bookmarks (capped)", lambda: inbox.add(bm.candidates, "b"))
    with serving() as base:
        page = timed("fetch a page answering 1 GB of HTML", lambda: fetch(
            base + "/gigabyte-html", stop_after_head=True))  # fmt: skip
        print(f"  read {len(page.body) / 1e6:.1f} MB, truncated={page.truncated}")


if __name__ == "__main__":
    main()
