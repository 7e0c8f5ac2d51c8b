"""URLs as comparison keys: the same article behind cosmetic differences is one link.

``normalize_url`` is the key the duplicate check, the link ledger and the inbox compare by;
``strip_tracking`` removes the parameters that only say where a click came from, keeping
every other byte as written.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

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
