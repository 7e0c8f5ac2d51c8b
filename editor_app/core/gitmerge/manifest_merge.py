"""Three-way merge of issue.yaml that understands the outline.

The outline is merged as a tree of ids: every card's parent (a section or a card) is merged
like a field, then each parent's ordered list of children; sections the same way. All other
fields are merged key by key. A field both sides changed differently is a true conflict: the
merged text then carries git's conflict markers around just that field, so nothing is lost and
git (and the window) report the file as conflicted.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.core.gitmerge.ordered import merge_order
from editor_app.core.yamlio import dump_yaml, load_yaml

_MISSING = object()


@dataclass(frozen=True)
class MergeConflict:
    """A field both sides changed differently (``where`` reads like ``title`` or
    ``outline/s123/title`` or ``card c456``)."""

    where: str
    ours: Any
    theirs: Any


@dataclass
class ManifestMerge:
    text: str
    conflicts: list[MergeConflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


@dataclass
class _Outline:
    """An outline as plain maps: section fields, section order, each card's parent and the
    ordered children of every parent."""

    order: list[str] = field(default_factory=list)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)


def _read_outline(data: dict[str, Any]) -> _Outline:
    outline = _Outline()

    def walk(parent: str, entries: Any) -> None:
        ids: list[str] = []
        for entry in entries or []:
            if isinstance(entry, dict) and len(entry) == 1:
                card_id, sub = next(iter(entry.items()))
            else:
                card_id, sub = entry, []
            card_id = str(card_id)
            ids.append(card_id)
            outline.parent[card_id] = parent
            walk(card_id, sub)
        outline.children[parent] = ids

    for section in data.get("outline") or []:
        if not isinstance(section, dict) or "id" not in section:
            continue
        section_id = str(section["id"])
        outline.order.append(section_id)
        outline.sections[section_id] = {k: v for k, v in section.items() if k != "cards"}
        walk(section_id, section.get("cards"))
    return outline


def _merge_value(
    base: Any, ours: Any, theirs: Any, where: str, out: list[MergeConflict], pick_theirs: bool
) -> Any:
    """Key by key for mappings, whole values otherwise; a conflict is recorded and resolved to
    one side (ours unless ``pick_theirs``)."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if all(isinstance(v, dict) or v is _MISSING for v in (base, ours, theirs)) and not (
        ours is _MISSING or theirs is _MISSING
    ):
        base_map = base if isinstance(base, dict) else {}
        merged: dict[str, Any] = {}
        for key in _ordered_keys(ours, theirs):
            value = _merge_value(
                base_map.get(key, _MISSING),
                ours.get(key, _MISSING),
                theirs.get(key, _MISSING),
                f"{where}/{key}" if where else str(key),
                out,
                pick_theirs,
            )
            if value is not _MISSING:
                merged[key] = value
        return merged
    out.append(MergeConflict(where, ours, theirs))
    return theirs if pick_theirs else ours


def _ordered_keys(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    keys = list(ours)
    keys += [k for k in theirs if k not in ours]
    return keys


def _merge_parents(
    base: _Outline,
    ours: _Outline,
    theirs: _Outline,
    conflicts: list[MergeConflict],
    notes: list[str],
    pick_theirs: bool,
) -> dict[str, str]:
    """The parent of every card that survives the merge."""
    final: dict[str, str] = {}
    every = list(ours.parent) + [c for c in theirs.parent if c not in ours.parent]
    every += [c for c in base.parent if c not in ours.parent and c not in theirs.parent]
    for card in every:
        b, o, t = base.parent.get(card), ours.parent.get(card), theirs.parent.get(card)
        if o == t:
            chosen = o
        elif o == b:
            chosen = t
        elif t == b:
            chosen = o
        elif o is None or t is None:
            # Deleted on one side, moved on the other: keeping it loses nothing.
            chosen = o or t
            notes.append(f"card {card} was deleted on one side and moved on the other: kept")
        else:
            conflicts.append(MergeConflict(f"card {card}", o, t))
            chosen = t if pick_theirs else o
        if chosen is not None:
            final[card] = chosen
    return final


def _attach_orphans(
    final: dict[str, str], sections: list[str], base: _Outline, notes: list[str]
) -> None:
    """A card whose parent did not survive goes to the nearest surviving ancestor of base."""
    alive = set(sections)
    for _ in range(len(final) + 1):
        changed = False
        for card, parent in list(final.items()):
            if parent in alive or parent in final:
                continue
            fallback = base.parent.get(parent)
            while fallback and fallback not in alive and fallback not in final:
                fallback = base.parent.get(fallback)
            if fallback is None:
                fallback = sections[-1] if sections else None
            if fallback is None:
                continue
            final[card] = fallback
            notes.append(f"card {card} lost its place in the merge: kept under {fallback}")
            changed = True
        if not changed:
            break


def _merge_sections(
    base: _Outline, ours: _Outline, theirs: _Outline, cards: dict[str, str], notes: list[str]
) -> list[str]:
    members: set[str] = set()
    for section in set(ours.order) | set(theirs.order):
        in_ours, in_theirs = section in ours.order, section in theirs.order
        if in_ours and in_theirs or section not in base.order:
            members.add(section)
            continue
        # Deleted on one side: honoured unless the other side still puts cards in it.
        if any(parent == section for parent in cards.values()):
            notes.append(f"section {section} was deleted on one side but still has cards: kept")
            members.add(section)
    return merge_order(base.order, ours.order, theirs.order, members)


def _build(
    data: dict[str, Any],
    sections: list[str],
    fields: dict[str, dict[str, Any]],
    parents: dict[str, str],
    orders: dict[str, list[str]],
) -> dict[str, Any]:
    def entries(parent: str) -> list[Any]:
        out: list[Any] = []
        for card in orders.get(parent, []):
            sub = entries(card)
            out.append({card: sub} if sub else card)
        return out

    outline = []
    for section in sections:
        entry = dict(fields[section])
        entry["cards"] = entries(section)
        outline.append(entry)
    merged = dict(data)
    merged["outline"] = outline
    return merged


def _merged_data(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], prefer_theirs: bool
) -> tuple[dict[str, Any], list[MergeConflict], list[str]]:
    conflicts: list[MergeConflict] = []
    notes: list[str] = []
    top = {k: v for k, v in base.items() if k != "outline"}
    merged = _merge_value(
        top,
        {k: v for k, v in ours.items() if k != "outline"},
        {k: v for k, v in theirs.items() if k != "outline"},
        "",
        conflicts,
        prefer_theirs,
    )
    b, o, t = _read_outline(base), _read_outline(ours), _read_outline(theirs)
    parents = _merge_parents(b, o, t, conflicts, notes, prefer_theirs)
    sections = _merge_sections(b, o, t, parents, notes)
    _attach_orphans(parents, sections, b, notes)
    fields: dict[str, dict[str, Any]] = {}
    for section in sections:
        value = _merge_value(
            b.sections.get(section, _MISSING),
            o.sections.get(section, _MISSING),
            t.sections.get(section, _MISSING),
            f"outline/{section}",
            conflicts,
            prefer_theirs,
        )
        fields[section] = value if isinstance(value, dict) else {"id": section}
    orders: dict[str, list[str]] = {}
    for parent in set(parents.values()):
        members = {card for card, p in parents.items() if p == parent}
        order = merge_order(
            b.children.get(parent, []),
            o.children.get(parent, []),
            t.children.get(parent, []),
            members,
        )
        order += sorted(members - set(order))
        orders[parent] = order
    return _build(merged, sections, fields, parents, orders), conflicts, notes


def _with_markers(ours_text: str, theirs_text: str, ours_label: str, theirs_label: str) -> str:
    """Both versions in one text, git's markers around the lines where they differ."""
    a, b = ours_text.splitlines(keepends=True), theirs_text.splitlines(keepends=True)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += a[i1:i2]
            continue
        out.append(f"<<<<<<< {ours_label}\n")
        out += a[i1:i2]
        out.append("=======\n")
        out += b[j1:j2]
        out.append(f">>>>>>> {theirs_label}\n")
    return "".join(out)


def merge_manifests(
    base_text: str,
    ours_text: str,
    theirs_text: str,
    *,
    ours_label: str = "ours",
    theirs_label: str = "theirs",
) -> ManifestMerge:
    """Merge three versions of issue.yaml. Raises IssueFormatError when one is not YAML."""
    where = Path("issue.yaml")
    base = load_yaml(base_text, where) if base_text.strip() else {}
    ours = load_yaml(ours_text, where) or {}
    theirs = load_yaml(theirs_text, where) or {}
    base = base if isinstance(base, dict) else {}
    merged, conflicts, notes = _merged_data(base, ours, theirs, prefer_theirs=False)
    text = dump_yaml(merged)
    if not conflicts:
        return ManifestMerge(text, [], notes)
    theirs_merged, _, _ = _merged_data(base, ours, theirs, prefer_theirs=True)
    marked = _with_markers(text, dump_yaml(theirs_merged), ours_label, theirs_label)
    return ManifestMerge(marked, conflicts, notes)
