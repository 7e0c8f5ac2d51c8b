"""Rewriting the links of a card: pure edits that the caller applies and can undo.

``replace_link`` returns a FieldEdit (old and new value of one card field) that the caller
applies with ``apply_edit`` and reverts the same way (undo). Markdown fields change the one
occurrence, in the form it is written (inline, reference, autolink, bare, raw HTML).
"""

from __future__ import annotations

import copy
import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from editor_app.core.errors import MastheadError
from editor_app.core.links import TEXT_FIELDS, LinkRef, issue_links, text_links
from editor_app.core.linkscan import AUTOLINK, BARE, HTML, REFERENCE
from editor_app.core.model import Card, FurtherReading, Issue, Link, Source
from editor_app.core.url_normalize import strip_tracking


class LinkEditError(MastheadError):
    """A link could not be rewritten (the card changed, or the new value is unusable)."""

    code = "link-edit"


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
