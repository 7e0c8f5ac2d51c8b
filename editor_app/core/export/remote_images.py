"""Remote images in the HTML exports: fetched into the export, or kept remote and allowed.

A card may show an image from another site (``![alt](https://…/x.png)``). The HTML page's
Content-Security-Policy must never block an image the page shows, so every export ends in one
of two states:

* the editor allows remote fetches for the export (``ExportOptions.allow_remote``, the
  ``--allow-remote`` flag, the panel's check box): each remote image is downloaded once, at
  most ``remote_image_max_bytes`` long, checked by content with the image pipeline (PNG, JPEG,
  WebP, GIF; metadata stripped) and then embedded as a data: URI (single file) or written
  into the site's ``assets/remote/``. An image that cannot be fetched is left out (its alt
  text stays) and listed as a ``remote-image-failed`` warning; the page needs no remote
  source at all.
* otherwise the images stay remote and the page's policy allows ``https:`` (and ``http:``)
  images, so they load from their sites when the page is opened.

The network is used only in the first case, and only while the export runs.
"""

from __future__ import annotations

import base64
import http.client
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from editor_app.core.checks import Problem
from editor_app.core.errors import ImageError
from editor_app.core.images.pipeline import ProcessedImage, process_image
from editor_app.core.images.remote import download, failure_reason, size_text
from editor_app.core.links import issue_links
from editor_app.core.markup.assets import AssetResolver, url_scheme
from editor_app.core.messages import Text
from editor_app.core.model import Issue
from editor_app.core.problem_codes import problem

REMOTE_ASSETS = "remote"  # sub-folder of the site's assets/ for fetched images
FETCH_TIMEOUT = 15.0
_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}

Fetcher = Callable[[str, float, int], bytes]


def is_remote_src(src: str) -> bool:
    """An image source on another site: http(s) or scheme-relative (``//host/x.png``)."""
    src = src.strip()
    scheme = url_scheme(src)
    return scheme in ("http", "https") or (not scheme and src.startswith("//"))


def fetch_url(src: str) -> str:
    """The URL to download for ``src`` (a scheme-relative source is fetched over https)."""
    src = src.strip()
    return "https:" + src if src.startswith("//") else src


@dataclass(frozen=True)
class RemoteRef:
    url: str  # as written in the card (the key the renderer sees)
    card: str  # the first card that shows it


def remote_image_refs(issue: Issue) -> list[RemoteRef]:
    """Every distinct remote image of the issue, in outline order."""
    seen: dict[str, RemoteRef] = {}
    for ref in issue_links(issue):
        if ref.kind == "image" and is_remote_src(ref.url) and ref.url.strip() not in seen:
            seen[ref.url.strip()] = RemoteRef(ref.url.strip(), ref.card)
    return list(seen.values())


@dataclass(frozen=True)
class FetchedImage:
    url: str
    image: ProcessedImage

    @property
    def rel(self) -> str:
        """Its path inside the exported assets folder."""
        return f"{REMOTE_ASSETS}/{self.image.name}"

    def data_uri(self) -> str:
        encoded = base64.b64encode(self.image.data).decode("ascii")
        return f"data:{_MIME[self.image.format]};base64,{encoded}"


@dataclass
class RemoteImages:
    """The outcome of fetching: images by source URL, and the sources that failed (why)."""

    fetched: dict[str, FetchedImage] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def fetch_remote_images(
    refs: list[RemoteRef],
    max_bytes: int,
    *,
    timeout: float = FETCH_TIMEOUT,
    fetcher: Fetcher = download,
) -> Iterator[tuple[int, int, str]]:
    """Download and check each image; yield (done, total, url) after each one.

    The generator's return value (``result = yield from …``) is the RemoteImages. A failure
    never stops the others: it is recorded with its reason and a warning naming the card.
    """
    result = RemoteImages()
    total = len(refs)
    for done, ref in enumerate(refs, start=1):
        url = fetch_url(ref.url)
        try:
            data = fetcher(url, timeout, max_bytes)
            image = process_image(data, url)
        except (ImageError, ValueError, OSError, http.client.HTTPException) as exc:
            if isinstance(exc, ImageError):
                reason: Text | str = failure_reason(exc)
            else:
                reason = str(exc) or type(exc).__name__
            result.failed[ref.url] = str(reason)
            result.problems.append(
                problem("remote-image-failed", card=ref.card, url=ref.url, reason=reason)
            )
        else:
            result.fetched[ref.url] = FetchedImage(ref.url, image)
        yield done, total, url
    return result


def fetch_all(refs: list[RemoteRef], max_bytes: int) -> RemoteImages:
    """fetch_remote_images run to the end, without progress."""
    steps = fetch_remote_images(refs, max_bytes)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


@dataclass
class RemoteImageResolver(AssetResolver):
    """An AssetResolver that maps remote images to what was fetched for them.

    With ``remote`` None nothing was fetched: remote images stay as written and are recorded
    in ``kept`` (the page must then allow remote images). With ``remote`` set, a fetched image
    becomes a data: URI (``inline``) or its file under the assets prefix, a failed one is left
    out, and one the scan did not see (none expected) stays remote and is recorded.
    """

    remote: RemoteImages | None = None
    kept: list[str] = field(default_factory=list)
    fetched_files: dict[str, FetchedImage] = field(default_factory=dict)  # by rel, not inline

    def image(self, src: str, card: str | None = None) -> str | None:
        new = super().image(src, card)
        if new is None or not is_remote_src(new):
            return new
        key = new.strip()
        if self.remote is not None:
            fetched = self.remote.fetched.get(key)
            if fetched is not None:
                if self.inline:
                    return fetched.data_uri()
                self.fetched_files[fetched.rel] = fetched
                return self.prefix + fetched.rel
            if key in self.remote.failed:
                return None
        if key not in self.kept:
            self.kept.append(key)
        return new


def preflight_problems(issue: Issue, *, fetch: bool, single: bool, max_bytes: int) -> list[Problem]:
    """The statement of what the export will do with the issue's remote images."""
    count = len(remote_image_refs(issue))
    if not count:
        return []
    variant = ("one-" if count == 1 else "many-") + ("file" if single else "site")
    if fetch:
        limit = size_text(max_bytes)
        return [problem("remote-images-fetched", variant=variant, count=count, limit=limit)]
    return [problem("remote-images-kept", variant=variant, count=count)]
