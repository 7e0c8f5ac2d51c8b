"""masthead search LIBRARY QUERY... [--json] [--limit N] [--rebuild] [--no-index]."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from editor_app.cli import main
from editor_app.core.search.index import index_path
from tests.core.search.search_helpers import make_issue


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "library"
    root.mkdir()
    make_issue(root, "2026-01-first", dt.date(2026, 1, 5), chinese=False)
    make_issue(root, "2026-02-second", dt.date(2026, 2, 2), chinese=True)
    return root


def test_text_output_names_issue_card_and_snippet(library, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(["search", str(library), "服务", "网格"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("2026-02-second › 服务网格的现状 [c")  # both words in its title
    assert lines[1] == "    Istio 与 Linkerd 的服务网格对比，数据面代理的内存开销下降。"
    assert lines[2].startswith("2026-02-second › 新闻 [section ")
    assert lines[3] == "    导语：服务网格的一年。"
    assert err.splitlines() == [
        "building the search index (the first search of a library)…",
        "built the search index (2 issues)",
        "2 results",
    ]
    assert index_path(library).is_file()


def test_json_output_and_exit_codes(library, capsys):
    assert main(["search", str(library), "edit", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indexed"] is True and data["more"] is False
    [hit] = data["results"]
    assert hit["issue"]["folder"] == "2026-01-first" and hit["kind"] == "card"
    assert hit["card"] and hit["title"] == "Editor release notes"
    assert [hit["snippet"][a:b] for a, b in hit["marks"]] == ["editor"]
    assert hit["match"] == {"field": "body", "start": 8, "end": 14}
    assert main(["search", str(library), "nothing-of-the-kind"]) == 1
    assert main(["search", str(library), "云", "--limit", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["more"] is True


def test_rebuild_no_index_and_a_read_only_state_folder(library, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    assert main(["search", str(library), "网格", "--no-index"]) == 0
    assert not index_path(library).exists()
    assert main(["search", str(library), "网格", "--rebuild"]) == 0
    assert "已建立搜索索引" in capsys.readouterr().err
    index_path(library).unlink()
    index_path(library).parent.rmdir()
    (library / ".masthead").write_text("in the way", "utf-8")
    assert main(["search", str(library), "网格"]) == 0
    out, err = capsys.readouterr()
    assert "服务网格" in out and "未使用索引" in err


def test_bad_input(library, tmp_path, capsys):
    assert main(["search", str(tmp_path / "nowhere"), "x"]) == 2
    assert main(["search", str(library / "2026-01-first"), "x"]) == 2
    assert "issue folder" in capsys.readouterr().err
    assert main(["search", str(library), "x", "--limit", "0"]) == 2


def test_the_command_imports_no_qt(library):
    code = (
        "import sys; from editor_app.cli import main; main(['search', sys.argv[1], 'edit']);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    done = subprocess.run([sys.executable, "-c", code, str(library)], capture_output=True)
    assert done.returncode == 0, done.stderr
