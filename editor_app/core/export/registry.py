"""The export registry: every format, profile and option, declared once.

The export panel (its combo boxes, hints and option widgets), ``masthead export`` (its
choices, flags and help), the ``export:`` mapping of issue.yaml (which keys mean what, their
defaults) and the table in docs/export-import.md all read ``EXPORTS``. Adding an exporter is
one module with an ``Exporter`` subclass plus one ``FormatSpec`` here.

Labels, hints and tooltips are English; the GUI translates them (gui/panels/export_labels.py),
so this module stays free of Qt. Exporter classes are named by "module:Class" and imported on
first use, so loading the registry does not load the renderer. ``ExportOptions`` is here too:
the options are declared here, and base.py imports this module (never the reverse).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: base.py imports this module
    from editor_app.core.export.base import Exporter

TEXT, FLAG, MEGABYTES = "text", "flag", "megabytes"
REMOTE_IMAGE_MAX_MB = 5  # the default cap of each fetched remote image


REMOTE_IMAGE_MAX_BYTES = REMOTE_IMAGE_MAX_MB * 1_000_000


def megabytes(value: Any) -> int:
    """Bytes for a ``remote_image_max_mb`` setting; the default when missing or not positive."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        return REMOTE_IMAGE_MAX_BYTES
    return int(value * 1_000_000)


@dataclass
class ExportOptions:
    profile: str = ""  # "" = the exporter's first profile
    image_prefix: str = ""  # Markdown: URL prefix for images (a CDN); "" = relative paths
    force: bool = False  # export despite error-level problems
    # HTML: fetch remote images into the export (embedded or into assets/); off, they stay
    # remote and the page's policy lets them load from their sites.
    allow_remote: bool = False
    remote_image_max_bytes: int = REMOTE_IMAGE_MAX_BYTES  # per fetched image
    overwrite: bool = True  # False: refuse to replace an existing file whose bytes differ
    # WeChat and email: the channel style's accent colour (#rgb or #rrggbb) and body font
    # size in px, as typed; "" = the channel's own. Checked by channel_styles.py.
    accent_color: str = ""
    body_font_size: str = ""

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> ExportOptions:
        """Options from the ``export:`` mapping of issue.yaml (unknown keys ignored)."""
        return EXPORTS.options_from_settings(settings)


@dataclass(frozen=True)
class ExportOption:
    """One option: an ``export:`` key in issue.yaml, a ``--flag`` and (with a label) a widget."""

    key: str  # the issue.yaml key; the CLI flag is --key-with-dashes
    kind: str  # TEXT, FLAG or MEGABYTES (a positive number of MB, stored as bytes)
    attr: str  # the ExportOptions field it sets
    default: Any
    help: str  # the CLI's help
    label: str = ""  # the panel's label; "" = not shown in the panel (issue.yaml and CLI only)
    tooltip: str = ""
    placeholder: str = ""
    metavar: str | None = None
    stored: bool = True  # False: for one run only, never written into issue.yaml
    every_format: bool = False  # accepted by every format without being listed

    @property
    def flag(self) -> str:
        return "--" + self.key.replace("_", "-")

    def from_setting(self, value: Any) -> Any:
        """The ExportOptions value for a value read from issue.yaml (the default if unusable)."""
        if self.kind == FLAG:
            return bool(value) if value is not None else self.default
        if self.kind == MEGABYTES:
            return megabytes(value)
        return str(value or self.default)

    def panel_value(self, value: Any) -> Any:
        """How the panel shows a value read from issue.yaml."""
        return bool(value) if self.kind == FLAG else str(value or self.default)


@dataclass(frozen=True)
class ProfileSpec:
    name: str
    label: str  # the panel's combo box
    files: str  # the files written, as the docs' table says it (Markdown)
    hint: str  # the panel's line under the combo box: %1 is the slug, %2 the date


@dataclass(frozen=True)
class FormatSpec:
    name: str
    label: str
    exporter: str | type[Exporter]  # "module:Class", imported on first use, or the class
    profiles: tuple[ProfileSpec, ...]  # the first is the default
    options: tuple[str, ...] = ()  # option keys its profiles accept, besides every_format ones

    @property
    def profile_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.profiles)


class ExportRegistry:
    """Formats and options in declaration order. Copy it to extend it (tests do)."""

    def __init__(
        self, options: tuple[ExportOption, ...] = (), formats: tuple[FormatSpec, ...] = ()
    ):
        self._options: dict[str, ExportOption] = {}
        self._formats: dict[str, FormatSpec] = {}
        for option in options:
            self.add_option(option)
        for spec in formats:
            self.add_format(spec)

    def copy(self) -> ExportRegistry:
        """A registry with the same entries; adding to it leaves this one alone."""
        return ExportRegistry(self.options, self.formats)

    def add_option(self, option: ExportOption) -> None:
        if option.key in self._options:
            raise ValueError(f"export option {option.key!r} declared twice")
        self._options[option.key] = option

    def add_format(self, spec: FormatSpec) -> None:
        if spec.name in self._formats:
            raise ValueError(f"export format {spec.name!r} declared twice")
        if not spec.profiles:
            raise ValueError(f"export format {spec.name!r} has no profile")
        taken = {p for f in self._formats.values() for p in f.profile_names}
        clash = taken.intersection(spec.profile_names)
        if clash or len(set(spec.profile_names)) != len(spec.profiles):
            raise ValueError(f"export profile names must be unique: {sorted(clash)}")
        unknown = [k for k in spec.options if k not in self._options]
        if unknown:
            raise ValueError(f"export format {spec.name!r} names unknown options {unknown}")
        self._formats[spec.name] = spec

    # -- reading ---------------------------------------------------------------------------
    @property
    def formats(self) -> tuple[FormatSpec, ...]:
        return tuple(self._formats.values())

    @property
    def format_names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    @property
    def options(self) -> tuple[ExportOption, ...]:
        return tuple(self._options.values())

    @property
    def profile_names(self) -> tuple[str, ...]:
        """Every profile of every format."""
        return tuple(p for f in self.formats for p in f.profile_names)

    def format(self, name: str) -> FormatSpec:
        try:
            return self._formats[name]
        except KeyError:
            choices = ", ".join(self._formats)
            raise ValueError(f"unknown export format {name!r}; choose one of: {choices}") from None

    def has_format(self, name: str) -> bool:
        return name in self._formats

    def option(self, key: str) -> ExportOption:
        return self._options[key]

    def accepts(self, fmt: str, key: str) -> bool:
        """True when ``fmt``'s profiles take the option ``key``."""
        option = self._options.get(key)
        if option is None or fmt not in self._formats:
            return False
        return option.every_format or key in self._formats[fmt].options

    def options_for(self, fmt: str) -> tuple[ExportOption, ...]:
        return tuple(o for o in self.options if self.accepts(fmt, o.key))

    def formats_accepting(self, key: str) -> tuple[str, ...]:
        return tuple(f for f in self._formats if self.accepts(f, key))

    def exporter(self, fmt: str) -> Exporter:
        """A new exporter for ``fmt``, knowing its profiles; ValueError for an unknown format."""
        spec = self.format(fmt)
        cls = spec.exporter
        if isinstance(cls, str):
            module, _, name = cls.partition(":")
            cls = getattr(importlib.import_module(module), name)
        exporter = cls()
        exporter.name = spec.name
        exporter.profiles = spec.profile_names
        return exporter

    def options_from_settings(self, settings: dict[str, Any] | None) -> ExportOptions:
        """ExportOptions from the ``export:`` mapping of issue.yaml (unknown keys ignored)."""
        settings = settings or {}
        options = ExportOptions(profile=str(settings.get("profile") or ""))
        for option in self.options:
            if option.stored:
                setattr(options, option.attr, option.from_setting(settings.get(option.key)))
        return options

    # -- text for the CLI and the docs ---------------------------------------------------------
    def profiles_help(self) -> str:
        """ "markdown: hugo, jekyll, plain; html: site, single-file"."""
        return "; ".join(f"{f.name}: {', '.join(f.profile_names)}" for f in self.formats)

    def option_help(self, option: ExportOption) -> str:
        """The CLI help of an option, prefixed with the formats that take it."""
        text = option.help
        if option.kind == MEGABYTES:
            text += f" (default: issue setting, else {option.default} MB)"
        formats = self.formats_accepting(option.key)
        if option.every_format or len(formats) == len(self._formats):
            return text
        return f"{', '.join(formats)}: {text}"

    def docs_rows(self) -> list[tuple[str, str, str]]:
        """(format, profile, files written) for each profile: the docs' table."""
        return [(f.name, f"`{p.name}`", p.files) for f in self.formats for p in f.profiles]

    def docs_table(self) -> str:
        """The table of docs/export-import.md, in the widths it is written with."""
        head = ("format", "profile", "files written (relative to `--out`)")
        rows = [head, *self.docs_rows()]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]

        def line(cells: tuple[str, ...]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        return "\n".join([line(head), rule, *(line(r) for r in rows[1:])])


EXPORTS = ExportRegistry(
    options=(
        ExportOption(
            "image_prefix", TEXT, "image_prefix", "",
            help="URL prefix for images (CDN)",
            label="&Image URL prefix",
            tooltip="Markdown: a URL put before image names, for a CDN (images are still written).",
            placeholder="none: images beside the page",
            metavar="URL",
        ),
        ExportOption(
            "allow_remote", FLAG, "allow_remote", False,
            help="fetch remote images into the export (embedded in a single file, into "
            "assets/remote/ for a site); without it they stay links to their sites",
            label="Allow remote images",
            tooltip="HTML: download images from other sites into the export (embedded in a "
            "single file, in assets/remote/ for a site). Off: they stay links to their sites "
            "and load when the page is opened.",
        ),
        ExportOption(
            "remote_image_max_mb", MEGABYTES, "remote_image_max_bytes", REMOTE_IMAGE_MAX_MB,
            help="size limit of each fetched image",
            metavar="MB",
        ),
        ExportOption(
            "accent_color", TEXT, "accent_color", "",
            help="accent colour of the channel style, as #rrggbb",
            label="&Accent colour",
            tooltip="WeChat and email: the colour of section titles, numbers and links, as "
            "#rrggbb. Empty: the channel's own.",
            placeholder="channel default",
            metavar="COLOUR",
        ),
        ExportOption(
            "body_font_size", TEXT, "body_font_size", "",
            help="body font size of the channel style in px (12 to 24)",
            label="Body font si&ze",
            tooltip="WeChat and email: the size of body text in pixels, 12 to 24. Empty: the "
            "channel's own (15 for WeChat, 16 for email).",
            placeholder="channel default",
            metavar="PX",
        ),
        ExportOption(
            "force", FLAG, "force", False,
            help="export even if the checks find errors",
            label="Export anyway, despite errors",
            tooltip="Export even when the checks find errors.",
            stored=False,
            every_format=True,
        ),
    ),
    formats=(
        FormatSpec(
            "markdown", "Markdown", "editor_app.core.export.markdown:MarkdownExporter",
            profiles=(
                ProfileSpec(
                    "hugo", "Hugo (page bundle)",
                    "`<slug>/index.md` (a leaf bundle) and the images beside it",
                    "Writes %1/index.md with the images beside it.",
                ),
                ProfileSpec(
                    "jekyll", "Jekyll (post)",
                    "`_posts/YYYY-MM-DD-<slug>.md`, images in `assets/<slug>/`",
                    "Writes _posts/%2-%1.md; images in assets/%1/.",
                ),
                ProfileSpec(
                    "plain", "Plain Markdown",
                    "`<slug>.md`, images in `<slug>/`",
                    "Writes %1.md; images in %1/.",
                ),
            ),
            options=("image_prefix",),
        ),
        FormatSpec(
            "html", "HTML", "editor_app.core.export.html:HtmlExporter",
            profiles=(
                ProfileSpec(
                    "site", "Web page with assets folder",
                    "`index.html` and `assets/` (`assets/remote/` for fetched images)",
                    "Writes index.html; images in assets/.",
                ),
                ProfileSpec(
                    "single-file", "Single file (images inlined)",
                    "`<slug>.html` with every image inlined as a `data:` URI",
                    "Writes %1.html with every image inside: one file to send.",
                ),
            ),
            options=("allow_remote", "remote_image_max_mb"),
        ),
        FormatSpec(
            "wechat", "WeChat", "editor_app.core.export.wechat:WechatExporter",
            profiles=(
                ProfileSpec(
                    "wechat", "Article to paste (images inlined)",
                    "`<slug>.wechat.html`, styles inline, images as `data:` URIs",
                    "Writes %1.wechat.html with every style and image inside, ready to paste.",
                ),
                ProfileSpec(
                    "wechat-upload", "Article with images to upload",
                    "`<slug>.wechat.html`, images in `<slug>-images/` listed in "
                    "`<slug>-upload.txt`",
                    "Writes %1.wechat.html; images in %1-images/, listed in %1-upload.txt.",
                ),
            ),
            options=("allow_remote", "remote_image_max_mb", "accent_color", "body_font_size"),
        ),
        FormatSpec(
            "email", "Email", "editor_app.core.export.mail:EmailExporter",
            profiles=(
                ProfileSpec(
                    "email", "Newsletter email (HTML, text, .eml)",
                    "`<slug>.email.html`, `<slug>.email.txt`, `<slug>.eml`; images in "
                    "`<slug>-images/`",
                    "Writes %1.email.html, %1.email.txt and %1.eml; images in %1-images/.",
                ),
            ),
            options=(
                "image_prefix", "allow_remote", "remote_image_max_mb", "accent_color",
                "body_font_size",
            ),
        ),
    ),
)  # fmt: skip
