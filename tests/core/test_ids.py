import yaml

from editor_app.core.ids import is_valid_id, new_id


def test_new_ids_are_valid_unique_and_read_back_as_strings():
    ids = {new_id("c") for _ in range(2000)}
    assert len(ids) == 2000
    for value in list(ids)[:200]:
        assert is_valid_id(value)
        assert yaml.safe_load(f"- {value}\n") == [value]


def test_is_valid_id():
    assert is_valid_id("sabc") and is_valid_id("c_1-x")
    for bad in ("", "ab", "1abc", "Cabc", "c/../x", "c.md", None, 5, "c" * 50):
        assert not is_valid_id(bad)
