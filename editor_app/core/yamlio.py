"""Safe YAML in and deterministic YAML out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from editor_app.core.errors import IssueFormatError


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases (billion-laughs style inputs)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in Masthead files", event.start_mark
            )
        return super().compose_node(parent, index)


def load_yaml(text: str, path: Path | str, line_offset: int = 0) -> Any:
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise IssueFormatError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise IssueFormatError(f"invalid YAML: {exc}", path) from None


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line strings read best (and diff best) as literal blocks.
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )
