"""`masthead export`'s arguments come from the export registry, so a new format needs no CLI edit."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from editor_app.commands import export as export_command
from editor_app.core.export.registry import EXPORTS
from tests.core.export.export_helpers import registry_with_text


def parser_for(registry=EXPORTS) -> argparse.ArgumentParser:  # noqa: ANN001
    parser = argparse.ArgumentParser(prog="masthead export")
    export_command.add_arguments(parser, registry)
    return parser


def test_choices_and_help_list_the_registry() -> None:
    text = parser_for().format_help()
    assert "{markdown,html,wechat,email}" in text
    # argparse wraps long help at hyphens too: compare without any white space.
    assert "".join(EXPORTS.profiles_help().split()) in "".join(text.split())
    for option in EXPORTS.options:
        assert option.flag in text
    with pytest.raises(SystemExit):
        parser_for().parse_args(["issue", "--profile", "wordpress"])


def test_a_registered_exporter_is_offered_and_runs(
    issue_folder: Path, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    registry = registry_with_text()
    parser = parser_for(registry)
    help_text = " ".join(parser.format_help().split())
    assert "{markdown,html,wechat,email,text}" in help_text and "text: txt" in help_text
    with pytest.raises(SystemExit):  # the app's own command line does not know it
        parser_for().parse_args(["issue", "--format", "text"])

    out = tmp_path / "out"
    args = parser.parse_args(
        [str(issue_folder), "--format", "text", "--profile", "txt", "--out", str(out)]
    )
    assert export_command.run(args, registry) == 0
    assert capsys.readouterr().out.split() == [str(out / "test-issue.txt")]
    assert (out / "test-issue.txt").read_text("utf-8").startswith("测试期刊 Test Issue\n")


def test_options_from_args_follow_the_registry() -> None:
    parser = parser_for()
    settings = {"format": "html", "allow_remote": True, "remote_image_max_mb": 2}
    args = parser.parse_args(["issue", "--format", "html", "--force"])
    options = export_command.options_from_args(args, settings, "html")
    assert options.allow_remote and options.force and options.remote_image_max_bytes == 2_000_000
    args = parser.parse_args(["issue", "--format", "markdown", "--image-prefix", "https://cdn/"])
    options = export_command.options_from_args(args, settings, "markdown")
    # Settings stored for another format are not this export's.
    assert options.image_prefix == "https://cdn/" and not options.allow_remote
    assert options.remote_image_max_bytes == 5_000_000
