"""The problem-code registry: the docs table, the codes used in the source, the templates."""

import ast
import re
from pathlib import Path

import pytest

from editor_app.core import problem_codes
from editor_app.core.problem_codes import CODES, doc_table, message_text, problem, template_fields
from editor_app.core.problems import ERROR, INFO, WARNING

ROOT = Path(__file__).resolve().parents[2]
FORMAT_DOC = ROOT / "docs" / "format.md"
SOURCE = ROOT / "editor_app"


def _doc_rows() -> list[str]:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    section = text.split("## 10. Problem codes", 1)[1]
    return [line for line in section.splitlines() if line.startswith("|")]


def test_docs_table_equals_the_registry():
    expected = doc_table().splitlines()
    if _doc_rows() != expected:
        pytest.fail(
            "The problem-code table in docs/format.md (section 10) differs from "
            "editor_app/core/problem_codes.py. Replace the table with:\n\n" + doc_table()
        )


def _factory_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "problem":
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def _constants(tree_module: Path) -> dict[str, str]:
    """Module-level NAME = "string" assignments (render_checks names its codes)."""
    out = {}
    tree = ast.parse(tree_module.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    out[target.id] = node.value.value
    return out


def test_every_code_used_in_the_source_is_declared():
    names = _constants(SOURCE / "core" / "render_checks.py")
    calls = _factory_calls()
    assert len(calls) > 20  # the scan finds the checks' and the exporters' calls
    used = set()
    for where, line, call in calls:
        first = call.args[0]
        if isinstance(first, ast.Constant):
            code = first.value
        elif isinstance(first, ast.Name) and first.id in names:
            code = names[first.id]
        else:
            continue  # a code computed at run time: problem() raises if it is unknown
        assert code in CODES, f"{where}:{line} uses undeclared problem code {code!r}"
        used.add(code)
        for keyword in call.keywords:
            if keyword.arg == "variant" and isinstance(keyword.value, ast.Constant):
                variant = keyword.value.value
                assert variant in CODES[code].messages, f"{where}:{line}: no {code}/{variant}"
    # Most codes are spelled at their call; the rest are chosen at run time.
    assert len(used) >= len(CODES) - 6


def test_no_problem_is_built_by_hand():
    pattern = re.compile(r"\bProblem\(")
    for path in SOURCE.rglob("*.py"):
        if path.name in {"problems.py", "problem_codes.py"}:
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), (
            f"{path.relative_to(ROOT)} builds a Problem directly; use problem_codes.problem"
        )


def _sample(template: str) -> dict[str, object]:
    return {name: 1.5 for name in template_fields(template)}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_template_formats_with_its_fields(code):
    spec = CODES[code]
    assert spec.severity in (ERROR, WARNING, INFO)
    assert spec.help.strip() and "|" not in spec.help and "\n" not in spec.help
    for variant, template in spec.messages.items():
        found = problem(code, variant=variant, card="c1", **_sample(template))
        assert found.code == code and found.card == "c1"
        assert found.severity == spec.severity_of(variant)
        assert "{" not in found.message, found.message
        assert found.message_key == (f"{code}/{variant}" if variant else code)


def test_unknown_code_variant_or_field_raises():
    with pytest.raises(KeyError, match="not declared"):
        problem("no-such-code")
    with pytest.raises(KeyError, match="no message"):
        problem("empty-card", variant="nope", name="x")
    with pytest.raises(KeyError):
        problem("empty-card")  # the template needs {name}


def test_problem_keeps_its_arguments_and_json_is_unchanged():
    found = problem("duplicate-link", card="c1", url="https://a.example/", names="'A', 'B'")
    assert found.message == "https://a.example/ appears more than once: 'A', 'B'"
    assert found.args == {"url": "https://a.example/", "names": "'A', 'B'"}
    assert found.to_json() == {
        "severity": WARNING,
        "code": "duplicate-link",
        "message": found.message,
        "card": "c1",
    }


def test_stray_files_in_assets_are_warnings_of_error_codes():
    assert problem("symlink", variant="stray", rel="assets/x").severity == WARNING
    assert problem("symlink", variant="link", name="A", reason="r").severity == ERROR


def test_a_catalog_translates_by_message_key_and_falls_back_to_english():
    found = problem("empty-section", title="新闻")
    catalog = {"empty-section": "栏目“{title}”没有卡片", "empty-card": "{broken"}
    assert message_text(found, catalog) == "栏目“新闻”没有卡片"
    assert message_text(found, {}) == found.message
    card = problem("empty-card", name="A")
    assert message_text(card, catalog) == card.message  # a broken translation: English


def test_registry_rejects_a_code_declared_twice():
    spec = CODES["empty-card"]
    table = {spec.code: spec}
    with pytest.raises(ValueError, match="declared twice"):
        problem_codes.register(spec, table)
    assert table == {spec.code: spec}
