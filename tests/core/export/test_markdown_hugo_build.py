"""A real Hugo build of our Markdown export: shortcode syntax in card text stays text."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.model import FurtherReading, Issue, Source, Status
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue

pytestmark = pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")

# As our docs tell users to configure Hugo: raw HTML passes through Goldmark.
CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
SINGLE = "<!DOCTYPE html><html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n"
LIST = "<!DOCTYPE html><html><body>{{ range .Pages }}<p>{{ .Title }}</p>{{ end }}</body></html>\n"


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.code: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_code += tag == "code"

    def handle_endtag(self, tag: str) -> None:
        self._in_code -= tag == "code"

    def handle_data(self, data: str) -> None:
        (self.code if self._in_code else self.text).append(data)


def shortcode_issue(folder: Path) -> Issue:
    issue = Issue(title="Shortcodes {{< youtube t >}}", date=dt.date(2026, 3, 1), slug="sc")
    issue.status = Status.PUBLISHED  # Hugo leaves drafts out of the build
    section = add_section(issue, "Section {{< nosuch >}}", "🎬")
    card = add_card(issue, section.id, "Card {{< youtube title >}}")
    card.source = Source("Source {{% nosuch %}}", "https://example.com/a")
    card.body = (
        "Watch {{< youtube x >}} or {{< nosuch >}} here.\n\n"
        "Inline `{{< youtube x >}}` and `{{< nosuch >}}` code.\n\n"
        "```\n{{< nosuch >}}\n{{% youtube y %}}\n```\n"
    )
    card.further_reading = [FurtherReading("More {{< nosuch >}}", "https://example.com/b")]
    # The last field has an opener that nothing closes.
    card.note = "Unclosed {{< youtube z"
    save_issue(issue, folder)
    return load_issue(folder)


def build(site: Path, issue: Issue) -> Page:
    (site / "layouts/_default").mkdir(parents=True)
    (site / "config.toml").write_text(CONFIG, "utf-8")
    (site / "layouts/_default/single.html").write_text(SINGLE, "utf-8")
    (site / "layouts/_default/list.html").write_text(LIST, "utf-8")
    run_export(get_exporter("markdown"), issue, site / "content/posts", ExportOptions("hugo"))
    env = {**os.environ, "HUGO_CACHEDIR": str(site / "cache")}
    done = subprocess.run(
        ["hugo", "--quiet", "--source", str(site)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = Page()
    page.feed((site / "public/posts/sc/index.html").read_text("utf-8"))
    return page


def test_hugo_builds_shortcode_syntax_as_text(tmp_path: Path) -> None:
    page = build(tmp_path / "site", shortcode_issue(tmp_path / "issue"))
    assert "iframe" not in page.tags
    text = " ".join(" ".join(page.text).split())
    code = "".join(page.code)
    assert "Watch {{< youtube x >}} or {{< nosuch >}} here." in text
    assert "{{< youtube x >}}" in code and "{{< nosuch >}}" in code
    assert "{{< nosuch >}}\n{{% youtube y %}}" in code  # the fenced block
    assert "Section {{< nosuch >}}" in text
    assert "Card {{< youtube title >}}" in text
    assert "Source {{% nosuch %}}" in text
    assert "More {{< nosuch >}}" in text
    assert "Unclosed {{< youtube z" in text
    assert "Shortcodes {{< youtube t >}}" in text  # the title, from the front matter
    assert "masthead:end" not in text
