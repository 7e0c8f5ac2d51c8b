import datetime as dt

import pytest

from editor_app.core.errors import IssueFormatError
from editor_app.core.yamlio import dump_yaml, load_yaml, load_yaml_node, node_line


def test_safe_load_refuses_python_tags():
    with pytest.raises(IssueFormatError):
        load_yaml("x: !!python/object/apply:os.system ['true']\n", "f.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",
        "a: &x 1\n",  # an anchor alone is harmless, but still no alias after it
        "base: &b {k: 1}\nother:\n  <<: *b\n",
    ],
)
def test_aliases_refused_or_harmless(text):
    if "*" in text:
        with pytest.raises(IssueFormatError) as info:
            load_yaml(text, "f.yaml")
        assert "alias" in info.value.message
    else:
        assert load_yaml(text, "f.yaml") == {"a": 1}


def test_billion_laughs_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    with pytest.raises(IssueFormatError):
        load_yaml("\n".join(lines) + "\n", "f.yaml")


def test_line_offset_is_added():
    with pytest.raises(IssueFormatError) as info:
        load_yaml("a: 1\nb: [\n", "card.md", line_offset=1)
    assert info.value.line is not None and info.value.line >= 3


def test_invalid_date_stays_text():
    assert load_yaml("d: 2026-13-45\ne: 2026-02-01\n", "f") == {
        "d": "2026-13-45",
        "e": dt.date(2026, 2, 1),
    }


def test_duplicate_keys_refused():
    with pytest.raises(IssueFormatError) as info:
        load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert info.value.line == 3


def test_node_lines():
    data, node = load_yaml_node("a: 1\nb:\n  - x\n", "f")
    assert data == {"a": 1, "b": ["x"]}
    assert node_line(node) == 1
    assert node_line(node.value[1][1]) == 3


def test_dump_is_deterministic_unicode_and_literal_blocks():
    data = {"title": "标题 🚀", "note": "行一\n行二", "number": 2, "when": dt.date(2026, 1, 2)}
    text = dump_yaml(data)
    assert text == "title: 标题 🚀\nnote: |-\n  行一\n  行二\nnumber: 2\nwhen: 2026-01-02\n"
    assert load_yaml(text, "f") == data


@pytest.mark.parametrize("value", ["2026-01-02", "yes", "null", "123", "  lead", "a: b", "#x"])
def test_strings_that_look_like_other_types_round_trip(value):
    assert load_yaml(dump_yaml({"v": value}), "f") == {"v": value}


def test_deeply_nested_input_is_a_format_error():
    with pytest.raises(IssueFormatError):
        load_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "f.yaml")


CONTROL_CHARS = [chr(c) for c in range(0x00, 0x09)] + ["\x0b", "\x0c", "\x1b"]


@pytest.mark.parametrize("char", CONTROL_CHARS, ids=[f"U+{ord(c):04X}" for c in CONTROL_CHARS])
def test_control_character_is_a_format_error_with_its_line(char):
    text = f"format: 1\ntitle: ok\nsummary: a{char}b\n"
    with pytest.raises(IssueFormatError) as err:
        load_yaml(text, "issue.yaml", line_offset=1)
    assert err.value.line == 4 and f"U+{ord(char):04X}" in err.value.message
    assert str(err.value.path) == "issue.yaml"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: \ufffe\n", 2),  # a non-character
        ("a: !!int title\n", 1),  # a tag the value does not fit: ValueError inside PyYAML
        ("a: 1\nb: !!bool maybe\n", 2),  # KeyError inside PyYAML
        ("a: !!timestamp someday\n", 1),  # AttributeError inside PyYAML
        ("a: !!binary 'é'\n", 1),
        ("a: 1\n  b: 2\n", 2),  # scanner error
        ("- a\nb: 1\n", 2),  # parser error
        ("\ufeffa: 1\nb: [\n", 3),
    ],
)
def test_every_reader_error_is_a_format_error_with_a_line(text, line):
    with pytest.raises(IssueFormatError) as err:
        load_yaml(text, "f.yaml")
    assert err.value.line == line, err.value.describe()


def test_control_characters_written_by_masthead_read_back():
    # A title typed (or pasted) with a control character is escaped on write, not lost.
    text = dump_yaml({"title": "a\x1bb\x00c"})
    assert load_yaml(text, "f.yaml") == {"title": "a\x1bb\x00c"}
