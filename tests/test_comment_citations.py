"""Comments and docstrings say why in their own words, never by citing a design document's
section or an issue number: those references mean nothing to a reader without the document
and go stale when it changes."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("editor_app", "tests", "benchmarks", "packaging")

# "DESIGN" (the document's name), "§3", "section 4", "issue 9", "issue #9" and a bare "#12".
# A "#12" right after "[" or "&" is Markdown or an HTML entity, not a citation; "§" on its own
# is the section mark the app shows.
CITATION = re.compile(
    r"\bDESIGN\b|§\s*\d|\b[Ss]ection\s+\d|\b[Ii]ssue\s+#?\d|(?<![\w&\[])#\d+\b",
)


def comments_and_docstrings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every comment and every module, class and function docstring."""
    found = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                found.append((node.body[0].lineno, doc))
    return found


def citations(source: str) -> list[tuple[int, str]]:
    return [
        (line, match.group(0))
        for line, text in comments_and_docstrings(source)
        for match in CITATION.finditer(text)
    ]


def python_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))


def test_no_comment_cites_a_design_section_or_an_issue() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in python_files()
        if path != Path(__file__).resolve()
        for line, text in citations(path.read_text(encoding="utf-8"))
    ]
    assert not found, "say why in plain words instead of citing:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "cited"),
    [
        ('"""The command line (DESIGN section 4)."""\n', True),
        ("x = 1  # see §3\n", True),
        ("def f():\n    '''As issue 9 asked.'''\n", True),
        ("# fixes #12\n", True),
        ("class C:\n    '''Section 2 rules.'''\n", True),
        ('"""Lines like "1. fix ([#12](url))" stay text."""\n', False),
        ("# A section intro's links are listed under its § mark.\n", False),
        ('label = "DESIGN section 4 #12"  # a string, not a comment\n', False),
        ("# the design keeps workers free of Qt objects\n", False),
    ],
)
def test_citations_are_recognised(source: str, cited: bool) -> None:
    assert bool(citations(source)) is cited
