"""`masthead import` through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


def masthead(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def inspect(folder: str) -> dict:
    proc = masthead("inspect", folder, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    ("name", "fmt", "cards"),
    [
        ("page-copy.txt", "auto", 15),
        ("page-copy.txt", "text", 15),
        ("shape-h3-cards.md", "auto", 3),
        ("shape-numbered-links.md", "markdown", 4),
        ("shape-bold-titles.md", "auto", 3),
    ],
)
def test_import_prints_the_folder_and_guesses(
    tmp_path: Path, name: str, fmt: str, cards: int
) -> None:
    proc = masthead("import", FIXTURES / name, "--into", tmp_path / "lib", "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    folder = proc.stdout.strip()
    assert Path(folder).parent == tmp_path / "lib"
    assert (Path(folder) / "issue.yaml").is_file()
    assert "guess:" in proc.stderr
    data = inspect(folder)

    def count(items: list) -> int:
        return sum(1 + count(c["children"]) for c in items)

    assert sum(count(s["cards"]) for s in data["sections"]) == cards


def test_slug_option(tmp_path: Path) -> None:
    proc = masthead("import", FIXTURES / "shape-bold-titles.md", "--into", tmp_path, "--slug", "w3")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "w3")
    again = masthead(
        "import", FIXTURES / "shape-bold-titles.md", "--into", tmp_path, "--slug", "w3"
    )
    assert again.returncode == 2 and "already exists" in again.stderr


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    first = masthead("import", FIXTURES / "page-copy.txt", "--into", tmp_path / "lib")
    folder = first.stdout.strip()
    exported = masthead(
        "export", folder, "--format", "markdown", "--profile", "hugo", "--out", tmp_path / "out",
        "--force",
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    index = exported.stdout.split()[0]
    second = masthead("import", index, "--into", tmp_path / "lib2")
    assert second.returncode == 0, second.stderr

    def strip(data: object) -> object:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k not in {"id", "card"}}
        if isinstance(data, list):
            return [strip(x) for x in data]
        return data

    assert strip(inspect(second.stdout.strip())) == strip(inspect(folder))


def test_bad_input_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"1. ok\n\n" + "caf\xe9\n".encode("latin-1"))
    proc = masthead("import", path, "--into", tmp_path / "lib")
    assert proc.returncode == 2
    assert f"{path}:3" in proc.stderr and "UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr
    missing = masthead("import", tmp_path / "none.md", "--into", tmp_path / "lib")
    assert missing.returncode == 2 and "none.md" in missing.stderr
