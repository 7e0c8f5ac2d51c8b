"""One inbox item: a link waiting for an issue, with its title, note, tags, date and origin.

An item is one small YAML file, ``<library>/inbox/<id>.yaml``. The id is derived from the
link's comparison key (``url_normalize.normalize_url``), so the same article added twice, by two
people on two branches or twice in one import, lands in the same file instead of becoming a
duplicate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from editor_app.core.errors import InboxError
from editor_app.core.i18n_catalog import MESSAGES
from editor_app.core.url_normalize import normalize_url, strip_tracking
from editor_app.core.yamlio import dump_yaml, load_yaml

INBOX_DIR = "inbox"
ITEM_SUFFIX = ".yaml"
MAX_TITLE = 300  # characters kept of a title (pages put whole sentences in <title>)
MAX_DESCRIPTION = 600
MAX_URL = 4000  # longer "links" are pasted data, not addresses

# A web address in running text: scheme or www., up to whitespace or a character that
# cannot end a pasted link. Trailing punctuation and unbalanced brackets are trimmed after.
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\u3000-\u303f\uff01-\uff0f]+", re.I)
_TRAILING = ".,;:!?*_~'\""
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(\s*<?((?:https?://|www\.)[^\s)>]+)>?\s*\)")
_SEPARATORS = " \t-–—:|·•>*#"
_EMPTY_BRACKETS = re.compile(r"[(\[（【「《<]\s*[)\]）】」》>]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def inbox_error(key: str, path: Path | str | None = None, **fields: Any) -> InboxError:
    """An InboxError with the English text of ``key`` (the catalog translates it later)."""
    return InboxError(MESSAGES[key].format(**fields), path, key, fields)


def now_stamp() -> str:
    """The moment an item is added, in UTC to the second (sorts as text)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _trim(url: str) -> str:
    url = url.rstrip(_TRAILING)
    for opening, closing in ("()", "[]", "{}"):
        while url.endswith(closing) and url.count(closing) > url.count(opening):
            url = url[:-1].rstrip(_TRAILING)
    return url


def tidy_url(text: str) -> str | None:
    """The web address as the inbox keeps it, or None if ``text`` is not one.

    Scheme and host in lower case, the default port and tracking parameters dropped; the
    path, the other parameters and the fragment stay as written (the comparison key of
    ``normalize_url`` goes further and is only used to find duplicates).
    """
    url = _trim(text.strip().strip("<>").strip())
    if not url or len(url) > MAX_URL or any(c.isspace() for c in url):
        return None
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in ("http", "https") or not host:
        return None
    if "." not in host and ":" not in host and host.lower() != "localhost":
        return None  # "https://intranet" or a typo, not a page to feature
    netloc = host.lower()
    if ":" in netloc and not netloc.startswith("["):
        netloc = f"[{netloc}]"  # an IPv6 address, which urlsplit returned without brackets
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    if parts.username or parts.password:
        return None  # credentials in a link are never kept (nor fetched)
    path = parts.path or "/"
    return strip_tracking(urlunsplit((scheme, netloc, path, parts.query, parts.fragment)))


def item_id(url: str) -> str:
    """The id (and file name) of the item for ``url``: the same for every spelling of it."""
    return hashlib.blake2b(normalize_url(url).encode("utf-8"), digest_size=6).hexdigest()


@dataclass
class Candidate:
    """A link found in pasted text or an imported file, before it becomes an item."""

    url: str
    title: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    body: str = ""


def _clean_title(text: str, limit: int = MAX_TITLE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def find_links(text: str) -> list[Candidate]:
    """Every web address in pasted text, in order, once each.

    A Markdown link gives its text as the title; a line holding one address and some text
    ("Kubernetes 1.35 is out — https://…") gives that text as the title.
    """
    found: dict[str, Candidate] = {}
    for line in text.splitlines():
        titled = {m.group(2): m.group(1) for m in _MARKDOWN_LINK.finditer(line)}
        raw = [_trim(m.group(0)) for m in _URL_IN_TEXT.finditer(line)]
        rest = _URL_IN_TEXT.sub(" ", _MARKDOWN_LINK.sub(" ", line))
        rest = _EMPTY_BRACKETS.sub(" ", rest).strip(_SEPARATORS + "()[]<>（）【】「」《》")
        if len(rest) < 6 and not _CJK.search(rest):
            rest = ""  # "see", "via": not a title
        for written in raw:
            url = tidy_url(written)
            if url is None:
                continue
            key = normalize_url(url)
            if key in found:
                continue
            title = titled.get(written, "")
            if not title and len(raw) == 1 and rest and not titled:
                title = rest
            found[key] = Candidate(url, _clean_title(title))
    return list(found.values())


@dataclass
class InboxItem:
    id: str
    url: str
    title: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    added: str = ""  # UTC, ISO 8601 to the second
    origin: str = ""  # paste, file:links.txt, bookmarks:…, opml:…, feed:…, card:<issue>
    description: str = ""  # from the page, when titles were fetched
    site: str = ""
    # The text of a card sent back from an issue, so taking the item again loses nothing.
    body: str = ""

    @property
    def key(self) -> str:
        return normalize_url(self.url)

    @property
    def display_title(self) -> str:
        return self.title or self.url

    @property
    def added_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.added[:10])
        except ValueError:
            return None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "title": self.title, "note": self.note,
            "tags": list(self.tags), "added": self.added, "origin": self.origin,
            "description": self.description, "site": self.site, "body": self.body,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InboxItem:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


def new_item(candidate: Candidate, origin: str, added: str | None = None) -> InboxItem:
    return InboxItem(
        id=item_id(candidate.url),
        url=candidate.url,
        title=_clean_title(candidate.title),
        note=candidate.note.strip(),
        tags=parse_tags(candidate.tags),
        added=added or now_stamp(),
        origin=origin,
        description=_clean_title(candidate.description, MAX_DESCRIPTION),
        body=candidate.body,
    )


# The separators the card editor's tag field takes too, so a list typed in either reads alike.
_TAG_SPLIT = re.compile(r"[,，、;；]")


def parse_tags(values: Any) -> list[str]:
    """Tags from a comma-separated text or a list: trimmed (inner runs of white space made
    one space), duplicates and empty ones dropped, in the order given."""
    if isinstance(values, str):
        values = _TAG_SPLIT.split(values)
    if not isinstance(values, list | tuple):
        return []
    tags = (" ".join(str(v).split()) for v in values if v is not None)
    return list(dict.fromkeys(tag for tag in tags if tag))


def merge_into(item: InboxItem, candidate: Candidate) -> bool:
    """Fold a duplicate into the item already there; True if the item changed.

    Nothing is lost: the title fills an empty one, tags are united, a different note is
    appended, and the first origin and date stay.
    """
    before = item.to_json()
    if candidate.title and not item.title:
        item.title = _clean_title(candidate.title)
    if candidate.description and not item.description:
        item.description = _clean_title(candidate.description, MAX_DESCRIPTION)
    item.tags = parse_tags(item.tags + list(candidate.tags))
    note = candidate.note.strip()
    if note and note not in item.note:
        item.note = f"{item.note}\n\n{note}" if item.note else note
    body = candidate.body.strip()
    if body and body not in item.body:
        item.body = f"{item.body.rstrip()}\n\n{body}" if item.body.strip() else body
    return item.to_json() != before


def serialize_item(item: InboxItem) -> str:
    data: dict[str, Any] = {"url": item.url, "title": item.title}
    if item.note:
        data["note"] = item.note
    if item.tags:
        data["tags"] = list(item.tags)
    data["added"] = item.added
    data["origin"] = item.origin
    if item.description:
        data["description"] = item.description
    if item.site:
        data["site"] = item.site
    if item.body:
        data["body"] = item.body
    return dump_yaml(data)


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value) if isinstance(value, str | int | float) else ""


def parse_item(text: str, path: Path, data: Any = None) -> InboxItem:
    """Read one item file (``data``: its YAML, already loaded); InboxError if it is not one."""
    if data is None:
        try:
            data = load_yaml(text, path)
        except Exception as exc:  # noqa: BLE001 - any YAML fault (a merge conflict left in it)
            reason = getattr(exc, "message", None) or str(exc).splitlines()[0]
            raise inbox_error(
                "inbox.unreadable-item", path, name=path.name, reason=reason
            ) from None
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise inbox_error(
            "inbox.unreadable-item", path, name=path.name, reason="no url: field"
        ) from None
    url = tidy_url(data["url"]) or data["url"].strip()
    return InboxItem(
        id=path.stem,
        url=url,
        title=_text(data, "title"),
        note=_text(data, "note"),
        tags=parse_tags(data.get("tags")),
        added=_text(data, "added"),
        origin=_text(data, "origin"),
        description=_text(data, "description"),
        site=_text(data, "site"),
        body=_text(data, "body"),
    )
