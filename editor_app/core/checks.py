"""Pre-publish checks. Each problem has a stable code (DESIGN section 4)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from editor_app.core.links import LinkRef, issue_links, normalize_url
from editor_app.core.model import Issue
from editor_app.core.paths import UnsafePathError, is_remote, local_path
from editor_app.core.render import render_markdown
from editor_app.core.render_limits import (
    MAX_BLOCK_DEPTH,
    MAX_BRACKET_DEPTH,
    MAX_INLINE_DEPTH,
    TIME_BUDGET_SECONDS,
    LimitReport,
)
from editor_app.core.storage import STATE_DIR

ERROR = "error"
WARNING = "warning"

# Codes about rendering (core/render_limits.py); the others are written where they are found.
RENDER_LIMIT = "render-limit"  # error: a text was not rendered, an error box stands in for it
RENDER_SLOW = "render-slow"  # warning: rendering took longer than the time budget
DEEP_NESTING = "deep-nesting"  # warning: structure past the depth caps is shown as text

GENERIC_ALT = {
    "image", "img", "picture", "photo", "screenshot", "图片", "图像", "截图", "配图", "插图",
    "an image to describe post", "image description", "alt", "untitled", "pic",
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    card: str | None = None

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "card": self.card,
        }


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
        out.append({"card": ref.card, "path": ref.url, "alt": ref.text, "exists": exists})
    return out


FeaturedLookup = Callable[[str], list[tuple[str, str]]]  # url -> [(issue slug, card id)]


def check_issue(issue: Issue, featured: FeaturedLookup | None = None) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append

    for section in issue.sections:
        if not section.card_ids:
            add(Problem(WARNING, "empty-section", f"section '{section.title}' has no cards"))

    for _section, card, depth in issue.iter_cards():
        if card.unreadable:
            add(Problem(ERROR, "unreadable-file", card.unreadable, card.id))
            continue
        name = card.title or card.id
        if card.is_empty():
            add(Problem(ERROR, "empty-card", f"card '{name}' has no content", card.id))
        if not card.title.strip():
            add(Problem(WARNING, "untitled-card", f"card {card.id} has no title", card.id))
        no_source = not card.source or not card.source.url
        if no_source and not card.child_ids and depth == 0 and card.kind not in {"meme", "roundup"}:
            add(Problem(WARNING, "missing-source", f"card '{name}' has no source link", card.id))
        problems.extend(_render_problems(card.id, name, card.body, card.note))

    links = issue_links(issue)
    seen: dict[str, list[LinkRef]] = defaultdict(list)
    for ref in links:
        name = _card_name(issue, ref.card)
        if ref.kind == "image":
            problems.extend(_image_problems(issue, ref, name))
            continue
        if ref.kind == "inline" and _is_relative(ref.url):
            problems.extend(_relative_link_problems(issue, ref, name))
            continue
        reason = url_problem(ref.url)
        if reason:
            add(Problem(ERROR, "malformed-url", f"link '{ref.url}' in '{name}' {reason}", ref.card))
            continue
        if ref.url.lower().startswith("http://"):
            add(
                Problem(
                    WARNING,
                    "insecure-url",
                    f"link '{ref.url}' in '{name}' uses http; https may exist",
                    ref.card,
                )
            )
        seen[normalize_url(ref.url)].append(ref)

    for key, refs in seen.items():
        cards = {r.card for r in refs}
        same_card_same_kind = len(refs) > len({(r.card, r.kind) for r in refs})
        if len(cards) > 1 or same_card_same_kind:
            names = ", ".join(
                f"'{_card_name(issue, c)}'" for c in dict.fromkeys(r.card for r in refs)
            )
            for card_id in dict.fromkeys(r.card for r in refs):
                add(
                    Problem(
                        WARNING,
                        "duplicate-link",
                        f"{refs[0].url} appears more than once: {names}",
                        card_id,
                    )
                )
        if featured is not None:
            for slug, other_card in featured(key)[:1]:
                add(
                    Problem(
                        WARNING,
                        "featured-before",
                        f"{refs[0].url} was already featured in issue '{slug}' (card {other_card})",
                        refs[0].card,
                    )
                )
    return problems


def _render_problems(card_id: str, name: str, body: str, note: str) -> list[Problem]:
    out = []
    for part, text in (("body", body), ("editor's note", note)):
        if not text.strip():
            continue
        report = _limit_report(text)
        if report.refused:
            message = f"the {part} of '{name}' could not be rendered ({report.detail}); "
            message += "an error box stands in for it"
            out.append(Problem(ERROR, RENDER_LIMIT, message, card_id))
            continue
        if report.neutralised:
            message = (
                f"the {part} of '{name}' nests lists or quotes deeper than {MAX_BLOCK_DEPTH} "
                f"levels, or links and emphasis deeper than {MAX_INLINE_DEPTH} "
                f"(link brackets {MAX_BRACKET_DEPTH}); "
                f"the deeper part is shown as plain text ({report.neutralised} places)"
            )
            out.append(Problem(WARNING, DEEP_NESTING, message, card_id))
        if report.slow:
            message = (
                f"the {part} of '{name}' took {report.seconds:.1f} s to render "
                f"(budget {TIME_BUDGET_SECONDS:g} s); the preview will lag"
            )
            out.append(Problem(WARNING, RENDER_SLOW, message, card_id))
    return out


# Checks run after every pause in typing: remember what each text's render did, by digest
# (not by text, so the cache stays small), and render only texts that changed.
_REPORTS: OrderedDict[bytes, LimitReport] = OrderedDict()
_REPORTS_LOCK = threading.Lock()
_REPORTS_KEPT = 512


def _limit_report(text: str) -> LimitReport:
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    with _REPORTS_LOCK:
        report = _REPORTS.get(key)
        if report is not None:
            _REPORTS.move_to_end(key)
            return report
    report = render_markdown(text).limits
    with _REPORTS_LOCK:
        _REPORTS[key] = report
        while len(_REPORTS) > _REPORTS_KEPT:
            _REPORTS.popitem(last=False)
    return report


def _is_relative(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False  # reported as malformed
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _relative_link_problems(issue: Issue, ref: LinkRef, name: str) -> list[Problem]:
    """A link without a scheme is a file of the issue, or a web address missing https://."""
    if ref.url.lower().startswith("www."):
        message = f"link '{ref.url}' in '{name}' has no https:// in front"
        return [Problem(ERROR, "malformed-url", message, ref.card)]
    if issue.folder is None or not urlsplit(ref.url).path:
        return []  # "?x" or "" only: nothing to resolve
    try:
        target = local_path(issue.folder, ref.url)
        if STATE_DIR in target.relative_to(issue.folder.resolve()).parts[:1]:
            raise UnsafePathError(f"{ref.url!r} points into Masthead's private state")
    except UnsafePathError as exc:
        return [Problem(ERROR, "unsafe-path", f"link in '{name}': {exc}", ref.card)]
    if not target.exists():
        message = f"linked file '{ref.url}' in '{name}' does not exist"
        return [Problem(ERROR, "missing-file", message, ref.card)]
    return []


def _card_name(issue: Issue, card_id: str) -> str:
    card = issue.cards.get(card_id)
    return (card.title or card_id) if card else card_id


def _image_problems(issue: Issue, ref: LinkRef, name: str) -> list[Problem]:
    out = []
    if not ref.text.strip():
        out.append(
            Problem(
                ERROR, "missing-alt", f"image '{ref.url}' in '{name}' has no alt text", ref.card
            )
        )
    elif is_generic_alt(ref.text):
        out.append(
            Problem(
                WARNING,
                "generic-alt",
                f"image '{ref.url}' in '{name}' has alt text '{ref.text}' that describes nothing",
                ref.card,
            )
        )
    if is_remote(ref.url):
        out.append(
            Problem(
                WARNING,
                "remote-image",
                f"image '{ref.url}' in '{name}' is remote; fetch it into assets/",
                ref.card,
            )
        )
        return out
    if issue.folder is None:
        return out
    try:
        path = local_path(issue.folder, ref.url)
    except UnsafePathError as exc:
        out.append(Problem(ERROR, "unsafe-path", f"image in '{name}': {exc}", ref.card))
        return out
    if not path.is_file():
        out.append(
            Problem(
                ERROR, "missing-image", f"image '{ref.url}' in '{name}' does not exist", ref.card
            )
        )
    return out


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
