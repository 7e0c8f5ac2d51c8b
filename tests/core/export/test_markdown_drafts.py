"""A draft exported for Hugo or Jekyll: `draft:` follows the status and a warning says why."""

from __future__ import annotations

import pytest

from editor_app.core.export.base import ExportOptions, preflight
from editor_app.core.export.markdown import draft_problems, front_matter
from editor_app.core.model import Issue, Status


@pytest.mark.parametrize(
    ("status", "draft"),
    [(Status.DRAFT, True), (Status.REVIEW, True), (Status.READY, False), (Status.PUBLISHED, False)],
)
def test_hugo_draft_follows_the_status(status: Status, draft: bool) -> None:
    issue = Issue(title="T", status=status)
    assert f"draft: {'true' if draft else 'false'}" in front_matter(issue, "hugo", "t")
    assert ("published: false" in front_matter(issue, "jekyll", "t")) is draft


def test_draft_warning_for_hugo_and_jekyll_only() -> None:
    draft = Issue(title="T", status=Status.DRAFT)
    [hugo] = draft_problems(draft, "hugo")
    assert (hugo.code, hugo.severity) == ("draft-export", "warning")
    assert "Hugo will not publish it unless built with -D" in hugo.message
    assert draft_problems(draft, "jekyll")[0].code == "draft-export"
    assert draft_problems(draft, "plain") == []
    assert draft_problems(Issue(title="T", status=Status.PUBLISHED), "hugo") == []


def test_preflight_carries_the_warning() -> None:
    issue = Issue(title="T", status=Status.DRAFT)
    codes = {p.code for p in preflight(issue, "markdown", ExportOptions("hugo"))}
    assert "draft-export" in codes
    codes = {p.code for p in preflight(issue, "html", ExportOptions("site"))}
    assert "draft-export" not in codes
