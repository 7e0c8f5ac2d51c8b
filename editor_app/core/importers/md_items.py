"""Reading one line of another newsletter's Markdown as an item: numbered, bullet or heading.

Each reader returns an ``Item`` (title, url, tags, text after the title) or None when the
line is not an item. They are pure functions of the line so that the walker in
md_newsletter stays about structure, and each shape can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.core.importers.common import split_emoji
from editor_app.core.markup.mdtext import LINK_TOKEN, md_unescape, parse_link_item


@dataclass
class Item:
    title: str
    url: str = ""
    number: int = 0
    tags: list[str] = field(default_factory=list)
    # Text on the item's line after its title (a description, the author's comment …).
    rest: str = ""
    # A number alone on its line: the item's text is the paragraph that follows.
    bare: bool = False


# A tag written before the link: "[video] [title](url)", "[disposition: merge] [t](u)".
_TAG = re.compile(r"\[(?P<tag>[^\[\]\n]{1,40})\](?=\s*\[)\s*")
_EMPHASIS = ("**", "__")
# "（3）", "(3)", or 3 followed by 、 . ． ) ）; "3." before a digit is a version ("7.0"), and a
# zero-padded "01." is a numbered sub-heading of an essay, not an item.
_NUMBER = re.compile(
    r"^(?:[（(](?P<paren>[1-9]\d{0,2})[）)]|(?P<num>[1-9]\d{0,2})\s*(?P<mark>[、.．)）])(?!\d))"
)
_TRAILING = "：:。.，,；;"
_SEPARATOR = re.compile(r"^\s*(?:[-–—:：|｜]\s*)?")
LINK_BULLET = re.compile(r"^[*+-]\s+(?P<rest>\[.*)$")


def plain(text: str) -> str:
    """Markdown inline text as plain text: links to their text, emphasis markers dropped."""
    text = LINK_TOKEN.sub(lambda m: m.group("text"), text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])", r"\1", text)
    return md_unescape(re.sub(r"\s+", " ", text.replace("\u200b", "")).strip())


def _unwrap(text: str) -> tuple[str, str]:
    """``**title** rest`` / ``__title__ rest`` -> (title, rest); else (text, "")."""
    for mark in _EMPHASIS:
        if text.startswith(mark):
            end = text.find(mark, len(mark))
            if end > len(mark):
                return text[len(mark) : end].strip(), text[end + len(mark) :].strip()
    return text, ""


def _tags(text: str) -> tuple[list[str], str]:
    tags: list[str] = []
    while m := _TAG.match(text):
        tags.append(m.group("tag").strip())
        text = text[m.end() :]
    return tags, text


def _title_link(text: str) -> tuple[str, str, list[str], str]:
    """(title, url, tags, rest) of the text after an item's number or bullet."""
    tags, text = _tags(text.strip())
    title, inner = _unwrap(text)
    if inner or title != text:
        # The whole title in bold or underscores; it may itself be a link.
        t, url, after = parse_link_item(title) if title.startswith("[") else (title, "", "")
        if url and not after.strip():
            return plain(t), url, tags, inner
        return plain(title), "", tags, inner
    if text.startswith("["):
        t, url, after = parse_link_item(text)
        if url:
            return plain(t), url, tags, after.strip()
    return plain(text), "", tags, ""


def numbered_item(line: str) -> Item | None:
    """``1、title`` ``**2. title**`` ``__3、title__`` ``4、[tag] [t](u)`` ``（5）…`` ``6、`` alone."""
    text = line.rstrip()
    opened = ""
    for mark in _EMPHASIS:
        if text.startswith(mark):
            opened, text = mark, text[len(mark) :].lstrip()
            break
    m = _NUMBER.match(text)
    if not m:
        return None
    number = int(m.group("paren") or m.group("num"))
    rest = text[m.end() :].strip()
    mark = m.group("mark") or ""
    if opened:
        if rest.startswith(opened):
            # "**3、**" alone, or "**3、** title"
            rest = rest[len(opened) :].strip()
            opened = ""
        elif opened in rest:
            # "**3、title** more": the bold part is the title.
            end = rest.index(opened)
            title_part, after = rest[:end].strip(), rest[end + len(opened) :].strip()
            if not title_part:
                return None
            title, url, tags, inner = _title_link(title_part)
            return Item(title, url, number, tags, _join(inner, after))
        else:
            return None  # an unclosed emphasis: not a shape we know
    if mark in ".．)" and rest and not opened and rest[0].isdigit():
        return None
    if not rest.strip(_TRAILING + " "):
        return Item("", "", number, bare=True)
    title, url, tags, after = _title_link(rest)
    title = title.rstrip(_TRAILING).strip()
    if not title and not url:
        return None
    return Item(title, url, number, tags, _SEPARATOR.sub("", after, count=1))


def _join(*parts: str) -> str:
    return " ".join(p for p in (_SEPARATOR.sub("", x, count=1) for x in parts) if p)


def bullet_item(line: str) -> Item | None:
    """``* [title](url) rest`` or ``- [video] [title](url)`` at the start of a line."""
    m = LINK_BULLET.match(line)
    if not m:
        return None
    tags, text = _tags(m.group("rest"))
    if not text.startswith("["):
        return None
    title, url, after = parse_link_item(text)
    if not url:
        return None
    return Item(plain(title) or url, url, 0, tags, _SEPARATOR.sub("", after.strip(), count=1))


def heading_item(text: str) -> Item | None:
    """``🌟 🐕 [title](url) 🚧`` -> title, url and the emoji as tags; None without a link."""
    tags, rest = _emoji_run(text.strip())
    more, rest = _tags(rest)
    tags += more
    if not rest.startswith("["):
        return None
    title, url, after = parse_link_item(rest)
    if not url:
        return None
    trailing, words = _emoji_run(after.strip())
    if words:
        # Text after the link belongs to the title ("[Proxy](u) 3.0 released").
        return Item(plain(rest), url, 0, tags)
    return Item(plain(title) or url, url, 0, tags + trailing)


def _emoji_run(text: str) -> tuple[list[str], str]:
    """Leading emoji separated by spaces ("🌟 🐕 rest") -> (["🌟", "🐕"], "rest")."""
    found: list[str] = []
    while True:
        emoji, rest = split_emoji(text)
        if not emoji:
            return found, text
        found += emoji.split()
        text = rest
