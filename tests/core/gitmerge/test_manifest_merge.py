import yaml

from editor_app.core.gitmerge.manifest_merge import merge_manifests

BASE = """\
format: 1
title: Weekly 12
status: draft
numbering:
  sections: arabic
outline:
- id: s1
  emoji: ''
  title: News
  cards:
  - c1
  - c2
- id: s2
  emoji: ''
  title: Tools
  cards:
  - c3:
    - c4
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def cards(text: str, section: int) -> list:
    return yaml.safe_load(text)["outline"][section]["cards"]


def test_cards_added_at_the_end_of_the_same_section_merge_cleanly():
    ours = edit(BASE, "  - c2\n", "  - c2\n  - c5\n")
    theirs = edit(BASE, "  - c2\n", "  - c2\n  - c6\n")
    result = merge_manifests(BASE, ours, theirs)
    assert result.clean
    assert cards(result.text, 0) == ["c1", "c2", "c5", "c6"]


def test_different_cards_moved_on_each_side():
    # Ours moves c2 to the top of News; theirs moves the sub-card c4 up into News.
    ours = edit(BASE, "  - c1\n  - c2\n", "  - c2\n  - c1\n")
    theirs = edit(edit(BASE, "  - c3:\n    - c4\n", "  - c3\n"), "  - c2\n", "  - c2\n  - c4\n")
    result = merge_manifests(BASE, ours, theirs)
    assert result.clean, result.conflicts
    assert cards(result.text, 0) == ["c2", "c1", "c4"]
    assert cards(result.text, 1) == ["c3"]


def test_different_sections_renamed():
    ours = edit(BASE, "title: News", "title: Headlines")
    theirs = edit(BASE, "title: Tools", "title: Toolbox")
    result = merge_manifests(BASE, ours, theirs)
    assert result.clean
    data = yaml.safe_load(result.text)
    assert [s["title"] for s in data["outline"]] == ["Headlines", "Toolbox"]


def test_other_fields_merge_key_by_key():
    ours = edit(BASE, "status: draft", "status: review")
    theirs = edit(BASE, "  sections: arabic", "  sections: roman")
    result = merge_manifests(BASE, ours, theirs)
    data = yaml.safe_load(result.text)
    assert result.clean
    assert data["status"] == "review" and data["numbering"]["sections"] == "roman"


def test_same_field_changed_on_both_sides_is_a_conflict_with_both_values():
    ours = edit(BASE, "title: Weekly 12", "title: Weekly Twelve")
    theirs = edit(BASE, "title: Weekly 12", "title: Weekly No. 12")
    # A clean change elsewhere must still be merged around the conflict.
    theirs = edit(theirs, "  - c2\n", "  - c2\n  - c9\n")
    result = merge_manifests(BASE, ours, theirs)
    assert not result.clean
    assert [c.where for c in result.conflicts] == ["title"]
    assert (
        "<<<<<<< ours\ntitle: Weekly Twelve\n=======\ntitle: Weekly No. 12\n>>>>>>> theirs\n"
        in (result.text)
    )
    assert "  - c9\n" in result.text


def test_card_moved_to_different_sections_on_each_side_is_a_conflict():
    ours = edit(edit(BASE, "  - c1\n", ""), "    - c4\n", "    - c4\n  - c1\n")
    theirs = edit(BASE, "  - c1\n  - c2\n", "  - c2\n  - c3x\n").replace("c3x", "c1")
    # theirs: c1 moved after c2 inside News: no parent change, so not a conflict
    assert merge_manifests(BASE, ours, theirs).clean
    theirs = edit(
        edit(BASE, "  - c1\n", ""), "  - c3:\n    - c4\n", "  - c3:\n    - c4\n    - c1\n"
    )
    result = merge_manifests(BASE, ours, theirs)
    assert [c.where for c in result.conflicts] == ["card c1"]


def test_card_deleted_on_one_side_and_moved_on_the_other_is_kept():
    ours = edit(BASE, "  - c1\n", "")
    theirs = edit(edit(BASE, "  - c1\n", ""), "  - c3:\n", "  - c1\n  - c3:\n")
    result = merge_manifests(BASE, ours, theirs)
    assert result.clean
    assert "c1" in cards(result.text, 1)
    assert result.notes


def test_deleted_section_is_removed_unless_the_other_side_added_cards_to_it():
    without_tools = BASE[: BASE.index("- id: s2")]
    result = merge_manifests(BASE, without_tools, edit(BASE, "title: News", "title: Headlines"))
    assert [s["id"] for s in yaml.safe_load(result.text)["outline"]] == ["s1"]
    kept = merge_manifests(BASE, without_tools, edit(BASE, "    - c4\n", "    - c4\n  - c7\n"))
    assert [s["id"] for s in yaml.safe_load(kept.text)["outline"]] == ["s1", "s2"]
    assert "c7" in str(yaml.safe_load(kept.text)["outline"][1]["cards"])
