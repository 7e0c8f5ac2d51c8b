"""Editing an inbox item's title, note and tags: the window's panel and ``masthead inbox edit``.

An edit rewrites the one item file, atomically and under the inbox lock, from the file as
it is on disk at that moment: a title fetched meanwhile or a ``git pull`` that changed
another field is kept. When the caller says what it started from (``base``), an edit of a
field that someone else changed on disk since is refused with ``inbox.edit-conflict`` and
nothing is written, so neither side's text is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from editor_app.core.inbox.item import InboxItem, inbox_error, parse_tags
from editor_app.core.inbox.store import Inbox

EDITABLE = ("title", "note", "tags")
MAX_EDITED_TITLE = 300  # what a title fetched from a page keeps, too
MAX_NOTE = 20_000  # a note is a few sentences; this is pasted data, not a note
MAX_TAGS = 50
MAX_TAG = 60

FieldValues = dict[str, Any]  # "title"/"note" -> str, "tags" -> list[str]


@dataclass(frozen=True)
class ItemEdit:
    """The item before and after an edit (the same when nothing changed)."""

    before: InboxItem
    after: InboxItem

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def fields(self, item: InboxItem | None = None) -> FieldValues:
        """The edited fields of ``item`` (default: the item after), to undo or redo with."""
        item = item or self.after
        return {name: field_value(item, name) for name in EDITABLE}


def field_value(item: InboxItem, name: str) -> Any:
    value = getattr(item, name)
    return list(value) if isinstance(value, list) else value


def normalize_changes(changes: Mapping[str, Any]) -> FieldValues:
    """The edited fields as an item keeps them; InboxError for a field that cannot be edited
    or a value out of bounds.

    A title is one line (white space runs become one space), a note keeps its lines but not
    trailing white space or Windows line ends, tags come as a list or a comma-separated text.
    """
    out: FieldValues = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise inbox_error("inbox.not-editable", None, field=name)
        if name == "tags":
            if not isinstance(value, str | list | tuple):
                raise inbox_error("inbox.not-editable", None, field=name)
            tags = parse_tags(value)
            if len(tags) > MAX_TAGS:
                raise inbox_error("inbox.too-many-tags", None, limit=MAX_TAGS, given=len(tags))
            for tag in tags:
                if len(tag) > MAX_TAG:
                    raise inbox_error("inbox.tag-too-long", None, limit=MAX_TAG, tag=tag[:MAX_TAG])
            out[name] = tags
            continue
        if not isinstance(value, str):
            raise inbox_error("inbox.not-editable", None, field=name)
        if name == "title":
            text = " ".join(value.split())
            if len(text) > MAX_EDITED_TITLE:
                raise inbox_error(
                    "inbox.title-too-long", None, limit=MAX_EDITED_TITLE, given=len(text)
                )
        else:
            lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            text = "\n".join(line.rstrip() for line in lines).strip("\n")
            if len(text) > MAX_NOTE:
                raise inbox_error("inbox.note-too-long", None, limit=MAX_NOTE, given=len(text))
        out[name] = text
    return out


def edit_item(
    library: Path | str,
    item: str,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
) -> ItemEdit:
    """Set some of an item's title, note and tags; its file is rewritten atomically.

    ``item`` is the id or a unique start of it. ``base`` holds the values the editor saw
    when the edit began: a field changed on disk since (and not to the same value) refuses
    the whole edit with ``inbox.edit-conflict``. A missing item gives ``inbox.no-item``,
    an unreadable file ``inbox.unreadable-item`` (never overwritten). Nothing is written
    when the values are already the file's.
    """
    wanted = normalize_changes(changes)
    inbox = Inbox(library)
    with inbox.locked():
        current = inbox.get(item)
        if base is not None:
            seen = normalize_changes({k: v for k, v in base.items() if k in wanted})
            for name, value in wanted.items():
                theirs = field_value(current, name)
                if name in seen and theirs != seen[name] and theirs != value:
                    path = inbox.path(current.id)
                    raise inbox_error("inbox.edit-conflict", path, name=path.name)
        after = replace(current, **wanted)
        if after != current:
            inbox.write_locked(after)
    return ItemEdit(current, after)
