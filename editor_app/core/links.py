"""The link index of an issue: every URL with its card, kind and position."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from editor_app.core.model import Issue
from editor_app.core.render import render_markdown

LINK_KINDS = ("source", "link", "inline", "further", "image")

# Query parameters that only track where a click came from.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
_TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mkt_tok", "ref_src",
    "spm", "from", "share_token", "si", "_ga", "vero_id", "oly_enc_id", "oly_anon_id",
}  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class LinkRef:
    card: str
    url: str
    text: str
    kind: str  # one of LINK_KINDS
    index: int = 0  # position among links of this kind in the card (field index or body order)
    line: int | None = None  # body line for inline links and images

    def to_json(self) -> dict:
        return {"card": self.card, "url": self.url, "text": self.text, "kind": self.kind}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters, otherwise untouched."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def normalize_url(url: str) -> str:
    """A comparison key: the same article behind cosmetic differences maps to one string."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        return url
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    )
    # http and https of one page are one article.
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def card_links(issue: Issue, card_id: str) -> list[LinkRef]:
    card = issue.cards[card_id]
    out: list[LinkRef] = []
    if card.source and card.source.url:
        out.append(LinkRef(card.id, card.source.url, card.source.title, "source"))
    for i, link in enumerate(card.links):
        out.append(LinkRef(card.id, link.url, link.label, "link", i))
    rendered = render_markdown(card.body)
    for i, found in enumerate(rendered.links):
        if found.url.startswith("#"):
            continue
        out.append(LinkRef(card.id, found.url, found.text, "inline", i, found.line))
    for i, fr in enumerate(card.further_reading):
        out.append(LinkRef(card.id, fr.url, fr.title, "further", i))
    for i, img in enumerate(rendered.images):
        out.append(LinkRef(card.id, img.src, img.alt, "image", i, img.line))
    return out


def issue_links(issue: Issue) -> list[LinkRef]:
    out: list[LinkRef] = []
    for card in issue.ordered_cards():
        if not card.unreadable:
            out.extend(card_links(issue, card.id))
    return out
