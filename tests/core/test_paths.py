import os
from pathlib import Path

import pytest

from editor_app.core.paths import UnsafePathError, is_remote, local_path, outside_file


@pytest.mark.parametrize(
    "ref",
    ["../x.png", "../../x.png", "a/../../x.png", "/etc/passwd", "\\\\server\\share",
     "C:\\\\x.png", "file:///etc/passwd", "%2e%2e/x.png", "//host/x.png", "http://[::1"],
)  # fmt: skip
def test_refs_leaving_the_folder_are_refused(tmp_path, ref):
    with pytest.raises(UnsafePathError):
        local_path(tmp_path, ref)


def test_refs_inside_the_folder(tmp_path):
    assert local_path(tmp_path, "assets/a b.png") == (tmp_path / "assets" / "a b.png").resolve()
    assert local_path(tmp_path, "assets/%E5%9B%BE.png").name == "图.png"
    assert local_path(tmp_path, "assets/a.png?v=2#top").name == "a.png"


def test_symlinks(tmp_path):
    folder = tmp_path / "issue"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "real.png").write_bytes(b"x")
    os.symlink(folder / "assets" / "real.png", folder / "assets" / "inside.png")
    os.symlink(tmp_path, folder / "assets" / "up")
    assert local_path(folder, "assets/inside.png").name == "real.png"
    with pytest.raises(UnsafePathError):
        local_path(folder, "assets/up/secret.png")
    os.symlink(folder / "assets" / "loop", folder / "assets" / "loop")
    with pytest.raises(UnsafePathError):
        local_path(folder, "assets/loop")


def test_is_remote():
    assert is_remote("https://example.org/a.png")
    assert is_remote("HTTP://example.org/a.png")
    assert is_remote("//cdn.example.org/a.png")
    assert is_remote("data:image/png;base64,AAAA")
    assert is_remote("http://[::1")
    assert not is_remote("assets/a.png")


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("/home/me/a.png", "/home/me/a.png"),
        ("file:///C:/pics/a.jpg", "C:/pics/a.jpg"),
        ("file://localhost/tmp/my%20pic.png", "/tmp/my pic.png"),
        ("file://server/share/a.png", "//server/share/a.png"),
        ("C:\\pics\\a.png", "C:\\pics\\a.png"),
        ("/nowhere/my%20photo.png", "/nowhere/my photo.png"),
    ],
)
def test_outside_file_names_files_of_this_computer(ref, expected):
    assert outside_file(ref) == Path(expected)


def test_outside_file_expands_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert outside_file("~/Desktop/b.png") == tmp_path / "Desktop" / "b.png"


@pytest.mark.parametrize(
    "ref", ["assets/a.png", "./a.png", "../a.png", "https://x.org/a.png", "//cdn/a.png", ""]
)
def test_outside_file_is_none_for_issue_paths_and_web_addresses(ref):
    assert outside_file(ref) is None
