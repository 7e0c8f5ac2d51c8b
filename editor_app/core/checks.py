"""Pre-publish checks. Each problem has a stable code, declared in problem_codes.py."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from editor_app.core.filesafety import symlink_in_path, unsafe_content_reason
from editor_app.core.links import LinkRef, issue_links
from editor_app.core.messages import Names, Text, text
from editor_app.core.model import Issue
from editor_app.core.numbering import compute_numbers
from editor_app.core.paths import UnsafePathError, is_remote, local_path, outside_file
from editor_app.core.problem_codes import problem
from editor_app.core.problems import ERROR, INFO, WARNING, Problem
from editor_app.core.render_checks import (
    DEEP_NESTING,
    RENDER_LIMIT,
    RENDER_SLOW,
    render_problems,
)
from editor_app.core.storage import ASSETS_DIR, CARDS_DIR, STATE_DIR
from editor_app.core.typography import typography_on
from editor_app.core.typography_places import card_problems as typography_problems
from editor_app.core.typography_places import outer_problems as outer_typography_problems
from editor_app.core.url_normalize import normalize_url

__all__ = [
    "DEEP_NESTING",
    "ERROR",
    "INFO",
    "RENDER_LIMIT",
    "RENDER_SLOW",
    "WARNING",
    "Problem",
    "check_issue",
]
# Owner key of a link written in a section intro (links carry a card id or a section id).
_SECTION_OWNER = "#section:"

GENERIC_ALT = {
    "image", "img", "picture", "photo", "screenshot", "图片", "图像", "截图", "配图", "插图",
    "an image to describe post", "image description", "alt", "untitled", "pic",
}  # fmt: skip


def is_generic_alt(alt: str) -> bool:
    text = alt.strip().lower().rstrip(".")
    if text in GENERIC_ALT:
        return True
    # File names as alt text ("IMG_2041.png") say nothing either.
    return text.endswith((".png", ".jpg", ".jpeg", ".gif", ".webp"))


def url_problem(url: str) -> str | None:
    """Why a URL is malformed, or None."""
    if not url.strip():
        return "is empty"
    if url != url.strip() or " " in url:
        return "contains spaces"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"cannot be parsed ({exc})"
    if parts.scheme == "mailto":
        return None if parts.path else "has no address"
    if parts.scheme not in {"http", "https"}:
        return "must start with http:// or https://"
    if not parts.hostname or "." not in parts.hostname and parts.hostname != "localhost":
        return "has no valid host name"
    return None


def image_entries(issue: Issue, links: list[LinkRef] | None = None) -> list[dict]:
    """The images of the issue for `inspect --json`."""
    out = []
    for ref in links if links is not None else issue_links(issue):
        if ref.kind != "image":
            continue
        exists = False
        if issue.folder is not None and not is_remote(ref.url):
            try:
                exists = local_path(issue.folder, ref.url).is_file()
            except UnsafePathError:
                exists = False
        entry = {"card": ref.card or None, "path": ref.url, "alt": ref.text, "exists": exists}
        if ref.section:
            entry["section"] = ref.section
        out.append(entry)
    return out


# url -> [(issue slug, card or section id, kind)], newest first, issues before this one only.
FeaturedLookup = Callable[[str], list[tuple[str, str, str]]]
# Kinds that make a link an item's own (featured); the others are mentions in passing.
OWN_KINDS = ("source", "link")


def check_issue(
    issue: Issue, featured: FeaturedLookup | None = None, render: bool = True
) -> list[Problem]:
    """The issue's problems. ``render=False`` takes the render problems from the pre-scan
    (see ``render_checks.render_problems``), for a command-line check that renders nothing."""
    problems: list[Problem] = []
    add = problems.append

    for section in issue.sections:
        if not section.card_ids:
            add(problem("empty-section", title=section.title))
    typography = typography_on(issue)
    if typography:
        problems.extend(outer_typography_problems(issue))

    for _section, card, depth in issue.iter_cards():
        if card.unreadable:
            if issue.folder is not None and symlink_in_path(
                issue.folder, f"{CARDS_DIR}/{card.id}.md"
            ):
                # never read: see storage.read_card_text
                reason = card.unreadable_reason or card.unreadable
                add(problem("symlink", card=card.id, variant="card-file", reason=reason))
            else:
                reason = card.unreadable_reason or card.unreadable
                add(problem("unreadable-file", card=card.id, reason=reason))
            continue
        name = _card_name(issue, card.id)
        if card.is_empty():
            add(problem("empty-card", card=card.id, name=name))
        if not card.title.strip():
            add(problem("untitled-card", card=card.id, name=name))
        no_source = not card.source or not card.source.url
        if no_source and not card.child_ids and depth == 0 and card.kind not in {"meme", "roundup"}:
            add(problem("missing-source", card=card.id, name=name))
        problems.extend(render_problems(card.id, name, card.body, card.note, render))
        if typography:
            problems.extend(typography_problems(card, name))

    links = issue_links(issue)
    reported: set[str] = set()  # issue-relative files already reported through a reference
    images: dict[tuple, tuple[list[Problem], set[str]]] = {}
    seen: dict[str, list[LinkRef]] = defaultdict(list)
    mark = (0, "")  # problems from this index on belong to the intro of that section
    for ref in links:
        _hand_to_section(problems, *mark)
        mark = (len(problems), ref.section)
        name = _card_name(issue, _owner(ref))
        if ref.kind == "image":
            problems.extend(_image_problems_once(issue, ref, name, reported, images))
            continue
        if ref.kind == "inline" and _is_relative(ref.url):
            problems.extend(_relative_link_problems(issue, ref, name, reported))
            continue
        reason = url_problem(ref.url)
        if reason:
            add(problem("malformed-url", card=ref.card, url=ref.url, name=name, reason=reason))
            continue
        if ref.url.lower().startswith("http://"):
            add(problem("insecure-url", card=ref.card, url=ref.url, name=name))
        seen[normalize_url(ref.url)].append(ref)
    _hand_to_section(problems, *mark)

    for key, refs in seen.items():
        cards = {_owner(r) for r in refs}
        same_card_same_kind = len(refs) > len({(_owner(r), r.kind) for r in refs})
        if len(cards) > 1 or same_card_same_kind:
            names = Names(
                tuple(_card_name(issue, c) for c in dict.fromkeys(_owner(r) for r in refs))
            )
            owners = list(dict.fromkeys(_owner(r) for r in refs))
            # One warning per duplicated link; every card sharing it is listed so the outline
            # can still mark each of them.
            add(
                problem(
                    "duplicate-link",
                    card=owners[0],
                    cards=tuple(o for o in owners if not o.startswith(_SECTION_OWNER)),
                    url=refs[0].url,
                    names=names,
                )
            )
        if featured is not None:
            add_featured(problems, featured(key), refs[0].url, _owner(refs[0]))
    if issue.folder is not None:
        problems.extend(_stray_asset_problems(issue.folder, reported))
    return [_section_problem(p) for p in problems]


def add_featured(
    problems: list[Problem], hits: list[tuple[str, str, str]], url: str, owner: str
) -> None:
    """``featured-before`` when an earlier issue had the link as an item's own link, else
    ``mentioned-before`` (info) when one only mentioned it (in a card's text, its further
    reading or a section intro)."""
    own = [hit for hit in hits if hit[2] in OWN_KINDS]
    if own:
        slug, other, kind = own[0]
        problems.append(
            problem("featured-before", card=owner, url=url, slug=slug, other=other, kind=kind)
        )
    elif hits:
        slug, other, kind = hits[0]
        variant = "intro" if kind == "intro" else ""
        problems.append(
            problem(
                "mentioned-before",
                card=owner,
                variant=variant,
                url=url,
                slug=slug,
                other=other,
                kind=kind,
            )
        )


def _owner(ref: LinkRef) -> str:
    return ref.card or f"{_SECTION_OWNER}{ref.section}"


def _hand_to_section(problems: list[Problem], start: int, section: str) -> None:
    """Problems found for a link of a section intro belong to that section, not to a card."""
    if section:
        problems[start:] = [replace(p, card=None, section=section) for p in problems[start:]]


def _section_problem(problem: Problem) -> Problem:
    if problem.card and problem.card.startswith(_SECTION_OWNER):
        return replace(problem, card=None, section=problem.card[len(_SECTION_OWNER) :])
    return problem


# -- files of the issue that must not be read or published ---------------------------------
def ref_rel_path(ref: str) -> str | None:
    """The issue-relative POSIX path a local reference spells, before any link is followed
    (None when it is not a plain relative path: ``local_path`` refuses those)."""
    try:
        raw = unquote(urlsplit(ref.strip()).path).replace("\\", "/")
    except ValueError:
        return None
    rel = PurePosixPath(raw)
    if not raw or rel.is_absolute() or ".." in rel.parts or (len(raw) > 1 and raw[1] == ":"):
        return None
    return rel.as_posix()


def symlink_problem(folder: Path, ref: str) -> Text | None:
    """Why ``ref`` must not be followed: it goes through a symbolic link in the issue."""
    rel = ref_rel_path(ref)
    link = symlink_in_path(folder, rel) if rel else None
    if link is None:
        return None
    return text("reason.symlink", ref=ref, link=link)


def is_asset_rel(rel: str) -> bool:
    return PurePosixPath(rel).parts[:1] == (ASSETS_DIR,)


def content_problem(target: Path, rel: str, image: bool) -> Text | None:
    """Why the existing file ``target`` (``rel`` in the issue) must not be published."""
    reason = unsafe_content_reason(target, image or is_asset_rel(rel))
    return text("reason.file", rel=rel, reason=reason) if reason else None


def _stray_asset_problems(folder: Path, reported: set[str]) -> list[Problem]:
    """Links and non-images in assets/ that no card shows: never exported, so warnings."""
    base = folder / ASSETS_DIR
    if base.is_symlink():
        return [problem("symlink", variant="stray", rel=ASSETS_DIR)]
    out: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(base):  # does not descend into linked folders
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            rel = (here / name).relative_to(folder).as_posix()
            if (here / name).is_symlink():
                if rel in reported:
                    continue
                out.append(problem("symlink", variant="stray", rel=rel))
            elif not name.startswith("."):
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if name.startswith(".") or rel in reported:
                continue
            if path.is_symlink():
                out.append(problem("symlink", variant="stray", rel=rel))
                continue
            reason = content_problem(path, rel, image=True)
            if reason:
                out.append(problem("unsafe-asset", variant="stray", reason=reason))
    return out


def _is_relative(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False  # reported as malformed
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _relative_link_problems(
    issue: Issue, ref: LinkRef, name: str, reported: set[str]
) -> list[Problem]:
    """A link without a scheme is a file of the issue, or a web address missing https://."""
    if ref.url.lower().startswith("www."):
        return [problem("malformed-url", card=ref.card, variant="www", url=ref.url, name=name)]
    if issue.folder is None or not urlsplit(ref.url).path:
        return []  # "?x" or "" only: nothing to resolve
    unsafe = _unsafe_file_problem(issue.folder, ref, name, image=False, reported=reported)
    if unsafe is not None:
        return [unsafe]
    try:
        target = local_path(issue.folder, ref.url)
        if STATE_DIR in target.relative_to(issue.folder.resolve()).parts[:1]:
            raise UnsafePathError(text("reason.state-dir", ref=ref.url))
    except UnsafePathError as exc:
        return [problem("unsafe-path", card=ref.card, variant="link", name=name, reason=exc.reason)]
    if not target.exists():
        return [problem("missing-file", card=ref.card, url=ref.url, name=name)]
    if target.is_file():
        return _content_problems(issue.folder, target, ref, name, image=False, reported=reported)
    return []


def _unsafe_file_problem(
    folder: Path, ref: LinkRef, name: str, image: bool, reported: set[str]
) -> Problem | None:
    reason = symlink_problem(folder, ref.url)
    if reason is None:
        return None
    rel = ref_rel_path(ref.url)
    if rel:
        reported.update({rel, symlink_in_path(folder, rel) or rel})
    variant = "image" if image else "link"
    return problem("symlink", card=ref.card, variant=variant, name=name, reason=reason)


def _content_problems(
    folder: Path, target: Path, ref: LinkRef, name: str, image: bool, reported: set[str]
) -> list[Problem]:
    rel = target.relative_to(folder.resolve()).as_posix()
    reported.add(rel)
    reason = content_problem(target, rel, image)
    if reason is None:
        return []
    variant = "image" if image else "link"
    return [problem("unsafe-asset", card=ref.card, variant=variant, name=name, reason=reason)]


def _card_name(issue: Issue, card_id: str) -> str:
    if card_id.startswith(_SECTION_OWNER):
        section_id = card_id[len(_SECTION_OWNER) :]
        section = next((s for s in issue.sections if s.id == section_id), None)
        return f"intro of {section.title or section_id}" if section else section_id
    card = issue.cards.get(card_id)
    if card is None:
        return card_id
    if card.title.strip():
        return card.title
    # An id means nothing to the editor; the number shown in the outline does.
    number = compute_numbers(issue).cards.get(card_id)
    return f"{number} (untitled)" if number else "(untitled)"


def _image_problems_once(
    issue: Issue,
    ref: LinkRef,
    name: str,
    reported: set[str],
    known: dict[tuple, tuple[list[Problem], set[str]]],
) -> list[Problem]:
    """``_image_problems``, looked for once per image, alt text and card in a check: a long
    body may show the same few files thousands of times, and resolving and reading a file
    costs about a millisecond each time. (The problems only depend on that key; the files
    they report are added to ``reported`` each time, as the first look added them.)"""
    key = (ref.url, ref.text, ref.card, name)
    if key not in known:
        added: set[str] = set()
        known[key] = (_image_problems(issue, ref, name, added), added)
    found, added = known[key]
    reported.update(added)
    return list(found)


def _image_problems(issue: Issue, ref: LinkRef, name: str, reported: set[str]) -> list[Problem]:
    out = []
    if not ref.text.strip():
        out.append(problem("missing-alt", card=ref.card, url=ref.url, name=name))
    elif is_generic_alt(ref.text):
        out.append(problem("generic-alt", card=ref.card, url=ref.url, name=name, alt=ref.text))
    if is_remote(ref.url):
        out.append(problem("remote-image", card=ref.card, url=ref.url, name=name))
        return out
    if outside_file(ref.url) is not None:
        # A file of this computer, not of the issue: it can be imported (the fix does it).
        out.append(problem("local-image", card=ref.card, url=ref.url, name=name))
        return out
    if issue.folder is None:
        return out
    unsafe = _unsafe_file_problem(issue.folder, ref, name, image=True, reported=reported)
    if unsafe is not None:
        return [*out, unsafe]
    try:
        path = local_path(issue.folder, ref.url)
    except UnsafePathError as exc:
        out.append(
            problem("unsafe-path", card=ref.card, variant="image", name=name, reason=exc.reason)
        )
        return out
    if not path.is_file():
        out.append(problem("missing-image", card=ref.card, url=ref.url, name=name))
    else:
        out.extend(_content_problems(issue.folder, path, ref, name, True, reported))
    return out


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
