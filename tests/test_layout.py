"""The tests mirror the source tree, so the tests of a module are found without searching.

``tests/<path>/test_<module>.py`` tests ``editor_app/<path>/<module>.py``; more than one file
for a module adds an aspect: ``test_<module>_<aspect>.py``. ``test_<package>.py`` tests a
package as a whole (its ``__init__.py``). ``tests/cli`` mirrors ``editor_app/commands`` (one
module per command) plus ``editor_app/cli.py``, the entry point. Helpers that are not tests
(``export_helpers.py``, ``dialect_oracle.py``, conftest files) are not checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SOURCE = ROOT / "editor_app"

# Test folders checked, and where their source modules live.
MIRRORED = {
    "core": [SOURCE / "core"],
    "gui": [SOURCE / "gui"],
    "cli": [SOURCE / "commands", SOURCE],
}

# Tests of behaviour that spans several modules on purpose; each has its reason.
CROSS_CUTTING = {
    # Numbers must agree between the outline, the HTML page, every export and inspect --json.
    "gui/test_outline_numbering.py",
    # Every background job of the window (export, link check, image fetch, import) at once.
    "gui/test_thread_affinity.py",
    # Hostile field values through every exporter, read back as a site generator would.
    "core/export/test_export_properties.py",
    # Linked and non-image assets through every exporter and profile.
    "core/export/test_export_file_safety.py",
}


def mirrors(stem: str, folder: Path) -> bool:
    """True when test_<stem> names a module in folder, exactly or followed by an aspect.

    A package's test may add an aspect too, unless the aspect names one of the package's
    modules: that test belongs in the package's own test folder.
    """
    if not folder.is_dir():
        return False
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    if any(stem == name or stem.startswith(name + "_") for name in modules):
        return True
    for package in (p for p in folder.iterdir() if (p / "__init__.py").is_file()):
        if stem == package.name:
            return True
        aspect = stem.removeprefix(package.name + "_")
        if aspect != stem and not mirrors(aspect, package):
            return True
    return False


def unmatched_tests(tests_root: Path, source_roots: dict[str, list[Path]]) -> list[str]:
    """The test files under the mirrored folders that name no source module."""
    unmatched = []
    for top, roots in source_roots.items():
        for test in sorted((tests_root / top).rglob("test_*.py")):
            relative = test.relative_to(tests_root).as_posix()
            if relative in CROSS_CUTTING:
                continue
            sub = test.parent.relative_to(tests_root / top)
            stem = test.stem.removeprefix("test_")
            folders = [root / sub for root in roots]
            if not any(mirrors(stem, folder) for folder in folders):
                unmatched.append(relative)
    return unmatched


def test_every_test_file_mirrors_a_source_module() -> None:
    unmatched = unmatched_tests(TESTS, MIRRORED)
    assert not unmatched, (
        "these test files name no module of editor_app at the same path; move them to "
        "tests/<path>/test_<module>[_<aspect>].py (or list a cross-cutting test with its "
        f"reason in tests/test_layout.py): {unmatched}"
    )


def test_cross_cutting_tests_exist() -> None:
    missing = [name for name in CROSS_CUTTING if not (TESTS / name).is_file()]
    assert not missing, f"listed as cross-cutting but gone: {missing}"


@pytest.mark.parametrize(
    ("test_file", "ok"),
    [
        ("core/test_links.py", True),
        ("core/test_links_section_intros.py", True),
        ("core/test_markdown_dialect.py", True),  # the package as a whole
        ("core/test_linksx.py", False),
        ("core/test_images_assets.py", False),  # belongs in core/images/test_assets.py
        ("core/images/test_assets.py", True),
        ("gui/test_card_editor.py", False),  # belongs in gui/editor/
        ("gui/editor/test_card_editor.py", True),
        ("cli/test_export_cli.py", True),  # editor_app/commands/export.py
        ("cli/test_cli.py", True),  # editor_app/cli.py
        ("cli/test_import_cli.py", False),  # the command module is importer.py
    ],
)
def test_misplaced_tests_are_found(tmp_path: Path, test_file: str, ok: bool) -> None:
    test = tmp_path / test_file
    test.parent.mkdir(parents=True)
    test.write_text("", encoding="utf-8")
    roots = {top: roots for top, roots in MIRRORED.items() if test_file.startswith(top + "/")}
    assert (unmatched_tests(tmp_path, roots) == []) is ok
