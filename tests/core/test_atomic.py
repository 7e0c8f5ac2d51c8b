import os
import stat

import pytest

from editor_app.core.atomic import (
    atomic_write_bytes,
    atomic_write_pieces,
    atomic_write_text,
    write_if_changed,
)


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_write_creates_folder_and_file(tmp_path):
    target = tmp_path / "a" / "b" / "file.txt"
    atomic_write_text(target, "中文 🚀\n")
    assert target.read_bytes() == "中文 🚀\n".encode()
    assert leftovers(target.parent) == []


def test_failed_replace_keeps_old_file_and_removes_temp(tmp_path, monkeypatch):
    target = tmp_path / "issue.yaml"
    target.write_bytes(b"old content\n")

    def broken_replace(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new content\n")
    assert target.read_bytes() == b"old content\n"
    assert leftovers(tmp_path) == []


def test_failure_while_writing_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "card.md"
    target.write_bytes(b"old\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        """Writes half of the data, then fails as a full disk would."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new content that is long\n")
    assert target.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_pieces_are_written_one_after_the_other(tmp_path):
    target = tmp_path / "journal" / "entry.json"
    atomic_write_pieces(target, (b'{"body": "', "云".encode(), b'"}'), durable=False)
    assert target.read_text("utf-8") == '{"body": "云"}'
    assert leftovers(target.parent) == []


def test_a_failing_piece_keeps_the_old_file(tmp_path):
    target = tmp_path / "entry.json"
    target.write_bytes(b"old\n")

    def pieces():
        yield b"new, half"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write_pieces(target, pieces())
    assert target.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_interrupt_also_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "x.txt"
    target.write_bytes(b"old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_if_changed_leaves_identical_file_alone(tmp_path):
    target = tmp_path / "f.txt"
    assert write_if_changed(target, "same") is True
    os.utime(target, (1_000_000, 1_000_000))
    assert write_if_changed(target, "same") is False
    assert target.stat().st_mtime == 1_000_000
    assert write_if_changed(target, "different") is True
    assert target.read_text("utf-8") == "different"


def test_permissions_of_replaced_file_are_kept(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_usual_permissions_not_private_temp_ones(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "new.html"
    atomic_write_text(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_stray_temps_of_killed_writes_are_removed(tmp_path):
    from editor_app.core.atomic import remove_stray_temps

    (tmp_path / "card.md").write_text("kept")
    (tmp_path / ".card.md.a1b2_c3d.tmp").write_text("half")
    (tmp_path / ".hidden.tmp").write_text("not ours: no random part")
    (tmp_path / "notes.abcdefgh.tmp").write_text("not ours: not hidden")
    removed = remove_stray_temps(tmp_path, tmp_path / "missing")
    assert removed == [tmp_path / ".card.md.a1b2_c3d.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".hidden.tmp",
        "card.md",
        "notes.abcdefgh.tmp",
    ]
