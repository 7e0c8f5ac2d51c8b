import os

import pytest

from editor_app.core.paths import UnsafePathError, is_remote, local_path


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
