"""Generator escapes for Hugo shortcodes and Jekyll Liquid, and their inverse."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.export.sitegen import escape_for, unescape_for
from editor_app.core.model import Issue


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("a {{< youtube x >}} b", "a {{</* youtube x */>}} b"),
        ("`{{% nosuch %}}`", "`{{%/* nosuch */%}}`"),
        ("{{</* kept */>}}", "{{</*/* kept */*/>}}"),
        ("tail {{< x", "tail {{</* x\n<!-- masthead:end */>}} -->\n"),
        ("{{ liquid }} is not hugo's", "{{ liquid }} is not hugo's"),
    ],
)
def test_hugo_escape(text: str, written: str) -> None:
    assert escape_for("hugo", text) == written
    assert unescape_for("hugo", written) == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("{{ page.title }}", "{% raw %}{{ page.title }}{% endraw %}"),
        ("`{% if x %}`", "`{% raw %}{% if x %}{% endraw %}`"),
        ("{% endraw %}", '{{ "{%" }} endraw %}'),
        ("{{ a {%- endraw %} }}", '{{ "{{" }} a {{ "{%" }}- endraw %} }}'),
        ("open {{ only", 'open {{ "{{" }} only'),
        ("{{< youtube x >}}", "{% raw %}{{< youtube x >}}{% endraw %}"),
    ],
)
def test_jekyll_escape(text: str, written: str) -> None:
    assert escape_for("jekyll", text) == written
    assert unescape_for("jekyll", written) == text


def test_plain_is_unchanged() -> None:
    text = "{{< youtube x >}} {% raw %}"
    assert escape_for("plain", text) == text == unescape_for("plain", text)


@pytest.mark.parametrize("profile", ["hugo", "jekyll", "plain"])
def test_template_syntax_round_trips_through_import(
    rich_issue: Issue, tmp_path: Path, profile: str
) -> None:
    from editor_app.core.export import get_exporter
    from editor_app.core.export.base import ExportOptions, run_export
    from editor_app.core.importers import import_file
    from editor_app.core.storage import load_issue, save_issue

    card = next(iter(rich_issue.cards.values()))
    card.title = "Title {{< youtube t >}} {% if %}"
    card.body = "Text {{< nosuch >}} and `{{ x }}` and {% endraw %}\n\nopen {{< tail"
    save_issue(rich_issue)
    result = run_export(
        get_exporter("markdown"), rich_issue, tmp_path / "out", ExportOptions(profile)
    )
    new, _guesses = import_file(result.files[0], tmp_path / "library")
    imported = load_issue(new.folder)
    again = next(c for c in imported.cards.values() if c.title == card.title)
    assert again.body == card.body
