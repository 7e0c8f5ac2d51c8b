"""The text of issue.yaml and of a card file, parsed and written without touching a folder.

Reading them from an issue folder (errors, unreadable cards, the trash) is tested in
test_storage.py.
"""

import gc

import pytest

from editor_app.core.errors import IssueFormatError
from editor_app.core.issue_format import parse_card, parse_manifest, serialize_card
from editor_app.core.model import Status
from tests.core.test_storage import MANIFEST


def test_parse_manifest_directly_returns_children(tmp_path):
    text = MANIFEST.replace("  - cabc", "  - cabc:\n    - csub\n    - csub2:\n      - cdeep")
    issue, children = parse_manifest(text, tmp_path / "issue.yaml")
    assert issue.sections[0].card_ids == ["cabc"]
    assert children["cabc"] == ["csub", "csub2"] and children["csub2"] == ["cdeep"]


def test_reading_the_outline_leaves_no_reference_cycle(tmp_path):
    # A cycle would keep the whole YAML node tree until a collection on the UI thread.
    text = MANIFEST.replace("  - cabc", "  - cabc:\n    - csub\n    - csub2:\n      - cdeep")
    parse_manifest(text, tmp_path / "issue.yaml")
    gc.collect()
    gc.disable()
    try:
        parse_manifest(text, tmp_path / "issue.yaml")
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_card_parse_errors_name_the_line_in_the_file(tmp_path):
    path = tmp_path / "cards" / "cx.md"
    text = "---\ntitle: ok\nlinks:\n- label: a\n  url: https://a.example\n- label: b\n  url: [x]\n---\n"
    with pytest.raises(IssueFormatError) as info:
        parse_card(text, path, "cx")
    assert info.value.line == 7 and "url" in info.value.message


def test_serialize_card_is_stable_and_round_trips(tmp_path):
    text = "---\ntitle: 标题\nstatus: ready\nnote: |-\n  一行\n  两行\n---\n\n正文 🚀\n"
    card = parse_card(text, tmp_path / "c.md", "cone")
    assert serialize_card(card) == text
    assert card.status == Status.READY and card.note == "一行\n两行"


def test_unquoted_numbers_in_text_fields_keep_their_spelling(tmp_path):
    text = "---\ntitle: 1.10\ngroup: 007\nsource:\n  title: 2.50\n  url: https://e.org/\n---\n"
    card = parse_card(text, tmp_path / "c.md", "cone")
    assert (card.title, card.group, card.source.title) == ("1.10", "007", "2.50")
    again = parse_card(serialize_card(card), tmp_path / "c.md", "cone")
    assert again.title == "1.10"
