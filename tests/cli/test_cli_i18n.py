"""The command line speaks the locale's language: Chinese under zh_CN, English otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.core.model import Source
from editor_app.core.storage import load_issue, save_issue

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def masthead(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env["LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture
def issue_with_problems(issue_folder: Path) -> Path:
    issue = load_issue(issue_folder)
    card = next(iter(issue.cards.values()))
    card.source = Source("Plain", "http://example.org/plain")  # insecure-url (warning)
    card.body = "![](assets/missing.png)"  # missing-alt and missing-image (errors)
    save_issue(issue)
    return issue_folder


def test_check_in_chinese_under_zh_cn(issue_with_problems: Path) -> None:
    result = masthead("check", issue_with_problems, lang="zh_CN.UTF-8")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "没有替代文字" in out
    assert "不存在" in out
    assert "使用 http；可能有 https 地址" in out
    assert "错误：missing-alt" in out  # the severity translated, the code kept
    assert "个错误" in out.splitlines()[-1]
    assert "has no alt text" not in out


def test_check_in_english_under_c(issue_with_problems: Path) -> None:
    result = masthead("check", issue_with_problems, lang="C")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "has no alt text" in out
    assert "error: missing-alt" in out
    assert out.splitlines()[-1].startswith("2 errors, 1 warning, 0 notes")
    assert "没有替代文字" not in out


def test_check_json_stays_english_under_zh_cn(issue_with_problems: Path) -> None:
    result = masthead("check", issue_with_problems, "--json", lang="zh_CN.UTF-8")
    assert "has no alt text" in result.stdout
    assert "没有替代文字" not in result.stdout


def test_errors_and_export_preflight_in_chinese(issue_with_problems: Path, tmp_path: Path) -> None:
    result = masthead("check", tmp_path / "nowhere", lang="zh_CN.UTF-8")
    assert result.returncode == 2
    assert "masthead：错误：" in result.stderr
    assert "没有这个文件夹" in result.stderr
    out = tmp_path / "out"
    result = masthead(
        "export", issue_with_problems, "--format", "markdown", "--out", out, lang="zh_CN.UTF-8"
    )
    assert result.returncode == 1
    assert "导出已停止" in result.stderr
    assert "没有替代文字" in result.stderr


def test_import_guesses_in_chinese(tmp_path: Path) -> None:
    text = tmp_path / "issue.txt"
    text.write_text(
        "周刊 第 3 期\n\n新闻\n\n1. 第一条\n正文一\n\n3. 第三条\n正文三\n", encoding="utf-8"
    )
    library = tmp_path / "library"
    library.mkdir()
    result = masthead("import", text, "--into", library, lang="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "推测：" in result.stderr
    assert "guess:" not in result.stderr
    english = masthead("import", text, "--into", library, "--slug", "again", lang="C")
    assert "guess:" in english.stderr


def test_links_and_image_list_in_chinese(issue_with_problems: Path) -> None:
    result = masthead("links", issue_with_problems, lang="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    header, *_rows, summary = result.stdout.splitlines()
    assert header.split()[:3] == ["卡片", "类型", "文字"]
    assert "个链接" in summary and "link" not in summary
    result = masthead("image", "list", issue_with_problems, lang="zh_CN.UTF-8")
    assert "文件缺失" in result.stdout and "缺少替代文字" in result.stdout
    english = masthead("image", "list", issue_with_problems, lang="C")
    assert "Missing file, No alt text" in english.stdout


def test_core_errors_in_chinese(issue_folder: Path, tmp_path: Path) -> None:
    """An error core raises (here the image pipeline's) reaches the CLI by its key."""
    fake = tmp_path / "photo.png"
    fake.write_text("plain words, not pixels", encoding="utf-8")
    result = masthead("image", "add", issue_folder, fake, lang="zh_CN.UTF-8")
    assert result.returncode == 2
    assert "不是可接受的图片：这是一个文本文件" in result.stderr
    english = masthead("image", "add", issue_folder, fake, lang="C")
    assert "not an accepted image: this is a text file" in english.stderr


def _english_literals_printed() -> list[str]:
    """print() calls of the CLI whose own text has English words: they bypass the catalog."""
    import ast
    import re

    root = Path(__file__).resolve().parents[2] / "editor_app"
    found = []
    for path in [root / "cli.py", *sorted((root / "commands").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print"):
                continue
            for arg in node.args:
                parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
                literal = "".join(
                    p.value
                    for p in parts
                    if isinstance(p, ast.Constant) and isinstance(p.value, str)
                )
                words = set(re.findall(r"[A-Za-z]{2,}", literal)) - {"masthead"}
                if words:
                    found.append(f"{path.name}:{node.lineno}: {sorted(words)}")
    return found


def test_the_cli_prints_no_english_of_its_own() -> None:
    assert _english_literals_printed() == []
