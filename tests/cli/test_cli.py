"""The `masthead` command line through a subprocess, as tools outside the project call it."""

from __future__ import annotations

import importlib
import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.core.model import Source
from editor_app.core.outline import add_card
from editor_app.core.resources import default_library
from editor_app.core.storage import load_issue, save_issue
from editor_app.core.template import new_issue


def masthead(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def make_clean_issue(library: Path) -> Path:
    """A small issue with no problems: every section has a card with a source."""
    issue = new_issue(library, "CLI test issue")
    issue.cards.clear()
    for s in issue.sections:
        s.card_ids.clear()
    for n, section in enumerate(issue.sections, start=1):
        card = add_card(issue, section.id, f"卡片 {n} 🚀")
        card.source = Source(f"Article {n}", f"https://example.org/article-{n}")
        card.body = f"第 {n} 张卡片的摘要。\n\n![第 {n} 张图：集群拓扑](assets/pic-{n}.png)\n"
        (issue.folder / "assets" / f"pic-{n}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        if n == 1:
            parent = card
    sub = add_card(issue, parent.id, "子卡片")
    sub.body = "子卡片正文 [链接](https://example.org/sub)"
    deeper = add_card(issue, sub.id, "孙卡片")
    deeper.body = "更深一层"
    save_issue(issue)
    return issue.folder


def assert_user_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# -- new --------------------------------------------------------------------------------------
def test_new_prints_the_folder(tmp_path):
    result = masthead("new", tmp_path / "lib", "--title", "Monthly 2026-03")
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip())
    assert folder == tmp_path / "lib" / "monthly-2026-03"
    assert (folder / "issue.yaml").is_file()
    assert len(load_issue(folder).sections) == 6
    second = masthead("new", tmp_path / "lib", "--title", "Monthly 2026-03", "--slug", "custom")
    assert second.returncode == 0 and Path(second.stdout.strip()).name == "custom"
    assert load_issue(tmp_path / "lib" / "custom").number == 2


def test_new_with_bad_slug_is_a_user_error(tmp_path):
    assert_user_error(masthead("new", tmp_path, "--title", "t", "--slug", "../x"), "slug")


def test_new_into_a_file_is_a_user_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert_user_error(masthead("new", blocker, "--title", "t"), str(blocker))


# -- inspect --json ---------------------------------------------------------------------------
def check_card(card: dict, ids: set[str]) -> None:
    assert isinstance(card["id"], str) and card["id"] not in ids
    ids.add(card["id"])
    assert isinstance(card["number"], str) and card["number"]
    assert isinstance(card["title"], str)
    assert card["source"] is None or (
        set(card["source"]) >= {"title", "url"}
        and all(isinstance(v, str) for v in card["source"].values())
    )
    assert isinstance(card["links"], list) and isinstance(card["further_reading"], list)
    for link in card["links"]:
        assert isinstance(link["label"], str) and isinstance(link["url"], str)
    for fr in card["further_reading"]:
        assert {"title", "url", "summary"} <= set(fr)
    assert isinstance(card["note"], str)
    assert isinstance(card["children"], list)
    for child in card["children"]:
        assert child["number"].startswith(card["number"] + ".")
        check_card(child, ids)


def check_schema(data: dict) -> set[str]:
    """Asserts the documented schema of `inspect --json`; returns the card ids."""
    assert isinstance(data["title"], str)
    assert data["number"] is None or isinstance(data["number"], int)
    assert data["date"] is None or (isinstance(data["date"], str) and len(data["date"]) == 10)
    ids: set[str] = set()
    for section in data["sections"]:
        assert {"id", "label", "emoji", "title", "cards"} <= set(section)
        assert all(isinstance(section[k], str) for k in ("id", "label", "emoji", "title"))
        for card in section["cards"]:
            check_card(card, ids)
    for link in data["links"]:
        assert set(link) >= {"card", "url", "text", "kind"}
        assert link["card"] in ids and isinstance(link["url"], str)
        assert isinstance(link["text"], str)
        assert link["kind"] in {"source", "link", "inline", "further", "image"}
    for image in data["images"]:
        assert set(image) >= {"card", "path", "alt", "exists"}
        assert image["card"] in ids and isinstance(image["exists"], bool)
        assert isinstance(image["path"], str) and isinstance(image["alt"], str)
    for problem in data["problems"]:
        assert set(problem) >= {"severity", "code", "message", "card"}
        assert problem["severity"] in {"error", "warning"}
        assert isinstance(problem["code"], str) and isinstance(problem["message"], str)
        assert problem["card"] is None or problem["card"] in ids
    return ids


def test_inspect_json_matches_the_schema(tmp_path):
    folder = make_clean_issue(tmp_path)
    result = masthead("inspect", folder, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = check_schema(data)
    assert len(ids) == 8
    assert data["title"] == "CLI test issue" and data["number"] == 1
    assert [s["label"] for s in data["sections"]][:2] == ["专题一", "专题二"]
    first = data["sections"][0]["cards"][0]
    assert first["number"] == "1" and first["title"] == "卡片 1 🚀"
    assert first["children"][0]["number"] == "1.1"
    assert first["children"][0]["children"][0]["number"] == "1.1.1"
    assert first["source"] == {"title": "Article 1", "url": "https://example.org/article-1"}
    kinds = {link["kind"] for link in data["links"]}
    assert {"source", "inline", "image"} <= kinds
    assert len(data["images"]) == 6 and all(i["exists"] for i in data["images"])
    assert data["images"][0]["alt"] == "第 1 张图：集群拓扑"
    assert data["problems"] == []


def test_inspect_json_reports_problems_and_unreadable_cards(tmp_path):
    folder = make_clean_issue(tmp_path)
    issue = load_issue(folder)
    victim = issue.sections[1].card_ids[0]
    (folder / "cards" / f"{victim}.md").write_bytes(b"---\ntitle: \xff\n---\n")
    (folder / "assets" / "pic-3.png").unlink()
    data = json.loads(masthead("inspect", folder, "--json").stdout)
    check_schema(data)
    found = {(p["code"], p["card"]) for p in data["problems"]}
    assert ("unreadable-file", victim) in found
    assert ("missing-image", issue.sections[2].card_ids[0]) in found
    assert [i["exists"] for i in data["images"] if i["path"] == "assets/pic-3.png"] == [False]


def test_inspect_text(tmp_path):
    folder = make_clean_issue(tmp_path)
    result = masthead("inspect", folder)
    assert result.returncode == 0
    assert "专题一" in result.stdout and "1.1 子卡片" in result.stdout


# -- check ------------------------------------------------------------------------------------
def test_check_clean_issue_exits_0(tmp_path):
    folder = make_clean_issue(tmp_path)
    result = masthead("check", folder)
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout
    result = masthead("check", folder, "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"problems": [], "ok": True}


def test_check_with_errors_exits_1(tmp_path):
    folder = make_clean_issue(tmp_path)
    issue = load_issue(folder)
    card = issue.cards[issue.sections[0].card_ids[0]]
    card.body += "\n\n![An image to describe post](../../x.png)\n\n[x](https://exa mple.org)"
    save_issue(issue)
    result = masthead("check", folder)
    assert result.returncode == 1
    assert "unsafe-path" in result.stdout and "generic-alt" in result.stdout
    data = json.loads(masthead("check", folder, "--json").stdout)
    assert data["ok"] is False
    assert {"unsafe-path", "generic-alt", "malformed-url"} <= {p["code"] for p in data["problems"]}


def test_check_accepts_the_manifest_path(tmp_path):
    folder = make_clean_issue(tmp_path)
    assert masthead("check", folder / "issue.yaml").returncode == 0


def test_warnings_only_exit_0(tmp_path):
    folder = make_clean_issue(tmp_path)
    issue = load_issue(folder)
    issue.cards[issue.sections[0].card_ids[0]].source.url = "http://example.org/plain"
    save_issue(issue)
    result = masthead("check", folder, "--json")
    assert result.returncode == 0
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["insecure-url"]


# -- the sample library that ships with the project ------------------------------------------
SAMPLES = sorted(p.parent for p in default_library().glob("*/issue.yaml"))


@pytest.mark.parametrize("folder", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_issues_check_clean_and_save_unchanged(folder, tmp_path):
    result = masthead("check", folder, "--json")
    assert result.returncode == 0, result.stdout
    check_schema(json.loads(masthead("inspect", folder, "--json").stdout))
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    # Saving an untouched sample rewrites nothing: the files are in canonical form.
    assert save_issue(load_issue(copy)) == []


# -- user errors: exit 2, one line naming the file, no traceback ------------------------------
@pytest.mark.parametrize("command", [["inspect", "--json"], ["check"], ["check", "--json"]])
def test_non_existent_folder(tmp_path, command):
    missing = tmp_path / "no-such-issue"
    result = masthead(command[0], missing, *command[1:])
    assert_user_error(result, str(missing))


def test_folder_without_manifest(tmp_path):
    assert_user_error(masthead("inspect", tmp_path, "--json"), str(tmp_path))


@pytest.mark.parametrize(
    ("manifest", "line", "word"),
    [
        (b"format: 1\ntitle: ok\noutline:\n- id: [broken\n", 5, "YAML"),
        (b"format: 1\ntitle: caf\xe9\n", 2, "UTF-8"),
        (b"format: 1\ntitle: ok\ndate: 2026-13-45\n", 3, "date"),
        (b"format: 1\nnumber: abc\n", 2, "number"),
        (b"format: 9\n", 1, "newer"),
        (b"format: 1\na: &x 1\nb: *x\n", 3, "alias"),
    ],
)
@pytest.mark.parametrize("command", ["inspect", "check"])
def test_bad_manifest(tmp_path, manifest, line, word, command):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "issue.yaml").write_bytes(manifest)
    args = [command, folder, "--json"]
    assert_user_error(masthead(*args), f"{folder / 'issue.yaml'}:{line}:", word)


@pytest.mark.parametrize(
    "args",
    [["inspect"], ["check", "--bogus", "x"], ["new", "lib"], ["inspect", "a", "b", "--json"]],
)
def test_bad_usage(tmp_path, args):
    result = masthead(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "error:" in result.stderr


def test_mistyped_command_is_an_error_not_a_window(tmp_path):
    result = masthead("chekc", cwd=tmp_path)
    assert_user_error(result, "chekc", "check")


def test_version():
    result = masthead("--version")
    assert result.returncode == 0 and result.stdout.startswith("masthead ")


# -- no Qt in the core or the CLI -------------------------------------------------------------
def _ignore(name: str) -> None:
    """A sub-package that fails to import is still listed, so its own test shows the error."""


def _modules(package: str) -> list[str]:
    """Every module of a package, sub-packages included (core/export, core/importers …)."""
    pkg = importlib.import_module(package)
    return sorted(
        m.name for m in pkgutil.walk_packages(pkg.__path__, f"{package}.", onerror=_ignore)
    )


NO_QT = (
    "import sys; qt = sorted(m for m in sys.modules if m.startswith('PySide6')); "
    "assert not qt, qt[:5]"
)


@pytest.mark.parametrize(
    "module", ["editor_app.cli"] + _modules("editor_app.core") + _modules("editor_app.commands")
)
def test_module_imports_no_qt(module):
    code = f"import editor_app.cli, {module}; {NO_QT}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_building_the_full_parser_imports_no_qt():
    # Optional subcommands (export, import, image, links) load when the parser is built.
    code = f"from editor_app.cli import build_parser; build_parser(); {NO_QT}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_subcommand_list_names_what_each_module_registers():
    from editor_app.cli import COMMANDS, build_parser

    for name in COMMANDS:
        choices = build_parser(only=name)._subparsers._group_actions[0].choices  # noqa: SLF001
        assert list(choices) == [name]
    full = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    assert list(full) == list(COMMANDS)


def test_check_loads_only_what_it_needs(tmp_path: Path):
    # A check renders nothing and imports no exporter, importer or network code: a new
    # process over a large archive must start in a fraction of a second.
    folder = make_clean_issue(tmp_path)
    code = (
        "import sys; from editor_app.cli import main; "
        f"code = main(['check', {str(folder)!r}]); "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'markdown', 'nh3', 'jinja2', 'pypinyin', 'PIL', 'urllib3', 'http', 'ssl'} "
        "or m.startswith(('editor_app.core.importers', 'editor_app.core.export', "
        "'editor_app.core.render', 'editor_app.commands.export'))"
        " and m != 'editor_app.core.render_checks' and m != 'editor_app.core.render_limits'); "
        "assert not heavy, heavy; sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
