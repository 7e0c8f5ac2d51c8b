"""URL policy and asset resolution shared by the preview and every exporter.

Every reference a card makes (an image, a link to a local file, a source URL) passes through
here before it reaches any output: unsafe schemes (javascript:, data:, file: …) are dropped,
relative paths are resolved with ``paths.local_path`` so nothing outside the issue folder is
ever read, and the files that are read are recorded so an exporter copies exactly those.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

from editor_app.core.checks import Problem, content_problem, symlink_problem
from editor_app.core.filesafety import read_regular_file, sniff_format
from editor_app.core.messages import text
from editor_app.core.paths import UnsafePathError, local_path
from editor_app.core.problem_codes import problem
from editor_app.core.storage import ASSETS_DIR, STATE_DIR

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")

# Fixed table rather than the mimetypes module: its answer depends on the machine.
MIME_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".bmp": "image/bmp",
    ".ico": "image/x-icon",
}
IMAGE_SUFFIXES = frozenset(MIME_TYPES)

# Files outside assets/ land here in the output, so they can never collide with assets.
OTHER_FILES_DIR = "_files"


def url_scheme(url: str) -> str:
    """The lower-case scheme of ``url`` as a browser would see it ("" for a relative URL).

    Entities and invisible characters are removed first: ``java&#x09;script:`` is javascript.
    """
    cleaned = _INVISIBLE.sub("", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def safe_url(url: str) -> str | None:
    """``url`` if it is fit for an href (http, https, mailto, relative, fragment), else None."""
    url = url.strip()
    if not url:
        return None
    scheme = url_scheme(url)
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    if _INVISIBLE.sub("", url).startswith("//"):
        return url  # scheme-relative: remote http(s)
    return url


def is_local_ref(url: str) -> bool:
    """A relative reference to a file (not a fragment, not a URL with a scheme or host)."""
    url = url.strip()
    if not url or url.startswith("#") or url.startswith("?"):
        return False
    if url_scheme(url):
        return False
    return not _INVISIBLE.sub("", url).startswith("//")


@dataclass(frozen=True)
class AssetFile:
    """A file of the issue folder that an export copies."""

    source: Path  # resolved path inside the issue folder
    rel: str  # posix path relative to the exported assets folder


@dataclass
class AssetResolver:
    """Maps references in card content to output URLs, recording the files they need.

    ``prefix`` is the URL under which the exported assets folder is reachable ("assets/" for
    the HTML site, "x.png"-style bundles use ""). With ``inline`` images become data: URIs.
    With ``folder`` None (an issue never saved) references are mapped but not checked.
    """

    folder: Path | None
    prefix: str = "assets/"
    inline: bool = False
    files: dict[str, AssetFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    def _report(self, code: str, card: str | None, variant: str = "", **args: object) -> None:
        found = problem(code, card=card, variant=variant, **args)
        key = (code, found.message, card or "")
        if key not in self._seen:
            self._seen.add(key)
            self.problems.append(found)

    def link(self, url: str, card: str | None = None) -> str | None:
        """The output href for a link in card content, or None to leave the link out."""
        if safe_url(url) is None:
            if url.strip():
                self._report("unsafe-url", card, "link", url=url)
            return None
        if not is_local_ref(url):
            return url.strip()
        return self._local(url, card, image=False)

    def image(self, src: str, card: str | None = None) -> str | None:
        """The output src for an image, or None to leave the image out."""
        src = src.strip()
        scheme = url_scheme(src)
        if scheme in {"http", "https"} or (not scheme and src.startswith("//")):
            return src
        if not src or scheme or src.startswith("#"):
            if src:
                self._report("unsafe-url", card, "image", src=src[:60])
            return None
        return self._local(src, card, image=True)

    def _local(self, ref: str, card: str | None, image: bool) -> str | None:
        if self.folder is None:
            path = urlsplit(ref.strip()).path
            prefix = ASSETS_DIR + "/"
            return self.prefix + path[len(prefix) :] if path.startswith(prefix) else ref
        asset = self.asset(ref, card, image)
        if asset is None:
            return None
        if self.inline:
            if image:
                return data_uri(asset.source)
            self._report("not-inlined", card, ref=ref)
            return None
        return self.prefix + self.output_rel_text(ref, asset)

    def asset(self, ref: str, card: str | None = None, image: bool = True) -> AssetFile | None:
        """The issue file ``ref`` names, or None (unsafe or missing: reported and left out)."""
        left_out = "export-image" if image else "export-file"
        if self.folder is None:
            return None
        link = symlink_problem(self.folder, ref)
        if link is not None:
            self._report("symlink", card, left_out, reason=link)
            return None
        try:
            target = local_path(self.folder, ref)
            rel = target.relative_to(self.folder.resolve()).as_posix()
            if rel.split("/", 1)[0] == STATE_DIR:
                raise UnsafePathError(text("reason.state-dir", ref=ref))
        except UnsafePathError as exc:
            self._report("unsafe-path", card, left_out, reason=exc.reason)
            return None
        if not target.is_file():
            self._report("missing-image" if image else "missing-file", card, "export", ref=ref)
            return None
        unsafe = content_problem(target, rel, image)
        if unsafe is not None:
            self._report("unsafe-asset", card, left_out, reason=unsafe)
            return None
        prefix = ASSETS_DIR + "/"
        out_rel = rel[len(prefix) :] if rel.startswith(prefix) else f"{OTHER_FILES_DIR}/{rel}"
        asset = AssetFile(target, out_rel)
        self.files.setdefault(out_rel, asset)
        return asset

    @staticmethod
    def output_rel_text(ref: str, asset: AssetFile) -> str:
        """The URL text for ``asset`` relative to the assets folder.

        A plain ``assets/…`` reference keeps its own spelling (so an export imports back to
        the same text); anything else is percent-encoded from the file path.
        """
        path = urlsplit(ref.strip()).path
        prefix = ASSETS_DIR + "/"
        if path.startswith(prefix) and ".." not in PurePosixPath(path).parts:
            return path[len(prefix) :]
        return quote(asset.rel)

    def sorted_files(self) -> list[AssetFile]:
        return [self.files[k] for k in sorted(self.files)]


def data_uri(path: Path) -> str:
    """The image at ``path`` as a data: URI, typed by its bytes (never by its name)."""
    data = read_regular_file(path)
    fmt = sniff_format(data)
    mime = f"image/{fmt.lower()}" if fmt else MIME_TYPES.get(path.suffix.lower(), "")
    return f"data:{mime or 'application/octet-stream'};base64," + base64.b64encode(data).decode(
        "ascii"
    )
