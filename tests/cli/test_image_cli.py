"""masthead image add / list: the pipeline from the command line, hostile files included."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from editor_app.cli import main
from editor_app.core.images import asset_report
from editor_app.core.storage import load_issue
from editor_app.core.template import new_issue


def write_image(path: Path, size=(2400, 1200), fmt="JPEG") -> Path:
    noise = Image.effect_noise(size, 60)
    Image.merge("RGB", (noise, noise, Image.linear_gradient("L").resize(size))).save(path, fmt)
    return path


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    return new_issue(tmp_path / "library", "Image CLI", slug="images").folder


def first_card(folder: Path) -> str:
    return load_issue(folder).ordered_cards()[0].id


def test_add_prints_the_asset_path(issue, tmp_path, capsys):
    photo = write_image(tmp_path / "photo.jpg")
    assert main(["image", "add", str(issue), str(photo)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("assets/") and out.endswith(".jpg")
    with Image.open(issue / out) as stored:
        assert stored.size == (1600, 800)


def test_add_to_a_card_appends_the_reference(issue, tmp_path, capsys):
    card = first_card(issue)
    photo = write_image(tmp_path / "photo.png", fmt="PNG")
    code = main(
        ["image", "add", str(issue), str(photo), "--card", card, "--alt", "集群 [拓扑] 图",
         "--max-width", "640"]
    )  # fmt: skip
    assert code == 0
    path = capsys.readouterr().out.strip()
    body = load_issue(issue).cards[card].body
    assert body.endswith(f"![集群 \\[拓扑\\] 图]({path})")
    with Image.open(issue / path) as stored:
        assert stored.width == 640

    # The same file again: stored once, referenced twice.
    assert main(["image", "add", str(issue), str(photo), "--card", card, "--max-width", "640"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == path
    assert "no alt text" in captured.err
    assert load_issue(issue).cards[card].body.count(path) == 2
    # One image, and beside it (hidden) the name it was added as.
    stored = sorted(p.name for p in (issue / "assets").iterdir())
    assert stored == [".names.json", Path(path).name]
    assert asset_report(load_issue(issue))[0].original == photo.name


def test_add_json(issue, tmp_path, capsys):
    gif = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (80, 40), c) for c in ("red", "green", "blue")]
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=60, loop=0)
    assert main(["image", "add", str(issue), str(gif), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "GIF" and data["frames"] == 3 and data["card"] is None


def hostile_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    files["text"] = tmp_path / "readme.png"
    files["text"].write_text("not an image", "utf-8")
    jpeg = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(jpeg, "JPEG")
    files["truncated"] = tmp_path / "cut.jpg"
    files["truncated"].write_bytes(jpeg.getvalue()[:2000])
    files["empty"] = tmp_path / "empty.webp"
    files["empty"].write_bytes(b"")
    files["missing"] = tmp_path / "missing.gif"
    return files


@pytest.mark.parametrize("kind", ["text", "truncated", "empty", "missing"])
def test_bad_images_exit_2_with_one_line_naming_the_file(issue, tmp_path, capsys, kind):
    card = first_card(issue)
    before = load_issue(issue).cards[card].body
    path = hostile_files(tmp_path)[kind]
    assert main(["image", "add", str(issue), str(path), "--card", card, "--alt", "x"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and lines[0].startswith("masthead: error:")
    assert load_issue(issue).cards[card].body == before
    assert not (issue / "assets").exists() or not any((issue / "assets").iterdir())


def test_unknown_card_and_bad_usage(issue, tmp_path, capsys):
    photo = write_image(tmp_path / "p.jpg", size=(50, 50))
    assert main(["image", "add", str(issue), str(photo), "--card", "cnope0000"]) == 2
    assert "cnope0000" in capsys.readouterr().err
    assert main(["image"]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["image", "add", str(issue), str(photo), "--max-width", "0"])
    assert exit_.value.code == 2


def test_list(issue, tmp_path, capsys):
    card = first_card(issue)
    photo = write_image(tmp_path / "p.jpg", size=(100, 80))
    main(["image", "add", str(issue), str(photo), "--card", card, "--alt", "图片"])
    path = capsys.readouterr().out.strip()
    assert main(["image", "list", str(issue), "--json"]) == 0
    (asset,) = json.loads(capsys.readouterr().out)["assets"]
    assert asset["path"] == path and asset["cards"] == [card]
    assert asset["problems"] == ["generic-alt"]
    assert main(["image", "list", str(issue)]) == 0
    assert path in capsys.readouterr().out


def test_subprocess_exit_code_and_no_traceback(issue, tmp_path):
    bad = tmp_path / "fake.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    proc = subprocess.run(
        [sys.executable, "-m", "editor_app", "image", "add", str(issue), str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "fake.jpg" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


# -- the issue's write lock --------------------------------------------------------------------
def masthead_cmd(*args: object) -> list[str]:
    return [sys.executable, "-m", "editor_app", *map(str, args)]


def test_concurrent_adds_to_one_card_keep_every_reference(issue, tmp_path):
    card = first_card(issue)
    images = []
    for n in range(20):
        path = tmp_path / f"small-{n}.png"
        Image.new("RGB", (24 + n, 16), (n * 12, 255 - n * 12, 90)).save(path)
        images.append(path)
    procs = [
        subprocess.Popen(
            masthead_cmd("image", "add", issue, path, "--card", card, "--alt", f"图 {n}"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for n, path in enumerate(images)
    ]
    results = [(p.communicate(timeout=300), p.returncode) for p in procs]
    assert [code for _out, code in results] == [0] * 20, [err for (_o, err), _c in results]
    printed = [out.strip() for (out, _err), _code in results]
    assert len(set(printed)) == 20  # twenty different assets
    body = load_issue(issue).cards[card].body
    for n, path in enumerate(printed):
        assert (issue / path).is_file()
        assert f"![图 {n}]({path})" in body
    assert body.count("![") == 20


def hold_window_lock(issue: Path, pid: int) -> Path:
    import socket

    lock = issue / ".masthead" / "lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "since": 0}))
    return lock


def test_refuses_while_the_issue_is_open_in_a_window_and_waits_with_wait(issue, tmp_path):
    card = first_card(issue)
    photo = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "teal").save(photo)
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        lock = hold_window_lock(issue, window.pid)
        before = load_issue(issue).cards[card].body
        refused = subprocess.run(
            masthead_cmd("image", "add", issue, photo, "--card", card),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode == 2
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1, refused.stderr
        assert f"open in Masthead (pid {window.pid} on " in lines[0]
        assert "close it or use --wait" in lines[0]
        assert load_issue(issue).cards[card].body == before
        assert not (issue / "assets").exists() or not any((issue / "assets").iterdir())

        gave_up = subprocess.run(
            masthead_cmd("image", "add", issue, photo, "--card", card, "--wait",
                         "--wait-timeout", "0.5"),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert gave_up.returncode == 2 and "after waiting 0.5 s" in gave_up.stderr

        waiting = subprocess.Popen(
            masthead_cmd("image", "add", issue, photo, "--card", card, "--wait", "--alt", "等"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        time.sleep(2.0)
        assert waiting.poll() is None, "went ahead while the window still held the issue"
        assert load_issue(issue).cards[card].body == before
        lock.unlink()  # the window closes
        out, err = waiting.communicate(timeout=120)
        assert waiting.returncode == 0, err
        assert load_issue(issue).cards[card].body.endswith(f"![等]({out.strip()})")
    finally:
        window.kill()
        window.wait()


def test_a_stale_window_lock_does_not_block(issue, tmp_path, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    hold_window_lock(issue, dead.pid)
    photo = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "olive").save(photo)
    assert main(["image", "add", str(issue), str(photo), "--card", first_card(issue)]) == 0
