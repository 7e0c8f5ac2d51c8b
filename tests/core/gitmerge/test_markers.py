from editor_app.core.gitmerge.markers import first_marker_line, has_markers, split_versions

CONFLICTED = """\
---
title: Same
---
<<<<<<< HEAD
mine
||||||| base
old
=======
theirs
and more
>>>>>>> 1a2b3c
tail
"""


def test_split_versions_resolves_every_hunk_to_one_side():
    ours, theirs = split_versions(CONFLICTED)
    assert ours == "---\ntitle: Same\n---\nmine\ntail\n"
    assert theirs == "---\ntitle: Same\n---\ntheirs\nand more\ntail\n"


def test_markers_found_with_their_line():
    assert has_markers(CONFLICTED) and first_marker_line(CONFLICTED) == 4
    assert not has_markers("a\n======= not a marker\n")
    assert first_marker_line("plain") is None


def test_an_issue_left_mid_merge_is_refused_with_the_line(tmp_path):
    import pytest

    from editor_app.core.errors import IssueFormatError
    from editor_app.core.issue_format import parse_card, parse_manifest

    manifest = "format: 1\n<<<<<<< ours\ntitle: A\n=======\ntitle: B\n>>>>>>> theirs\n"
    with pytest.raises(IssueFormatError, match="merge conflict") as info:
        parse_manifest(manifest, tmp_path / "issue.yaml")
    assert info.value.line == 2
    with pytest.raises(IssueFormatError, match="merge conflict"):
        parse_card(CONFLICTED, tmp_path / "c.md", "c1")
