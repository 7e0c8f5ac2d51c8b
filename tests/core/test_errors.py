from pathlib import Path

from editor_app.core.errors import IssueFormatError, MastheadError, UnreadableFileError


def test_describe_names_file_and_line():
    err = IssueFormatError("field 'date' must be a date", Path("a/issue.yaml"), 4)
    assert str(err) == "a/issue.yaml:4: field 'date' must be a date"
    assert err.code == "format" and isinstance(err, MastheadError)
    assert str(UnreadableFileError("not valid UTF-8", "c.md")) == "c.md: not valid UTF-8"
    assert str(MastheadError("plain")) == "plain"
