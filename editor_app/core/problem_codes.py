"""Every problem code, declared once: its severity, its English messages and its help text.

The checks and the exporters' preflight build problems only through ``problem(code, ...)``,
which looks the code up here, fills the English template with named arguments and keeps
those arguments on the Problem. A catalog keyed by ``Problem.message_key`` can later give
the same message in another language (``message_text``) without core knowing about Qt.

A code may have several messages ("variants"): the same finding said about an image or a
linked file, during the checks or while an export leaves something out. The variant ``""``
is the one used when none is named. A variant may have its own severity (an unused file in
``assets/`` is a warning where a used one is an error).

``docs/format.md`` holds the table ``doc_table()`` prints; a test keeps them equal.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from editor_app.core.problems import ERROR, INFO, WARNING, Problem, TextSpan

__all__ = [
    "CODES",
    "FIX_TYPOGRAPHY",
    "IMPORT_LOCAL_IMAGE",
    "fix_of",
    "ProblemCode",
    "doc_table",
    "message_text",
    "problem",
    "register",
    "template_fields",
]


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str
    help: str  # one line for the docs: when it is reported and what to do
    messages: Mapping[str, str]  # variant -> English template with named {fields}
    severities: Mapping[str, str] = field(default_factory=dict)  # variant -> other severity
    # The name of the fix the editor offers on the problem ("" = none); the GUI maps it to an
    # action (gui/quick_fixes.py), so a fix is declared here with its problem.
    fix: str = ""

    def severity_of(self, variant: str) -> str:
        return self.severities.get(variant, self.severity)


def _parts(template: str) -> dict[str, str]:
    """The same message about a card's body and about its editor's note."""
    return {
        "body": template.replace("{part}", "body"),
        "note": template.replace("{part}", "editor's note"),
    }


def _typography(what: str) -> dict[str, str]:
    """Messages for one typography finding in a card's title, body, editor's note, source
    title, link labels, further reading and category heading, a section's title and intro,
    and the issue's title and summary."""
    where = "line {line}, column {column}"
    change = f"{what}: “{{text}}” → “{{fixed}}”"
    return {
        "title": f"the title of '{{name}}': {change}",
        "body": f"'{{name}}', body {where}: {change}",
        "note": f"'{{name}}', editor's note {where}: {change}",
        "source-title": f"the source title of '{{name}}': {change}",
        "link-label": f"'{{name}}', label of project link {{item}}: {change}",
        "further-title": f"'{{name}}', title of further reading {{item}}: {change}",
        "further-summary": f"'{{name}}', summary of further reading {{item}}: {change}",
        "group": f"the category heading of '{{name}}': {change}",
        "section-title": f"the title of section '{{name}}': {change}",
        "section-intro": f"the intro of section '{{name}}', {where}: {change}",
        "issue-title": f"the issue's title: {change}",
        "issue-summary": f"the issue's summary, {where}: {change}",
    }


def _export(image: str, file: str) -> dict[str, str]:
    """Messages for a reference an export leaves out, as an image or as a linked file."""
    return {"export-image": image, "export-file": file}


IMPORT_LOCAL_IMAGE = "import-local-image"
FIX_TYPOGRAPHY = "fix-typography"  # the one typography fix a problem reports

_DECLARED = [
    # -- errors --------------------------------------------------------------------------
    ProblemCode(
        "unreadable-file", ERROR,
        "A card file cannot be read (missing, not UTF-8, broken front matter).",
        {"": "{reason}"},
    ),
    ProblemCode(
        "empty-card", ERROR,
        "A card has no body, no source, no links and no sub-cards.",
        {"": "card '{name}' has no content"},
    ),
    ProblemCode(
        "malformed-url", ERROR,
        "A link is empty, contains spaces, has no valid host, or lacks `http(s)://` "
        "(e.g. `www.x.com`); `mailto:` is accepted.",
        {
            "": "link '{url}' in '{name}' {reason}",
            "www": "link '{url}' in '{name}' has no https:// in front",
        },
    ),
    ProblemCode(
        "missing-alt", ERROR,
        "An image has no alt text.",
        {"": "image '{url}' in '{name}' has no alt text"},
    ),
    ProblemCode(
        "missing-image", ERROR,
        "An image refers to a file that does not exist in the issue.",
        {
            "": "image '{url}' in '{name}' does not exist",
            "export": "image {ref!r} does not exist; left out",
        },
    ),
    ProblemCode(
        "missing-file", ERROR,
        "A relative link refers to a file that does not exist in the issue.",
        {
            "": "linked file '{url}' in '{name}' does not exist",
            "export": "linked file {ref!r} does not exist; left out",
        },
    ),
    ProblemCode(
        "missing-date", ERROR,
        "Export to the jekyll profile, which names posts by date, of an issue without a date; "
        "set the issue's date.",
        {"": "the jekyll profile names posts by date; set one"},
    ),
    ProblemCode(
        "unsafe-path", ERROR,
        "An image or relative link points outside the issue folder (or into `.masthead/`).",
        {
            "link": "link in '{name}': {reason}",
            "image": "image in '{name}': {reason}",
            **_export("image left out: {reason}", "linked file left out: {reason}"),
        },
    ),
    ProblemCode(
        "local-image", ERROR,
        "An image points to a file elsewhere on this computer (an absolute path, `~/…` or a "
        "`file://` URL), which readers cannot see; the fix *Import into assets* copies it "
        "into `assets/` through the image pipeline and rewrites the reference.",
        {"": "image '{url}' in '{name}' is a file on this computer; import it into assets/"},
        fix=IMPORT_LOCAL_IMAGE,
    ),
    ProblemCode(
        "symlink", ERROR,
        "A card file, or an image or linked file of a card, is (or goes through) a symbolic "
        "link; it is never read. A link in `assets/` that no card uses is a warning.",
        {
            "card-file": "{reason}",
            "link": "link in '{name}': {reason}",
            "image": "image in '{name}': {reason}",
            "stray": "'{rel}' is a symbolic link; not exported",
            **_export("image left out: {reason}", "linked file left out: {reason}"),
        },
        {"stray": WARNING},
    ),
    ProblemCode(
        "unsafe-asset", ERROR,
        "An image, or any file under `assets/` a card uses, is not a PNG, JPEG, WebP or GIF by "
        "its bytes (an SVG, an HTML page, text …), or a linked file elsewhere is a web page or "
        "script. Unused ones in `assets/` are warnings.",
        {
            "link": "linked file in '{name}': {reason}",
            "image": "image in '{name}': {reason}",
            "stray": "{reason}; never exported",
            **_export("image left out: {reason}", "linked file left out: {reason}"),
        },
        {"stray": WARNING},
    ),
    ProblemCode(
        "render-limit", ERROR,
        "A card's body or note is not rendered (over 100,000 characters, a paragraph with "
        "over 20,000 inline markers, or the renderer failed); an error box with the text "
        "stands in for it.",
        _parts(
            "the {part} of '{name}' could not be rendered ({detail}); "
            "an error box stands in for it"
        ),
    ),
    # -- warnings ------------------------------------------------------------------------
    ProblemCode(
        "untitled-card", WARNING,
        "A card has no title.",
        {"": "card '{name}' has no title"},
    ),
    ProblemCode(
        "missing-source", WARNING,
        "A top-level card without sub-cards has no source link (not required for `meme` and "
        "`roundup` cards).",
        {"": "card '{name}' has no source link"},
    ),
    ProblemCode(
        "insecure-url", WARNING,
        "A link uses `http://`; an `https://` address probably exists.",
        {"": "link '{url}' in '{name}' uses http; https may exist"},
    ),
    ProblemCode(
        "style-setting", WARNING,
        "WeChat and email exports: `accent_color` is not `#rgb`/`#rrggbb`, or `body_font_size` "
        "is not a size from 12 to 24 px; the channel's default is used.",
        {"": "export setting {key} '{value}' cannot be used; {default} is used instead"},
    ),
    ProblemCode(
        "channel-local-link", WARNING,
        "WeChat and email exports: a link to a file of the issue has no address a reader can "
        "open; its text is kept without the link. Link to the file's published URL instead.",
        {
            "wechat": "link to '{url}' in '{name}' cannot open in WeChat; only its text is kept",
            "email": "link to '{url}' in '{name}' cannot open in an email; only its text is kept",
        },
    ),
    ProblemCode(
        "duplicate-link", WARNING,
        "The same normalised URL appears in two cards, or twice in one card in the same role.",
        {"": "{url} appears more than once: {names}"},
    ),
    ProblemCode(
        "featured-before", WARNING,
        "With `--archive`: the URL was already featured in another issue of the library.",
        {"": "{url} was already featured in issue '{slug}' (card {other}, {kind})"},
    ),
    ProblemCode(
        "generic-alt", WARNING,
        'The alt text says nothing ("image", "图片", "截图", a file name, …).',
        {"": "image '{url}' in '{name}' has alt text '{alt}' that describes nothing"},
    ),
    ProblemCode(
        "remote-image", WARNING,
        "An image is loaded from the web; fetch it into `assets/` so the issue works offline.",
        {"": "image '{url}' in '{name}' is remote; fetch it into assets/"},
    ),
    ProblemCode(
        "empty-section", WARNING,
        "A section has no cards.",
        {"": "section '{title}' has no cards"},
    ),
    ProblemCode(
        "deep-nesting", WARNING,
        "Lists and quotes nest deeper than 16 levels, or brackets and emphasis deeper than 32 "
        "(link brackets 8); the deeper part is shown as text.",
        _parts(
            "the {part} of '{name}' nests lists or quotes deeper than {block} levels, "
            "or links and emphasis deeper than {inline} (link brackets {brackets}); "
            "the deeper part is shown as plain text ({count} places)"
        ),
    ),
    ProblemCode(
        "render-slow", WARNING,
        "Rendering a card's text took more than 2 s; the preview lags while it is edited.",
        _parts(
            "the {part} of '{name}' took {seconds:.1f} s to render "
            "(budget {budget:g} s); the preview will lag"
        ),
    ),
    ProblemCode(
        "unsafe-url", WARNING,
        "Export: a link uses a forbidden scheme (such as `javascript:`), or an image is "
        "neither a file nor a web address; it is left out of the output.",
        {
            "link": "link {url!r} uses a forbidden scheme; left out",
            "image": "image {src!r} is not a file or URL; left out",
        },
    ),
    ProblemCode(
        "not-inlined", WARNING,
        "Single-file export: a link to a file of the issue cannot be embedded in the page; it "
        "is left out (export as a site to keep it).",
        {"": "link to the file {ref!r} cannot be inlined; left out"},
    ),
    ProblemCode(
        "draft-export", WARNING,
        "Export to hugo or jekyll of an issue whose status is draft or review: the site "
        "generator will not publish it; set the status to ready or published.",
        {
            "hugo": "the issue's status is {status}: "
            "Hugo will not publish it unless built with -D",
            "jekyll": "the issue's status is {status}: "
            "Jekyll will not publish it (published: false) unless built with --unpublished",
        },
    ),
    ProblemCode(
        "remote-image-failed", WARNING,
        "Export fetching remote images: one could not be downloaded or is not an image; it "
        "is left out and its alt text is shown. Fetch it into `assets/` instead.",
        {
            "": "remote image {url} could not be fetched: {reason}; "
            "left out (its alt text is shown)"
        },
    ),
    ProblemCode(
        "cjk-spacing", WARNING,
        "Typography (AutoCorrect's rules, on for CJK issues): a space is missing between CJK "
        "text and Latin letters or digits, or a space stands next to full-width punctuation. "
        "Fix Typography (or `masthead check --fix-typography`) corrects it; `typography: off` "
        "in issue.yaml turns these checks off.",
        {
            **_typography("no space between CJK and Latin text"),
            **{
                f"{part}-remove": text
                for part, text in _typography("space next to full-width punctuation").items()
            },
        },
        fix=FIX_TYPOGRAPHY,
    ),
    ProblemCode(
        "halfwidth-punctuation", WARNING,
        "Typography: half-width punctuation (`,` `:` `!` `?` …) inside CJK text, where "
        "AutoCorrect uses the full-width form (`，` `：` `！` `？`). Fix Typography corrects it.",
        _typography("half-width punctuation in CJK text"),
        fix=FIX_TYPOGRAPHY,
    ),
    ProblemCode(
        "fullwidth-punctuation", WARNING,
        "Typography: full-width punctuation (`，` `。` `：` …) inside Latin text, where "
        "AutoCorrect uses the half-width form. Fix Typography corrects it.",
        _typography("full-width punctuation in Latin text"),
        fix=FIX_TYPOGRAPHY,
    ),
    # -- information ---------------------------------------------------------------------
    ProblemCode(
        "mentioned-before", INFO,
        "With `--archive`: the URL was mentioned (not featured) in another issue of the "
        "library.",
        {
            "": "{url} was mentioned in issue '{slug}' (card {other}, {kind})",
            "intro": "{url} was mentioned in issue '{slug}' (section {other}, {kind})",
        },
    ),
    ProblemCode(
        "remote-images-fetched", INFO,
        "Export: the issue's remote images will be downloaded into the output (HTML export "
        "with fetching on).",
        {
            "one-site": "1 remote image will be downloaded into the site's assets "
            "(fetched when the export runs; at most {limit} each, failures are listed)",
            "many-site": "{count} remote images will be downloaded into the site's assets "
            "(fetched when the export runs; at most {limit} each, failures are listed)",
            "one-file": "1 remote image will be embedded "
            "(fetched when the export runs; at most {limit} each, failures are listed)",
            "many-file": "{count} remote images will be embedded "
            "(fetched when the export runs; at most {limit} each, failures are listed)",
        },
    ),
    ProblemCode(
        "remote-images-kept", INFO,
        "Export: the issue's remote images stay remote and load from their sites when the "
        "page is opened (HTML export with fetching off).",
        {
            "one-site": "1 remote image stays remote: it loads from its site "
            "when the page is opened",
            "many-site": "{count} remote images stay remote: they load from their sites "
            "when the page is opened",
            "one-file": "1 remote image stays remote: it loads from its site "
            "when the file is opened",
            "many-file": "{count} remote images stay remote: they load from their sites "
            "when the file is opened",
        },
    ),
]  # fmt: skip


def register(spec: ProblemCode, table: dict[str, ProblemCode]) -> None:
    """Add ``spec`` to ``table``; a code declared twice or a bad severity stops the import."""
    if spec.code in table:
        raise ValueError(f"problem code {spec.code!r} is declared twice")
    severities = {spec.severity, *spec.severities.values()}
    if not severities <= {ERROR, WARNING, INFO}:
        raise ValueError(f"problem code {spec.code!r} has no valid severity")
    table[spec.code] = spec


CODES: dict[str, ProblemCode] = {}
for _spec in _DECLARED:
    register(_spec, CODES)


def template_fields(template: str) -> set[str]:
    """The named fields a template uses ("{url!r}" and "{seconds:.1f}" count as url, seconds)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def problem(
    code: str,
    *,
    card: str | None = None,
    section: str | None = None,
    variant: str = "",
    cards: tuple[str, ...] = (),
    span: TextSpan | None = None,
    **args: Any,
) -> Problem:
    """The Problem ``code`` with its English message filled from ``args``.

    Raises KeyError for a code or variant that is not declared, and for a missing field.
    """
    try:
        spec = CODES[code]
    except KeyError:
        raise KeyError(f"problem code {code!r} is not declared in problem_codes") from None
    try:
        template = spec.messages[variant]
    except KeyError:
        raise KeyError(f"problem code {code!r} has no message {variant!r}") from None
    message = template.format(**args)
    severity = spec.severity_of(variant)
    return Problem(severity, code, message, card, section, args, variant, cards, span)


def fix_of(item: Problem) -> str:
    """The name of the fix offered on ``item`` ("" when there is none)."""
    spec = CODES.get(item.code)
    return spec.fix if spec is not None else ""


def message_text(item: Problem, catalog: Mapping[str, str] | None = None) -> str:
    """The problem's message from ``catalog`` (translated templates keyed by
    ``Problem.message_key``), or its English message when the catalog has none."""
    template = (catalog or {}).get(item.message_key)
    if template is None:
        return item.message
    try:
        return template.format(**item.args)
    except (KeyError, IndexError, ValueError):
        return item.message  # a broken translation never hides the problem


def doc_table() -> str:
    """The problem-code table of docs/format.md, errors first, then warnings, then info."""
    rows = ["| Code | Severity | Reported when |", "| --- | --- | --- |"]
    rows += [f"| `{c.code}` | {c.severity} | {c.help} |" for c in _DECLARED]
    return "\n".join(rows)
