"""Titles for inbox items, read from the pages when the editor asks ("Fetch titles").

A page's ``<title>``, its OpenGraph and Twitter titles, its description and its site name are
read from the ``<head>`` (the fetch stops there). Pages in GBK, Big5, Shift_JIS … are
decoded by the charset their headers or ``<meta>`` declare. Results are cached in
``<library>/.masthead/inbox-meta.json`` by the link's comparison key; a page fetched once is
not fetched again unless the editor asks to refresh.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from editor_app.core.atomic import atomic_write_text
from editor_app.core.errors import InboxError
from editor_app.core.inbox.fetch import PAGE_BYTES, TIMEOUT_S, Cancel, cancelled, fetch
from editor_app.core.inbox.item import MAX_DESCRIPTION, MAX_TITLE, InboxItem
from editor_app.core.storage import STATE_DIR
from editor_app.core.url_normalize import normalize_url

CACHE_FILE = "inbox-meta.json"
CACHE_FORMAT = 1
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Labels that name a subset of a wider encoding: decode with the wider one, as browsers do.
_WIDER = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb_2312-80": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "big5": "big5hkscs", "shift_jis": "cp932", "sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
}  # fmt: skip


@dataclass
class PageMeta:
    url: str
    title: str = ""
    description: str = ""
    site: str = ""
    final_url: str = ""
    charset: str = ""
    error: str = ""  # English text of the failure ("" when the page was read)
    error_key: str = ""  # its catalog key, for a translated message
    error_fields: dict[str, Any] = field(default_factory=dict)
    fetched_at: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageMeta:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str = "") -> tuple[str, str]:
    """The page as text and the encoding used: BOM, then the header's charset, then the
    ``<meta>`` one, then UTF-8, then GB18030 (most undeclared non-UTF-8 pages we meet are
    Chinese), then Windows-1252, which decodes anything."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if body.startswith(bom):
            return body.decode(name, errors="replace").lstrip("\ufeff"), name
    declared = [header_charset]
    found = _META_CHARSET.search(body[:8192])
    if found:
        declared.append(found.group(1).decode("ascii", "replace"))
    for label in declared:
        name = _codec(label) if label else None
        if name and not name.startswith("utf-16"):
            return body.decode(name, errors="replace"), name
    for name in ("utf-8", "gb18030"):
        try:
            return body.decode(name), name
        except UnicodeDecodeError:
            continue
    return body.decode("cp1252", errors="replace"), "cp1252"


class _HeadParser(HTMLParser):
    """Collects the title and the meta tags of the head; stops caring at <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            name = (values.get("property") or values.get("name") or "").strip().lower()
            if name and "content" in values and name not in self.meta:
                self.meta[name] = values["content"]
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.done:
            self.title.append(data)


def _clean(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_metadata(html_text: str) -> tuple[str, str, str]:
    """(title, description, site name) of a page's head; the OpenGraph title wins over the
    ``<title>``, which often carries the site's name after a separator."""
    parser = _HeadParser()
    try:
        parser.feed(html_text)
        parser.close()
    except (AssertionError, ValueError):  # a page HTMLParser gives up on: keep what it got
        pass
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or "".join(parser.title)
    description = (
        meta.get("og:description") or meta.get("description") or meta.get("twitter:description")
    )
    site = meta.get("og:site_name") or meta.get("application-name") or ""
    return _clean(title, MAX_TITLE), _clean(description or "", MAX_DESCRIPTION), _clean(site, 100)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def read_page(url: str, timeout: float = TIMEOUT_S, cancel: Cancel = None) -> PageMeta:
    """Fetch one page's head and read its metadata; failures come back in ``error``."""
    try:
        page = fetch(url, PAGE_BYTES, timeout=timeout, cancel=cancel, stop_after_head=True)
    except InboxError as exc:
        return PageMeta(url, error=exc.message, error_key=exc.key, error_fields=exc.fields,
                        fetched_at=_now())  # fmt: skip
    text, charset = decode_html(page.body, page.charset)
    if page.content_type == "text/plain":
        title, description, site = "", "", ""
    else:
        title, description, site = page_metadata(text)
    return PageMeta(url, title, description, site, page.final_url, charset, fetched_at=_now())


# -- the cache -----------------------------------------------------------------------------------
def cache_path(library: Path | str) -> Path:
    return Path(library) / STATE_DIR / CACHE_FILE


def load_cache(library: Path | str) -> dict[str, PageMeta]:
    """Cached results by comparison key (empty when missing or corrupt: it is only a cache)."""
    try:
        data = json.loads(cache_path(library).read_text("utf-8"))
        if data.get("format") != CACHE_FORMAT:
            return {}
        return {key: PageMeta.from_json(value) for key, value in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_cache(library: Path | str, results: Iterable[PageMeta]) -> None:
    merged = load_cache(library)
    merged.update({normalize_url(r.url): r for r in results})
    payload = {"format": CACHE_FORMAT, "pages": {k: merged[k].to_json() for k in sorted(merged)}}
    atomic_write_text(cache_path(library), json.dumps(payload, ensure_ascii=False, indent=1))


@dataclass
class TitleReport:
    results: dict[str, PageMeta]  # by URL, for the URLs asked
    fetched: int = 0
    from_cache: int = 0
    cancelled: bool = False

    @property
    def failed(self) -> list[PageMeta]:
        return [r for r in self.results.values() if not r.ok]


def fetch_titles(
    urls: Iterable[str],
    library: Path | str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Cancel = None,
    workers: int = 4,
    timeout: float = TIMEOUT_S,
    refresh: bool = False,
) -> TitleReport:
    """Read the metadata of ``urls`` (cached pages are not fetched again unless ``refresh``).

    Plain data in and out, for a worker thread; results are cached in the library.
    """
    order = list(dict.fromkeys(urls))
    cache = load_cache(library) if library is not None and not refresh else {}
    report = TitleReport({})
    todo = []
    for url in order:
        hit = cache.get(normalize_url(url))
        if hit is not None and hit.ok:
            report.results[url] = PageMeta(**{**hit.to_json(), "url": url})
            report.from_cache += 1
        else:
            todo.append(url)
    total, done = len(order), report.from_cache
    if progress:
        progress(done, total)
    fresh: list[PageMeta] = []
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="inbox-titles")
    pending: dict[Future[PageMeta], str] = {}
    try:
        pending = {pool.submit(read_page, url, timeout, cancel): url for url in todo}
        while pending:
            if cancelled(cancel):
                report.cancelled = True
                break
            finished, _ = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
            for future in finished:
                url = pending.pop(future)
                result = future.result()
                if result.error_key == "inbox.cancelled":
                    continue
                report.results[url] = result
                fresh.append(result)
                done += 1
                if progress:
                    progress(done, total)
    finally:
        # Requests in flight look at Cancel between reads and end on their own.
        pool.shutdown(wait=False, cancel_futures=True)
    report.fetched = len(fresh)
    if library is not None and fresh:
        try:
            save_cache(library, fresh)
        except OSError:
            pass  # a read-only library still gets its titles
    return report


def apply_titles(items: Iterable[InboxItem], report: TitleReport) -> list[InboxItem]:
    """The items that gain something from the fetched pages (title only where empty)."""
    changed = []
    for item in items:
        meta = report.results.get(item.url)
        if meta is None or not meta.ok:
            continue
        before = item.to_json()
        if meta.title and (not item.title or item.title == item.url):
            item.title = meta.title
        if meta.description and not item.description:
            item.description = meta.description
        if meta.site and not item.site:
            item.site = meta.site
        if item.to_json() != before:
            changed.append(item)
    return changed
