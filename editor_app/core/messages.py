"""Core's own sentences that are neither problems nor import guesses, keyed; no Qt.

Errors (image pipeline, export, locks), the reasons that fill a problem's ``{reason}``, an
asset's flags and an export's progress are said as a ``Text``: a key of ``TEXTS`` and its
arguments. ``str()`` of a Text is the English sentence, so logs, JSON and tests read as
before; the catalog (``core/i18n_catalog.py``) says the same Text in the editor's language
by its key, never by matching the English words.

A template may be plural: a mapping from a CLDR plural category ("one", "other") to a
template, chosen by the ``count`` argument (``plural_template``). A language without
plural forms (Chinese) gives "other" only.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "COUNT",
    "TEXTS",
    "Names",
    "Template",
    "Text",
    "english",
    "plural_template",
    "template_fields",
    "template_forms",
    "text",
]

Template = str | Mapping[str, str]
COUNT = "count"  # the argument a plural template is chosen by

_IMAGE_KINDS = "PNG, JPEG, WebP and GIF"

TEXTS: dict[str, Template] = {
    # -- the image pipeline ----------------------------------------------------------------
    "image.bomb": "refused: the image claims more pixels than any real picture has "
    "(a decompression bomb?)",
    "image.damaged-start": "damaged image: it starts like a {format} file but cannot be read",
    "image.damaged": "damaged or truncated image ({detail})",
    "image.no-pixels": "empty image: it has no pixels",
    "image.too-many-pixels": "refused: {width}x{height} pixels is more than the limit of "
    "{limit:,} (a decompression bomb?)",
    "image.animation-too-large": {
        "one": "refused: an animation of {count} frame is too large",
        "other": "refused: an animation of {count} frames is too large",
    },
    "image.truncated": "truncated image: the file ends before the image does",
    "image.undecodable": "damaged image: it cannot be decoded ({detail})",
    "image.not-accepted": "not an accepted image: this is {what}; "
    f"only {_IMAGE_KINDS} images are accepted",
    "image.out-of-memory": "image too large to process in memory",
    "image.file-too-large": "file too large ({megabytes:.0f} MB; the limit is 64 MB)",
    "image.not-a-file": "not a file",
    "image.file-not-found": "file not found",
    "image.permission-denied": "cannot read the file (permission denied)",
    "image.cannot-read-file": "cannot read the file ({detail})",
    "image.cannot-read": "cannot read the image ({detail})",
    "image.far-too-many-pixels": "refused: far too many pixels",
    "image.no-such-asset": "no such asset",
    "image.issue-folder-not-found": "issue folder not found",
    "image.oversize-width": "{width} px wide, more than {limit}",
    "image.oversize-bytes": "{megabytes:.1f} MB, more than {limit:.1f} MB",
    # fetching a remote image
    "remote.failed": "{url}: {reason}",
    "remote.only-http": "only http:// and https:// images can be fetched",
    "remote.too-large": "the image is too large ({size}; the limit is {limit})",
    "remote.over-limit": "the image is too large (over the limit of {limit})",
    "remote.http-status": "the server answered {status} {detail}",
    "remote.cannot-download": "cannot download: {detail}",
    # -- what a file's bytes are (filesafety.describe_content) ------------------------------
    "content.heic": "a HEIC/HEIF image",
    "content.avif": "an AVIF image",
    "content.video": "a video or ISO media file",
    "content.bmp": "a BMP image",
    "content.tiff": "a TIFF image",
    "content.pdf": "a PDF document",
    "content.icon": "an icon file",
    "content.psd": "a PSD file",
    "content.zip": "a ZIP archive",
    "content.gzip": "a gzip file (perhaps a compressed SVG)",
    "content.svg": "an SVG drawing",
    "content.html": "an HTML page",
    "content.empty": "an empty file",
    "content.text": "a text file",
    "content.unknown": "not an image we recognise",
    # -- why a file must not be published (problem reasons) ---------------------------------
    "reason.unreadable": "cannot be read ({detail})",
    "reason.not-an-image": f"is not a {_IMAGE_KINDS.replace(' and ', ' or ')} image",
    "reason.not-an-image-but": f"is {{what}}, not a {_IMAGE_KINDS.replace(' and ', ' or ')} image",
    "reason.active-suffix": "is a web page or script file, which would run on the published site",
    "reason.active-content": "is {what}, which would run on the published site",
    "reason.file": "'{rel}' {reason}",
    "reason.symlink": "{ref!r} goes through the symbolic link '{link}'; links are never followed",
    "reason.state-dir": "{ref!r} points into Masthead's private state",
    "path.unparsable": "{ref!r} cannot be read as a path",
    "path.not-inside": "{ref!r} is not a path inside the issue",
    "path.absolute": "{ref!r} is an absolute path",
    "path.leaves": "{ref!r} leaves the issue folder",
    "path.unresolvable": "{ref!r} cannot be resolved",
    "path.outside": "{ref!r} points outside the issue folder",
    # -- an asset's flags in the image panel and `masthead image list` ----------------------
    "asset-flag.missing": "Missing file",
    "asset-flag.unreadable": "Unreadable",
    "asset-flag.unused": "Unused",
    "asset-flag.oversize": "Too large",
    "asset-flag.missing-alt": "No alt text",
    "asset-flag.generic-alt": "Generic alt text",
    "asset-flag.symlink": "Symbolic link",
    "asset-flag.unsafe-asset": "Not an image",
    "asset-flag.none": "ok",
    # -- exporting -------------------------------------------------------------------------
    "export.unknown-profile": "unknown {format} profile {profile!r}; choose one of: {choices}",
    "export.preflight": {
        "one": "export stopped: {count} error found by the checks",
        "other": "export stopped: {count} errors found by the checks",
    },
    "export.out-is-file": "the output folder is a file",
    "export.name-clash": "two files of the export share the name {rel!r}",
    "export.outside": "{rel} would be written outside the output folder",
    "export.is-folder": "{rel} exists and is a folder",
    "export.other-content": "{rel} exists with other content; not overwritten",
    "progress.rendering": "rendering {format} ({profile})",
    "progress.wrote": "wrote {rel}",
    "progress.fetched": "fetched image {done}/{total}: {url}",
    "progress.done": "done",
    # -- importing a file, creating an issue ----------------------------------------------
    "import.unknown-format": "unknown import format {format!r}",
    "import.empty": "the file is empty",
    "import.bad-slug": "slug {slug!r} may hold only letters, digits, '.', '_' and '-'",
    "import.unknown-status": "unknown status {status!r}; choose draft or published",
    "import.exists": "an issue named '{slug}' already exists",
    "import.outside": "refusing to write {rel!r} outside the new issue folder",
    "import.too-large": "file is too large to import ({size} bytes)",
    "import.not-found": "file not found",
    "import.is-folder": "is a folder, not a file",
    "import.cannot-read": "cannot read file: {detail}",
    "import.binary": "binary data, not text",
    "import.not-utf8": "not UTF-8 text (save the file as UTF-8)",
    # -- reading an issue ------------------------------------------------------------------
    "read.not-found": "file not found",
    "read.cannot-read": "cannot read file: {detail}",
    "read.not-utf8": "not valid UTF-8 text",
    "read.symlink": "is a symbolic link; card files must be regular files of the issue",
    "read.cards-symlink": "the {folder} folder is a symbolic link; card files must be inside "
    "the issue",
    "read.no-front-matter": "card file must start with a '---' front matter line",
    "read.front-matter-open": "front matter is not closed by a '---' line",
    "read.not-issue": "not an issue folder (no issue.yaml)",
    "read.unreadable-card": "{where}{reason}",
    # -- outline edits the editor can attempt ----------------------------------------------
    "outline.unreadable-duplicate": "a card whose file cannot be read cannot be duplicated",
    "outline.into-own-subtree": "a card cannot be moved into its own subtree",
    # -- a list of names in a message ("'a', 'b'"), see Names ---------------------------------
    "names.item": "'{name}'",
    "names.separator": ", ",
    # -- checking links over the network ---------------------------------------------------
    "linkcheck.dns": "host name not found (DNS)",
    "linkcheck.refused": "connection refused",
    "linkcheck.no-connection": "no connection within {seconds:g} s",
    "linkcheck.no-answer": "no answer within {seconds:g} s",
    "linkcheck.tls-certificate": "TLS certificate problem: {detail}",
    "linkcheck.tls": "TLS error: {detail}",
    "linkcheck.network-unreachable": "network unreachable ({detail})",
    "linkcheck.closed": "the server closed the connection",
    "linkcheck.loop": "redirect loop",
    "linkcheck.off-web": "redirects off the web",
    "linkcheck.too-many-redirects": {
        "one": "more than {count} redirect",
        "other": "more than {count} redirects",
    },
    "linkcheck.not-web": "not a web address",
    "linkcheck.not-checked-offline": "not checked: no network",
    "linkcheck.not-checked-cancelled": "not checked: cancelled",
    "linkcheck.no-dns": "no network: host names cannot be resolved (are you offline?)",
    "linkcheck.cancelled": "link check cancelled",
    "linkcheck.unreachable": "no network: no server could be reached (are you offline?)",
    # -- another program holds the issue ---------------------------------------------------
    "file.merge-conflict": "holds an unresolved git merge conflict: choose a version in the "
    "Sync panel, or keep one side and delete the marker lines",
    "lock.open-elsewhere": "open in Masthead (pid {pid} on {host}); close it or use --wait",
    "lock.still-open": "still open in Masthead (pid {pid} on {host}) after waiting {seconds:g} s",
    "lock.still-writing": "another program is still writing this issue after {seconds:g} s",
}


@dataclass(frozen=True)
class Text:
    """A sentence of ``TEXTS`` with its arguments; ``str()`` gives the English."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return english(self.key, self.args)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass(frozen=True)
class Names:
    """Names listed in a message, quoted and joined the way the reader's language does it."""

    items: tuple[str, ...]

    def __str__(self) -> str:
        return join_names(self.items, TEXTS["names.item"], TEXTS["names.separator"])

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def join_names(items: tuple[str, ...], item: Template, separator: Template) -> str:
    assert isinstance(item, str) and isinstance(separator, str)
    return separator.join(item.format(name=name) for name in items)


def text(key: str, **args: Any) -> Text:
    """The Text ``key`` of ``TEXTS``; a KeyError for an undeclared key, at once."""
    if key not in TEXTS:
        raise KeyError(f"text {key!r} is not declared in core/messages.py")
    return Text(key, args)


def plural_template(template: Template, count: Any, language: str = "en") -> str:
    """The form of a (possibly plural) template for ``count`` in ``language``."""
    if isinstance(template, str):
        return template
    category = "one" if language == "en" and count == 1 else "other"
    return template.get(category) or template["other"]


def template_forms(template: Template) -> list[str]:
    """Every form of a template (one for a plain template)."""
    return [template] if isinstance(template, str) else list(template.values())


def template_fields(template: Template) -> set[str]:
    """The named fields of every form of a template."""
    return {
        name
        for form in template_forms(template)
        for _, name, _, _ in string.Formatter().parse(form)
        if name
    }


def english(key: str, args: Mapping[str, Any]) -> str:
    """The English sentence of ``key`` filled with ``args``."""
    return plural_template(TEXTS[key], args.get(COUNT)).format(**args)
