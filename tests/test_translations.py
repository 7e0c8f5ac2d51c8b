"""The Simplified Chinese catalogue is complete, current with the sources, and compiles."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "masthead_translations", ROOT / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
TS = tool.ts_path("zh_CN")


@pytest.fixture(scope="module")
def messages():
    assert TS.is_file(), f"{TS} is missing"
    return tool.parse_ts(TS)


def test_catalogue_declares_its_language():
    head = TS.read_text(encoding="utf-8")[:300]
    assert '<TS version="2.1" language="zh_CN">' in head


def test_no_unfinished_vanished_or_empty_entries(messages):
    assert len(messages) > 200  # the whole GUI, not a stub
    bad = [
        f"{m.context}: {m.source!r} ({m.kind or 'empty'})"
        for m in messages
        if m.kind in ("unfinished", "vanished", "obsolete") or not m.translation.strip()
    ]
    assert bad == [], "untranslated entries:\n" + "\n".join(bad)


def test_catalogue_matches_the_sources(messages):
    """Running lupdate now would add nothing and drop nothing (else: make update-translations)."""
    in_ts = {m.key for m in messages}
    in_code = {m.key for m in tool.extract()}
    assert sorted(in_code - in_ts) == [], "strings in the code missing from the .ts"
    assert sorted(in_ts - in_code) == [], "strings in the .ts the code no longer has"


def test_no_strings_without_a_context(messages):
    # An empty context means lupdate could not tell the class (e.g. `tr = self.tr`), and
    # the runtime lookup, which uses the class name, would never find the translation.
    assert [m.source for m in messages if not m.context] == []


def test_translations_keep_placeholders_and_accelerators(messages):
    slips = [f"{m.source!r}: {slip}" for m in messages for slip in tool.translation_slips(m)]
    assert slips == []


def test_slips_are_detected():
    m = tool.Message("C", "Delete %n card(s) in %1", "", "删除卡片", "", True)
    assert len(tool.translation_slips(m)) == 1
    m = tool.Message("C", "&File", "", "文件", "", False)
    assert "accelerator &F" in tool.translation_slips(m)[0]
    assert tool.translation_slips(tool.Message("C", "&File", "", "文件(&F)", "", False)) == []


def test_chinese_uses_the_usual_desktop_terms(messages):
    by_source = {m.source: m.translation for m in messages}  # whichever class holds them
    assert by_source["&File"] == "文件(&F)"
    assert by_source["&Edit"] == "编辑(&E)"
    assert by_source["&Undo"] == "撤销(&U)"
    assert by_source["&Redo"] == "重做(&R)"
    assert by_source["&Outline"] == "大纲(&O)"
    assert by_source["Preview"] == "预览"
    assert "卡片" in by_source["Add &Card"]


def test_catalogue_compiles_and_translates(tmp_path):
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "masthead_zh_CN.qm"
    subprocess.run([tool.tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    context = {m.source: m.context for m in tool.parse_ts(TS)}
    assert translator.translate(context["&File"], "&File") == "文件(&F)"
    plural = "Delete %n card(s)"
    assert translator.translate(context[plural], plural, "", 3) == "删除 %n 张卡片"


def _translate_calls_with_computed_text() -> list[str]:
    """Calls that pass translate() a variable: lupdate cannot extract what they translate."""
    import ast

    found = []
    for path in tool.source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate"
                    and len(node.args) >= 2
                    and not isinstance(node.args[1], ast.Constant)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} in {func.name}()")
    return found


def test_no_translation_wrappers():
    # A helper like `def _tr(text): return QCoreApplication.translate("Ctx", text)` hides every
    # string passed to it from lupdate, so they are never translated. The allowed cases
    # translate strings marked with QT_TRANSLATE_NOOP: the about dialog's notes where they are
    # defined, and the export registry's strings in export_labels.py (a test of the export
    # panel checks that every one of them is marked).
    # i18n.py's translator override is the catalogue itself, called by Qt for every string.
    allowed = {"translate_note", "translated"}
    found = [
        f
        for f in _translate_calls_with_computed_text()
        if f.split(" in ")[1][:-2] not in allowed
        and not (f.startswith("editor_app/gui/i18n.py:") and f.endswith(" in translate()"))
    ]
    assert found == [], "write QCoreApplication.translate('Context', 'literal') at each call"


EN_TS = tool.ts_path("en")


def test_english_catalogue_holds_the_plural_forms_only():
    messages = tool.parse_ts(EN_TS)
    assert '<TS version="2.1" language="en">' in EN_TS.read_text(encoding="utf-8")[:300]
    assert messages and all(m.numerus for m in messages)
    in_code = {m.key for m in tool.extract() if m.numerus}
    assert {m.key for m in messages} == in_code, "run `make update-translations`"
    for m in messages:
        one, other = m.translation.split("\n")
        assert "(s)" not in one + other and "(es)" not in one + other, m.source
        assert "%n" in one and "%n" in other, m.source
    by_source = {m.source: m.translation.split("\n") for m in messages}
    assert by_source["%n image(s)"] == ["%n image", "%n images"]


def test_english_plural_forms_compile(tmp_path):
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "masthead_en.qm"
    subprocess.run(
        [tool.tool("pyside6-lrelease"), "-silent", str(EN_TS), "-qm", str(qm)], check=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    # The translator picks the form; QCoreApplication.translate then puts the number in.
    assert translator.translate("ImagePanel", "%n image(s)", "", 1) == "%n image"
    assert translator.translate("ImagePanel", "%n image(s)", "", 2) == "%n images"
    assert translator.translate("ImagePanel", "%n image(s)", "", 0) == "%n images"
