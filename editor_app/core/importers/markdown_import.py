"""Importing Markdown: our own export exactly, other newsletters' Markdown by inference.

Our export carries ``<!-- masthead:… -->`` markers after each structural heading; when they
are present the file is read back field by field. Anything else goes to md_newsletter,
which infers sections and cards and reports each guess.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from editor_app.core.errors import ImportFormatError, IssueFormatError
from editor_app.core.export.sitegen import unescape_for
from editor_app.core.importers.common import Builder, ImportResult
from editor_app.core.importers.files import FileMapper
from editor_app.core.markup.mdtext import (
    ATX,
    AUTOLINK_TOKEN,
    LINK_TOKEN,
    filter_body,
    iter_fenced,
    md_escape,
    md_unescape,
    parse_link_item,
    parse_marker,
    shift_md_headings,
)
from editor_app.core.model import (
    Card,
    CardNumbering,
    FurtherReading,
    Issue,
    Link,
    Numbering,
    Section,
    SectionNumbering,
    Source,
    Status,
    SubcardNumbering,
)
from editor_app.core.numbering import section_label
from editor_app.core.yamlio import load_yaml

_STRUCTURAL = {"section", "card", "group"}
_SOURCE_LABEL = re.compile(r"^(?:原文|来源|Source|Original)\s*[:：]\s*", re.I)
_FURTHER_LINE = re.compile(r"^\*\*(?:拓展阅读|扩展阅读|延伸阅读|Further reading)\*\*\s*$", re.I)
_CARD_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[.)]?(?:\s+|$)")


_PELICAN_FIRST = re.compile(r"^(?:Title|Date)\s*:\s*\S", re.I)
_PELICAN_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_-]{0,30})\s*:\s*(?P<value>.*)$")


def _pelican_meta(text: str) -> tuple[dict[str, Any], str, int] | None:
    """Pelican's metadata block: ``Title: …`` / ``Number: …`` / ``Date: …`` lines up to a blank."""
    if not _PELICAN_FIRST.match(text):
        return None
    lines = text.split("\n")
    data: dict[str, Any] = {}
    n = next((k for k, line in enumerate(lines) if not line.strip()), len(lines))
    for line in lines[:n]:
        m = _PELICAN_LINE.match(line)
        if not m:
            return None
        key, value = m.group("key").lower(), m.group("value").strip()
        if key == "number" and value.isdigit():
            data[key] = int(value)
        elif key == "tags":
            data[key] = [t.strip() for t in value.split(",") if t.strip()]
        elif key == "status" and value.lower() in ("draft", "published"):
            data["draft"] = value.lower() == "draft"
        else:
            data[key] = value
    return data, "\n".join(lines[n:]).lstrip("\n"), n + 1 + _leading_blank(lines[n:])


def _leading_blank(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, rest of the text, line number where the rest starts)."""
    if not text.startswith("---\n"):
        return _pelican_meta(text) or ({}, text, 1)
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise ImportFormatError("front matter is not closed by a '---' line", path, 1)
    front = text[4 : 4 + end.start()]
    try:
        data = load_yaml(front, path, line_offset=1) or {}
    except IssueFormatError as exc:
        raise ImportFormatError(exc.message, path, exc.line) from None
    if not isinstance(data, dict):
        raise ImportFormatError("front matter must be a mapping", path, 2)
    rest = text[4 + end.end() :]
    return data, rest.lstrip("\n"), text.count("\n", 0, len(text) - len(rest.lstrip("\n"))) + 1


def has_markers(text: str) -> bool:
    lines = text.split("\n")
    return any(
        not fenced and (m := parse_marker(line)) is not None and m[0] in _STRUCTURAL | {"issue"}
        for line, fenced in zip(lines, iter_fenced(lines), strict=True)
    )


def read_front(text: str, path: Path) -> tuple[dict, str, int]:
    """Front matter, body and the body's first line; our own export's generator escape undone."""
    front, body, first_line = split_front_matter(text, path)
    meta = front.get("masthead")
    if isinstance(meta, dict) and isinstance(meta.get("profile"), str):
        body = unescape_for(meta["profile"], body)
    return front, body, first_line


# -- issue metadata ------------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _enum(enum: type, value: Any, default: Any) -> Any:
    try:
        return enum(value)
    except ValueError:
        return default


def apply_meta(issue: Issue, data: dict[str, Any]) -> None:
    """Issue fields from front matter (standard keys plus our ``masthead:`` block)."""
    meta = data.get("masthead") if isinstance(data.get("masthead"), dict) else {}
    merged = {**data, **meta}
    if merged.get("title") is not None:
        issue.title = str(merged["title"])
    issue.date = _date(merged.get("date")) or issue.date
    number = merged.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        issue.number = number
    if merged.get("slug"):
        issue.slug = str(merged["slug"])
    tags = merged.get("tags")
    if isinstance(tags, list):
        issue.tags = [str(t) for t in tags]
    summary = merged.get("summary", merged.get("description"))
    if isinstance(summary, str):
        issue.summary = summary
    if isinstance(merged.get("status"), str):
        issue.status = _enum(Status, merged["status"], issue.status)
    elif "draft" in data:
        issue.status = Status.DRAFT if data.get("draft") else Status.PUBLISHED
    if isinstance(merged.get("language"), str):
        issue.language = merged["language"]
    numbering = merged.get("numbering")
    if isinstance(numbering, dict):
        issue.numbering = Numbering(
            _enum(SectionNumbering, numbering.get("sections"), SectionNumbering.CHINESE),
            _enum(CardNumbering, numbering.get("cards"), CardNumbering.PER_SECTION),
            _enum(SubcardNumbering, numbering.get("subcards"), SubcardNumbering.NESTED),
        )


# -- our own export ------------------------------------------------------------------------
def parse_exact(front: dict, text: str, first_line: int, path: Path) -> ImportResult:
    """Our own export, read back exactly from its structure markers."""
    issue = Issue()
    result = ImportResult(issue)
    lines = text.split("\n")
    fenced = iter_fenced(lines)
    apply_meta(issue, front)
    heads: list[tuple[int, str, dict]] = []
    for i, line in enumerate(lines):
        if fenced[i]:
            continue
        m = parse_marker(line)
        if m and m[0] == "issue":
            apply_meta(issue, m[1])
        elif m and m[0] in _STRUCTURAL and i and ATX.match(lines[i - 1]) and not fenced[i - 1]:
            heads.append((i - 1, m[0], m[1]))
    if not front:
        for line in lines[: heads[0][0] if heads else len(lines)]:
            if line.startswith("# "):
                issue.title = md_unescape(line[2:].strip())
                break
    if not issue.slug and path.parent.name == "_posts":
        issue.slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem)
    mapper = FileMapper(path, result, issue.slug)
    builder = Builder(issue)
    stack: list[Card] = []
    for n, (start, kind, data) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        heading = lines[start]
        content = lines[start + 2 : end]
        mapper.line = first_line + start
        text_after = ATX.sub("", heading, count=1).strip()
        if kind == "section":
            _section(builder, issue, text_after, data, content, mapper)
            stack = []
        elif kind == "card":
            m = _CARD_NUMBER.match(text_after)
            depth = m.group(1).count(".") if m else 0
            if isinstance(data.get("depth"), int) and data["depth"] > 0:
                depth = data["depth"]
            title = md_unescape(text_after[m.end() :] if m else text_after)
            parent: Section | Card
            if depth and len(stack) >= depth:
                parent = stack[depth - 1]
            else:
                parent = builder.current_section(result, first_line + start, "Imported")
                depth = 0
            card = builder.card(parent, title)
            del stack[depth:]
            stack.append(card)
            _card_fields(card, data, content, mapper)
    return result


def _section(
    builder: Builder,
    issue: Issue,
    text: str,
    data: dict,
    content: list[str],
    mapper: FileMapper | None = None,
) -> None:
    emoji = str(data.get("emoji") or "")
    written = md_escape(emoji)
    if written and text.startswith(written):
        text = text[len(written) :].lstrip()
    label = section_label(issue.numbering.sections, len(issue.sections) + 1)
    if label and (text == label or text.startswith(label + " ")):
        text = text[len(label) :].lstrip()
    section = builder.section(md_unescape(text), emoji)
    intro = "\n".join(_trim(content))
    if not intro.strip():
        return
    if data.get("intro") != 1:
        # Exports before intros were Markdown wrote them as escaped plain text.
        section.intro = "\n".join(md_unescape(x) for x in intro.split("\n"))
        return
    # The intro is Markdown, written like a card body (see the exporter).
    shift = data.get("shift")
    if isinstance(shift, int) and shift:
        intro = shift_md_headings(intro, -shift)
    section.intro = filter_body(intro, mapper.map) if mapper is not None else intro


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def parse_links_line(line: str) -> list[Link]:
    """``[官网](u) · [GitHub](u) · 文档`` -> links (a label without URL stays a label)."""
    links = []
    rest = line.strip()
    while rest:
        if LINK_TOKEN.match(rest) or AUTOLINK_TOKEN.match(rest):
            title, url, after = parse_link_item(rest)
        else:
            head, _sep, after = rest.partition(" · ")
            title, url = md_unescape(head.strip()), ""
        links.append(Link(title, url))
        rest = after.strip()
        if rest.startswith("·"):
            rest = rest[1:].strip()
    return links


def _card_fields(card: Card, data: dict, content: list[str], mapper: FileMapper) -> None:
    card.kind = str(data.get("kind") or "article")
    card.status = _enum(Status, data.get("status", "draft"), Status.DRAFT)
    card.tags = [str(t) for t in data.get("tags") or []]
    card.group = str(data.get("group") or "")
    lines = _trim(content)
    idx = 0
    if data.get("source") and lines:
        title, url, _rest = parse_link_item(_SOURCE_LABEL.sub("", lines[0], count=1))
        card.source = Source(title, url)
        idx = 1
        while idx < len(lines) and not lines[idx].strip():
            idx += 1
    if data.get("links") and idx < len(lines):
        card.links = parse_links_line(lines[idx])
        idx += 1
    end = len(lines)
    if data.get("note"):
        start = end
        while start > idx and lines[start - 1].startswith(">"):
            start -= 1
        quoted = [x[2:] if x.startswith("> ") else x[1:] for x in lines[start:end]]
        if quoted and quoted[0].startswith("🎤") and data.get("note") != 2:
            quoted[0] = quoted[0][1:].lstrip(" ")
        card.note = filter_body("\n".join(quoted), mapper.map)
        end = start
        while end > idx and not lines[end - 1].strip():
            end -= 1
    if data.get("further"):
        for pos in range(end - 1, idx - 1, -1):
            if _FURTHER_LINE.match(lines[pos]):
                card.further_reading = parse_further_items(lines[pos + 1 : end])
                end = pos
                break
    body = "\n".join(_trim(lines[idx:end]))
    shift = data.get("shift")
    if isinstance(shift, int) and shift:
        body = shift_md_headings(body, -shift)
    card.body = filter_body(body, mapper.map)


def parse_further_items(lines: list[str]) -> list[FurtherReading]:
    items: list[FurtherReading] = []
    for line in lines:
        if re.match(r"^[-*+]\s+", line):
            title, url, rest = parse_link_item(re.sub(r"^[-*+]\s+", "", line))
            rest = re.sub(r"^\s*(?:[:：]|\s[-–—]\s)\s?", "", rest, count=1)
            items.append(FurtherReading(title, url, md_unescape(rest)))
        elif line.startswith("  ") and items and line.strip():
            last = items[-1]
            extra = md_unescape(line.strip())
            last.summary = f"{last.summary}\n{extra}" if last.summary else extra
    return items
