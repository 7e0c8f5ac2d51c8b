"""Helpers shared by the export, importer and issue_html tests (not fixtures)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from editor_app.core.export.base import Exporter, ExportOptions, Plan
from editor_app.core.export.markdown import export_slug
from editor_app.core.export.registry import EXPORTS, ExportRegistry, FormatSpec, ProfileSpec
from editor_app.core.model import FurtherReading, Issue, Link, Source
from editor_app.core.outline import add_card, add_section

SCRIPT = "<script>alert(1)</script>"
HANDLER = '<img src="x.png" onerror="alert(2)">'


def build_hostile_issue() -> Issue:
    """Script and event-handler injection in every field a card has."""
    issue = Issue(title=f"Hostile {SCRIPT}", number=1, date=dt.date(2026, 2, 1), slug="hostile")
    issue.summary = f"summary {SCRIPT}"
    section = add_section(issue, f"Section {SCRIPT}", "🧨")
    section.intro = f"intro {HANDLER}"
    card = add_card(issue, section.id, f"Card {SCRIPT} <b onclick=alert(3)>x</b>")
    card.source = Source(f"Source {SCRIPT}", "javascript:alert(4)")
    card.links = [
        Link(f"label {HANDLER}", "JaVaScRiPt:alert(5)"),
        Link("ok", "https://example.com/ok"),
        Link("entity", "java&#x09;script:alert(6)"),
    ]
    card.body = (
        f'Body {SCRIPT}\n\n{HANDLER}\n\n<a href="javascript:alert(7)" onmouseover="alert(8)">a</a>'
        "\n\n[click](javascript:alert(9)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        '<iframe src="https://evil.example"></iframe>\n\n<svg onload=alert(10)></svg>\n\n'
        "![secret](../../../etc/passwd)\n\n![abs](/etc/passwd)\n\n"
        '<div style="background:url(javascript:alert(11))">styled</div>\n\n'
        "[ref link][r]\n\n[r]: javascript:alert(12)\n"
    )
    card.further_reading = [FurtherReading(f"fr {SCRIPT}", "javascript:alert(13)", HANDLER)]
    card.note = f"note {SCRIPT} {HANDLER}"
    return issue


class Structure(HTMLParser):
    """Collects what the HTML tests assert on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.images: list[str] = []
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self._heading: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
            if name == "id":
                self.ids.append(value or "")
        values = dict(attrs)
        if tag == "img":
            self.images.append(values.get("src") or "")
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"] or "")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.headings.append((tag, "".join(self._text).strip()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._text.append(data)


def parse_html(text: str) -> Structure:
    parser = Structure()
    parser.feed(text)
    parser.close()
    return parser


def assert_no_active_content(text: str) -> None:
    """No script element, no event handler, no javascript: URL anywhere in the output."""
    lowered = text.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert "<iframe" not in lowered
    parsed = parse_html(text)
    assert "script" not in parsed.tags
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name)
        if name in {"href", "src"}:
            assert not value.lower().lstrip().startswith(("javascript", "vbscript", "data:text"))


class TextExporter(Exporter):
    """A test-only exporter: the issue's title and card titles in one .txt file."""

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        plan = Plan()
        lines = [issue.title, *(card.title for card in issue.cards.values())]
        plan.add_text(f"{export_slug(issue)}.txt", "\n".join(lines) + "\n")
        return plan


def registry_with_text() -> ExportRegistry:
    """A copy of the app's registry plus the text format: one module and one entry."""
    registry = EXPORTS.copy()
    registry.add_format(
        FormatSpec(
            "text",
            "Plain text",
            TextExporter,
            profiles=(ProfileSpec("txt", "Text file", "`<slug>.txt`", "Writes %1.txt."),),
        )
    )
    return registry
