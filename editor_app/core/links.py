"""The link index of an issue: every URL with its card, kind and position, and rewriting it.

Kinds: ``source`` (the card's original article), ``link`` (project links),
``inline`` (links written in the body or the editor's note, in any Markdown form or raw HTML),
``further`` (further reading) and ``image``. ``form`` says how a body link is written
(inline, reference, autolink, bare; ``field`` for the structured fields).

Rewrites are pure: ``replace_link`` returns a FieldEdit (old and new value of one card
field) that the caller applies with ``apply_edit`` and can revert the same way (undo).
"""

from __future__ import annotations

import copy
import html
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from editor_app.core.errors import MastheadError
from editor_app.core.linkscan import (
    AUTOLINK,
    BARE,
    HTML,
    INLINE,
    REFERENCE,
    BodyLink,
    scan_markdown,
)
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source

LINK_KINDS = ("source", "link", "inline", "further", "image")
FIELD = "field"  # form of links held in structured fields (source, links, further reading)
TEXT_FIELDS = ("body", "note")  # Markdown fields scanned for links
INTRO_FIELD = "intro"  # a section's intro (Markdown too); its links belong to the section

# Query parameters that only track where a click came from.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs", "mtm_", "matomo_")
_TRACKING_PARAMS = {
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "igshid", "mkt_tok", "ref_src", "ref_url", "spm", "from",
    "share_token", "si", "_ga", "_gl", "vero_id", "vero_conv", "oly_enc_id", "oly_anon_id",
    "wt_mc", "wt.mc_id", "cmpid", "srsltid", "scm", "share_source", "share_medium",
}  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_SIMPLE_WEB_URL = re.compile(
    r"https?://(?:www\.)?((?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+)(/[A-Za-z0-9_~./-]*)?(?:\?([A-Za-z0-9_.=&-]*))?\Z"
)


class LinkEditError(MastheadError):
    """A link could not be rewritten (the card changed, or the new value is unusable)."""

    code = "link-edit"


@dataclass(frozen=True)
class LinkRef:
    card: str
    url: str
    text: str
    kind: str  # one of LINK_KINDS
    index: int = 0  # position among links of this kind in the card (field index or body order)
    line: int | None = None  # 1-based line in the Markdown field (body/note links and images)
    form: str = FIELD  # FIELD, or as written in Markdown: inline|reference|autolink|bare|html
    field: str = ""  # source | links | further_reading | body | note
    column: int | None = None  # 1-based column of the construct's start
    start: int | None = None  # span of the URL in the field text (reference: its definition)
    end: int | None = None
    text_start: int | None = None  # span of the link text / alt inside its brackets
    text_end: int | None = None
    span_start: int | None = None  # the whole construct, "[" (or "![" or "<") to its end
    span_end: int | None = None
    label: str = ""  # reference label (reference form only)
    # Owner when the link is written in a section intro: then ``card`` is "" and ``field``
    # is "intro". Such links are indexed and checked but not rewritten by the card edits.
    section: str = ""

    def to_json(self) -> dict:
        data = {"card": self.card or None, "url": self.url, "text": self.text, "kind": self.kind}
        if self.section:
            data["section"] = self.section
        return data


# -- normalisation ---------------------------------------------------------------------------
def is_tracking_param(name: str) -> bool:
    lowered = unquote(name).lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters; every other byte is kept as written."""
    head, sep, rest = url.partition("?")
    if not sep:
        return url
    query, hash_sep, fragment = rest.partition("#")
    kept = [p for p in query.split("&") if p and not is_tracking_param(p.split("=", 1)[0])]
    if len(kept) == len([p for p in query.split("&") if p]):
        return url
    return head + ("?" + "&".join(kept) if kept else "") + hash_sep + fragment


def _fix_percent(part: str, safe: str) -> str:
    """Upper-case escapes, decode unreserved ones, encode what must be encoded."""

    def one(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    return quote(_PERCENT.sub(one, part), safe=safe + "%")


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    trailing = path.endswith(("/", "/.", "/.."))
    out = posixpath.normpath(path)
    out = "/" + out.lstrip("/") if path.startswith("/") else out
    return out + "/" if trailing and not out.endswith("/") else out


def normalize_url(url: str) -> str:
    """A comparison key: the same article behind cosmetic differences maps to one string.

    Scheme (http and https count as one), host case, ``www.``, default ports, percent-escape
    case, dot segments, trailing slash, tracking parameters, query order and the fragment
    (kept only for ``#/route`` and ``#!route`` single-page links) are ignored.
    """
    url = url.strip()
    simple = _SIMPLE_WEB_URL.match(url)
    if simple and "/." not in url:
        # The common case (lower-case host, plain path, no query but tracking parameters):
        # the same key as below, ten times faster.
        host, path, query = simple.group(1), simple.group(2) or "/", simple.group(3)
        if not query or all(is_tracking_param(p.split("=", 1)[0]) for p in query.split("&")):
            return f"https://{host}{path.rstrip('/') or '/'}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        return url.lower() if scheme == "mailto" else url
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        pass
    if host.startswith("www."):
        host = host[4:]
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme), 80, 443) else f"{host}:{port}"
    path = _remove_dot_segments(_fix_percent(parts.path, "/:@!$&'()*+,;=")) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    pairs = [p for p in parts.query.split("&") if p]
    query = "&".join(
        sorted(
            _fix_percent(p.replace("+", "%20"), "=:@!$'()*,;/?")
            for p in pairs
            if not is_tracking_param(p.split("=", 1)[0])
        )
    )
    fragment = parts.fragment if parts.fragment.startswith(("/", "!")) else ""
    return urlunsplit(("https", netloc, path, query, fragment))


# -- the index -------------------------------------------------------------------------------
def _body_ref(card_id: str, field_name: str, found: BodyLink, index: int) -> LinkRef:
    return LinkRef(
        card=card_id,
        url=found.url,
        text=found.text,
        kind="image" if found.image else "inline",
        index=index,
        line=found.line,
        form=found.form,
        field=field_name,
        column=found.column,
        start=found.url_start,
        end=found.url_end,
        text_start=found.text_start,
        text_end=found.text_end,
        span_start=found.span_start,
        span_end=found.span_end,
        label=found.label,
    )


def text_links(card_id: str, field_name: str, text: str, counters: dict[str, int]) -> list[LinkRef]:
    """Links and images written in one Markdown field; ``counters`` numbers them per kind."""
    out = []
    for found in scan_markdown(text):
        if not found.image and found.url.startswith("#"):
            continue  # in-page anchors (footnotes, headings) are not links to check
        kind = "image" if found.image else "inline"
        out.append(_body_ref(card_id, field_name, found, counters[kind]))
        counters[kind] += 1
    return out


def section_links(section: Section) -> list[LinkRef]:
    """Links and images written in a section's intro, owned by the section (``card`` "")."""
    if not section.intro:
        return []
    refs = text_links("", INTRO_FIELD, section.intro, defaultdict(int))
    return [replace(ref, section=section.id) for ref in refs]


def links_of_card(card: Card) -> list[LinkRef]:
    """Every link of one card: source, project links, body, further reading, note."""
    out: list[LinkRef] = []
    if card.source and card.source.url:
        out.append(LinkRef(card.id, card.source.url, card.source.title, "source", field="source"))
    for i, link in enumerate(card.links):
        out.append(LinkRef(card.id, link.url, link.label, "link", i, field="links"))
    counters: dict[str, int] = defaultdict(int)
    out.extend(text_links(card.id, "body", card.body, counters))
    for i, fr in enumerate(card.further_reading):
        out.append(LinkRef(card.id, fr.url, fr.title, "further", i, field="further_reading"))
    out.extend(text_links(card.id, "note", card.note, counters))
    return out


def card_links(issue: Issue, card_id: str) -> list[LinkRef]:
    return links_of_card(issue.cards[card_id])


def issue_links(issue: Issue, intros: bool = True) -> list[LinkRef]:
    """Every link of the issue in page order: each section's intro, then its cards."""
    out: list[LinkRef] = []
    by_section: dict[str, list[Card]] = defaultdict(list)
    for section, card, _depth in issue.iter_cards():
        by_section[section.id].append(card)
    for section in issue.sections:
        if intros:
            out.extend(section_links(section))
        for card in by_section.get(section.id, ()):
            if not card.unreadable:
                out.extend(links_of_card(card))
    return out


def find_duplicates(refs: Iterable[LinkRef]) -> dict[str, list[LinkRef]]:
    """Normalised URL -> its links, for every URL written more than once (images excluded)."""
    groups: dict[str, list[LinkRef]] = defaultdict(list)
    for ref in refs:
        if ref.kind != "image" and urlsplit(ref.url).scheme in {"http", "https"}:
            groups[normalize_url(ref.url)].append(ref)
    return {key: refs for key, refs in groups.items() if len(refs) > 1}


# -- rewriting -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldEdit:
    """One card field before and after an edit; apply ``new`` to redo, ``old`` to undo."""

    card: str
    field: str  # source | links | further_reading | body | note
    old: Any = None
    new: Any = None

    @property
    def changed(self) -> bool:
        return self.old != self.new


def field_value(card: Card, name: str) -> Any:
    if name not in {"source", "links", "further_reading", *TEXT_FIELDS}:
        raise ValueError(f"not a link field: {name}")
    return copy.deepcopy(getattr(card, name))


def apply_edit(target: Issue | Card, edit: FieldEdit, undo: bool = False) -> Card:
    """Set the edited field on the card (``undo``: back to the old value); return the card."""
    card = target.cards[edit.card] if isinstance(target, Issue) else target
    setattr(card, edit.field, copy.deepcopy(edit.old if undo else edit.new))
    return card


def apply_edits(target: Issue, edits: Iterable[FieldEdit], undo: bool = False) -> list[str]:
    """Apply several edits (in reverse order for undo); return the changed card ids."""
    edits = list(edits)
    changed: dict[str, None] = {}
    for edit in reversed(edits) if undo else edits:
        apply_edit(target, edit, undo)
        changed[edit.card] = None
    return list(changed)


def _check_value(value: str, what: str) -> str:
    if "\n" in value or "\r" in value:
        raise LinkEditError(f"the new {what} must be on one line")
    return value


def escape_link_text(text: str) -> str:
    """Link text or alt text safe inside ``[...]``."""
    return re.sub(r"(?<!\\)([\[\]])", r"\\\1", text)


def markdown_destination(url: str) -> str:
    """A URL as an inline link destination: wrapped in <> when it holds spaces or parens."""
    url = url.strip()
    if not url:
        return "<>"
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _relocate(card: Card, ref: LinkRef) -> LinkRef:
    """The same link in the card's current text, or LinkEditError if it is gone."""
    text = getattr(card, ref.field)
    if ref.start is not None and ref.form != HTML and text[ref.start : ref.end] == ref.url:
        return ref
    candidates = [
        r
        for r in text_links(card.id, ref.field, text, defaultdict(int))
        if r.url == ref.url and r.form == ref.form and r.kind == ref.kind
    ]
    if not candidates:
        raise LinkEditError(f"the link {ref.url} is no longer in the card", None)
    return min(candidates, key=lambda r: abs((r.start or 0) - (ref.start or 0)))


def _rewrite_text(text: str, ref: LinkRef, new_url: str | None, new_text: str | None) -> str:
    edits: list[tuple[int, int, str]] = []
    url = ref.url if new_url is None else new_url
    assert ref.start is not None and ref.end is not None and ref.span_start is not None
    wrapped = text[ref.start - 1 : ref.start] == "<" and text[ref.end : ref.end + 1] == ">"
    text_changes = new_text is not None and new_text != ref.text
    if ref.form == HTML:
        return _rewrite_html(text, ref, new_url, new_text if text_changes else None)
    if ref.form in (AUTOLINK, BARE):
        if text_changes:
            replacement = f"[{escape_link_text(new_text or url)}]({markdown_destination(url)})"
            edits.append((ref.span_start, ref.span_end or ref.end, replacement))
        elif new_url is not None:
            if ref.form == BARE and re.search(r"\s", url):
                raise LinkEditError("a bare URL cannot hold spaces")
            edits.append((ref.start, ref.end, url.replace(">", "%3E") if wrapped else url))
        return _splice(text, edits)
    if new_url is not None and new_url != ref.url:
        if wrapped:
            edits.append((ref.start, ref.end, new_url.replace("<", "%3C").replace(">", "%3E")))
        else:
            dest = markdown_destination(new_url)
            if ref.form == REFERENCE and dest.startswith("<") and not new_url.strip():
                raise LinkEditError("a reference definition needs a URL")
            edits.append((ref.start, ref.end, dest))
    if text_changes:
        assert ref.text_start is not None and ref.text_end is not None
        escaped = escape_link_text(new_text or "")
        explicit_label = ref.form == REFERENCE and text[ref.text_end : ref.text_end + 2] == "]["
        explicit_label = explicit_label and text[ref.text_end + 2 : ref.text_end + 3] != "]"
        if ref.form == REFERENCE and not explicit_label:
            # [label] and [label][]: the text is the label; keep the label, change the text.
            prefix = "![" if text[ref.span_start] == "!" else "["
            edits.append((ref.span_start, ref.span_end or 0, f"{prefix}{escaped}][{ref.label}]"))
        else:
            edits.append((ref.text_start, ref.text_end, escaped))
    return _splice(text, edits)


def _rewrite_html(text: str, ref: LinkRef, new_url: str | None, new_text: str | None) -> str:
    assert ref.start is not None and ref.end is not None and ref.span_start is not None
    assert ref.text_start is not None and ref.text_end is not None

    def attribute_value(start: int, value: str) -> str:
        quoted = text[start - 1 : start] in ('"', "'")
        escaped = html.escape(value, quote=True)
        return escaped if quoted else f'"{escaped}"'

    edits: list[tuple[int, int, str]] = []
    if new_url is not None and new_url != ref.url:
        edits.append((ref.start, ref.end, attribute_value(ref.start, new_url)))
    if new_text is not None:
        if ref.kind == "image" and ref.text_start == ref.span_start + 4:
            edits.append((ref.text_start, ref.text_end, f' alt="{html.escape(new_text)}"'))
        elif ref.kind == "image":
            edits.append((ref.text_start, ref.text_end, attribute_value(ref.text_start, new_text)))
        else:
            edits.append((ref.text_start, ref.text_end, html.escape(new_text, quote=False)))
    return _splice(text, edits)


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    ordered = sorted(edits, key=lambda e: e[0], reverse=True)
    for (start, end, _), (next_start, next_end, _) in zip(ordered[1:], ordered, strict=False):
        if end > next_start and start < next_end:
            raise LinkEditError("overlapping link edits")
    for start, end, replacement in ordered:
        text = text[:start] + replacement + text[end:]
    return text


def replace_link(
    card: Card, ref: LinkRef, new_url: str | None = None, new_text: str | None = None
) -> FieldEdit:
    """The edit that gives the link ``ref`` a new URL and/or text; the card is not changed.

    Structured fields change the one record; Markdown fields change the one occurrence
    (a reference-style link's URL lives in its definition, shared by every use of the
    label). Autolinks and bare URLs given a text become ``[text](url)``.
    """
    if new_url is not None:
        new_url = _check_value(new_url.strip(), "URL")
    if new_text is not None:
        new_text = _check_value(new_text, "text")
    if ref.card != card.id:
        raise LinkEditError(f"the link belongs to card {ref.card}, not {card.id}")
    old = field_value(card, ref.field)
    new: Any
    if ref.field == "source":
        src = old or Source()
        new = Source(
            title=src.title if new_text is None else new_text,
            url=src.url if new_url is None else new_url,
        )
    elif ref.field in ("links", "further_reading"):
        new = list(old)
        if not 0 <= ref.index < len(new) or new[ref.index].url != ref.url:
            raise LinkEditError(f"the link {ref.url} is no longer in the card")
        item = new[ref.index]
        if isinstance(item, Link):
            new[ref.index] = Link(
                label=item.label if new_text is None else new_text,
                url=item.url if new_url is None else new_url,
            )
        else:
            new[ref.index] = FurtherReading(
                title=item.title if new_text is None else new_text,
                url=item.url if new_url is None else new_url,
                summary=item.summary,
            )
    elif ref.field in TEXT_FIELDS:
        current = _relocate(card, ref)
        new = _rewrite_text(old, current, new_url, new_text)
    else:
        raise LinkEditError(f"unknown link field {ref.field!r}")
    return FieldEdit(card.id, ref.field, old, new)


_EDITABLE = ("source", "links", "body", "further_reading", "note")
LinkChange = tuple[LinkRef, str | None, str | None]  # (link, new URL or None, new text or None)


def edit_card_links(card: Card, changes: Iterable[LinkChange]) -> list[FieldEdit]:
    """Rewrite several links of one card at once; one FieldEdit per changed field.

    The card itself is not changed. Changes run from the end of each field to its start,
    so the offsets of the links not yet rewritten stay valid.
    """
    work = replace(card, **{name: field_value(card, name) for name in _EDITABLE})

    def position(change: LinkChange) -> tuple[str, int]:
        ref, _, new_text = change
        if ref.field not in TEXT_FIELDS:
            return ref.field, ref.index
        first = ref.span_start if new_text is not None else ref.start
        return ref.field, first or 0

    seen: set[tuple[str, int]] = set()
    for change in sorted(changes, key=position, reverse=True):
        ref, new_url, new_text = change
        key = position(change)
        if new_text is None and key in seen:
            continue  # one reference definition shared by several uses: rewritten once
        seen.add(key)
        if (new_url is None or new_url == ref.url) and (new_text is None or new_text == ref.text):
            continue
        apply_edit(work, replace_link(work, ref, new_url=new_url, new_text=new_text))
    edits = []
    for name in _EDITABLE:
        before, after = getattr(card, name), getattr(work, name)
        if before != after:
            edits.append(FieldEdit(card.id, name, copy.deepcopy(before), copy.deepcopy(after)))
    return edits


def strip_tracking_edits(issue: Issue, refs: Iterable[LinkRef] | None = None) -> list[FieldEdit]:
    """Edits removing tracking parameters from ``refs`` (default: every link of the issue)."""
    chosen = issue_links(issue) if refs is None else list(refs)
    by_card: dict[str, list[LinkRef]] = defaultdict(list)
    for ref in chosen:
        if ref.section:
            continue  # intros are edited in the section editor
        if ref.kind != "image" and strip_tracking(ref.url) != ref.url:
            by_card[ref.card].append(ref)
    edits: list[FieldEdit] = []
    for card_id, card_refs in by_card.items():
        changes = [(ref, strip_tracking(ref.url), None) for ref in card_refs]
        edits.extend(edit_card_links(issue.cards[card_id], changes))
    return edits


__all__ = [
    "AUTOLINK", "BARE", "FIELD", "HTML", "INLINE", "INTRO_FIELD", "LINK_KINDS", "REFERENCE", "FieldEdit", "LinkEditError",
    "LinkChange", "LinkRef", "apply_edit", "apply_edits", "card_links", "edit_card_links",
    "escape_link_text", "field_value",
    "find_duplicates", "is_tracking_param", "issue_links", "links_of_card", "markdown_destination",
    "normalize_url", "replace_link", "section_links", "strip_tracking", "strip_tracking_edits", "text_links",
]  # fmt: skip
