"""Where inbox links come from: pasted text, a text file of URLs, a browser's bookmarks
export (Netscape HTML), an OPML file, or an RSS/Atom feed (feedparser, from bytes only).

Every reader takes bytes already read under a size cap and returns candidates; nothing here
touches the network (a feed URL is fetched by ``fetch.fetch_feed`` when the editor asks).
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from editor_app.core.inbox.item import Candidate, find_links, inbox_error, tidy_url

# An import file is read whole: bookmarks exports of years of browsing stay under a few MB.
MAX_IMPORT_BYTES = 16 * 1024 * 1024
FORMATS = ("auto", "text", "bookmarks", "opml", "feed")
_MB = 1024 * 1024
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class ImportBatch:
    format: str  # text | bookmarks | opml | feed
    origin: str  # what the items will say they came from
    candidates: list[Candidate] = field(default_factory=list)
    title: str = ""  # a feed's or OPML file's own title


def megabytes(size: int) -> str:
    return f"{size / _MB:.1f}"


def read_capped(path: Path | str, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of an import file, or InboxError when it is larger than ``limit``.

    The size is checked before reading, and the read itself stops at ``limit`` (a file that
    grows meanwhile, or a device that reports no size, cannot make us read more).
    """
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise inbox_error(
                "inbox.file-too-large", path, name=path.name, size=megabytes(size),
                limit=megabytes(limit),
            )  # fmt: skip
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise inbox_error("inbox.file-unreadable", path, name=path.name, reason=reason) from None
    if len(data) > limit:
        raise inbox_error(
            "inbox.file-too-large", path, name=path.name, size=f"> {megabytes(limit)}",
            limit=megabytes(limit),
        )  # fmt: skip
    return data


def detect_format(data: bytes, name: str = "") -> str:
    """text, bookmarks, opml or feed, from the first bytes (and the name as a hint)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"netscape-bookmark-file" in head:
        return "bookmarks"
    if b"<opml" in head or name.lower().endswith(".opml"):
        return "opml"
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if name.lower().endswith((".rss", ".atom")):
        return "feed"
    if name.lower().endswith((".html", ".htm")) and b"<a " in data[:_MB].lower():
        return "bookmarks"  # an HTML export without the Netscape doctype
    return "text"


def decode_text(data: bytes) -> str:
    """A text file in UTF-8 (with or without BOM), UTF-16, or GB18030 as a last resort."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def parse_text(data: bytes | str, name: str = "") -> ImportBatch:
    text = data if isinstance(data, str) else decode_text(data)
    return ImportBatch("text", f"file:{name}" if name else "paste", find_links(text))


class _BookmarkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Candidate] = []
        self._current: Candidate | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            values = {k.lower(): v or "" for k, v in attrs}
            url = tidy_url(values.get("href", ""))
            self._finish()
            if url:
                tags = [t for t in re.split(r"[,，]", values.get("tags", "")) if t.strip()]
                self._current = Candidate(url, tags=tags)
                self._text = []
        elif tag == "dd" and self.found and self._current is None:
            self._text = []  # a bookmark's description follows it in a <DD>

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._finish()

    def _finish(self) -> None:
        if self._current is not None:
            self._current.title = " ".join("".join(self._text).split())
            self.found.append(self._current)
        self._current, self._text = None, []


def parse_bookmarks(data: bytes, name: str = "") -> ImportBatch:
    """A browser's bookmarks export: every http(s) bookmark with its title and tags."""
    parser = _BookmarkParser()
    parser.feed(decode_text(data))
    parser.close()
    parser._finish()  # noqa: SLF001 - an <A> the file never closed
    return ImportBatch("bookmarks", f"bookmarks:{name}" if name else "bookmarks", parser.found)


def parse_opml(data: bytes, name: str = "") -> ImportBatch:
    """Outlines with a link (htmlUrl, url or xmlUrl); their text is the title."""
    if b"<!entity" in data[: 64 * 1024].lower():
        raise inbox_error("inbox.opml-entities", name or None)
    try:
        root = ET.fromstring(data)  # noqa: S314 - no entities (refused above), no DTD fetch
    except ET.ParseError as exc:
        raise inbox_error("inbox.bad-opml", name or None, reason=str(exc)) from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise inbox_error("inbox.bad-opml", name or None, reason="no <opml> with a <body>")
    head_title = (root.findtext("head/title") or "").strip()
    found: list[Candidate] = []
    for outline in root.iter("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        raw = attrs.get("htmlurl") or attrs.get("url") or attrs.get("xmlurl") or ""
        url = tidy_url(raw)
        if url is None:
            continue
        title = attrs.get("title") or attrs.get("text") or ""
        tags = [t.strip().strip("/") for t in attrs.get("category", "").split(",") if t.strip()]
        note = attrs.get("description", "")
        found.append(Candidate(url, title, tags=[t for t in tags if t], description=note))
    origin = f"opml:{name}" if name else "opml"
    return ImportBatch("opml", origin, found, head_title)


def _plain(html_text: str) -> str:
    return " ".join(_TAGS.sub(" ", html_text).split())


def parse_feed(data: bytes, name: str = "", base_url: str = "") -> ImportBatch:
    """An RSS or Atom document: each entry's link, title and summary.

    feedparser reads a stream here, never a URL or a path: given a string it would fetch
    or open it on its own terms.
    """
    import feedparser  # a few hundred ms to import: only when a feed is read

    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = str(parsed.get("bozo_exception") or "no entries")
        raise inbox_error("inbox.bad-feed", name or base_url or None, reason=reason)
    found: list[Candidate] = []
    for entry in entries:
        url = tidy_url(entry.get("link") or "")
        if url is None:
            continue
        tags = [t.get("term", "") for t in entry.get("tags") or [] if t.get("term")]
        summary = _plain(entry.get("summary") or "")
        found.append(
            Candidate(url, _plain(entry.get("title") or ""), tags=tags[:5], description=summary)
        )
    feed_title = _plain((parsed.get("feed") or {}).get("title") or "")
    origin = f"feed:{base_url or name or feed_title}"
    return ImportBatch("feed", origin, found, feed_title)


def parse_import(data: bytes, name: str = "", fmt: str = "auto", base_url: str = "") -> ImportBatch:
    """Candidates from the bytes of an import (``fmt`` auto-detected unless given)."""
    if fmt == "auto":
        fmt = detect_format(data, name)
    if fmt == "bookmarks":
        batch = parse_bookmarks(data, name)
    elif fmt == "opml":
        batch = parse_opml(data, name)
    elif fmt == "feed":
        batch = parse_feed(data, name, base_url)
    else:
        batch = parse_text(data, name)
    if not batch.candidates:
        raise inbox_error("inbox.no-links", name or None, name=name or base_url or "the text")
    return batch


def read_import(path: Path | str, fmt: str = "auto") -> ImportBatch:
    """Candidates from an import file on disk, read under the size cap."""
    path = Path(path)
    return parse_import(read_capped(path), path.name, fmt)
