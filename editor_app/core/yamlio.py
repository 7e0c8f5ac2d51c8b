"""Safe YAML in and deterministic YAML out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.reader import ReaderError

from editor_app.core.errors import IssueFormatError


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and duplicate keys.

    Aliases allow billion-laughs style inputs; a duplicate key (often left by a git merge)
    would silently drop one of the two values.
    """

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in Masthead files", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):  # type: ignore[override]
        # An explicit tag on a value that does not fit it (``!!int title``, ``!!timestamp x``)
        # makes PyYAML's constructors raise plain Python errors; report them at the value.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, AttributeError, LookupError, OverflowError) as exc:
            raise ConstructorError(
                None, None, f"value does not fit its tag {node.tag} ({exc})", node.start_mark
            ) from None

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        if isinstance(node, MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = key_node.value if key_node.tag.endswith(":str") else None
                if key is not None and key in seen:
                    raise ConstructorError(
                        None, None, f"key '{key}' appears twice", key_node.start_mark
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date-looking scalar that is no real date (2026-13-45) stays text.

    PyYAML raises a bare ValueError there; as text, the field's own type check reports it
    with the field name and line instead.
    """
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)


def format_yaml_error(
    exc: yaml.YAMLError, path: Path | str, line_offset: int, text: str = ""
) -> IssueFormatError:
    if isinstance(exc, ReaderError):
        # Raised before any parsing for a character YAML forbids (a control character pasted
        # in from a terminal or a binary file); it carries a character offset, not a line.
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return IssueFormatError(f"invalid YAML: non-printable character {what}", path, line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        return IssueFormatError(f"invalid YAML: {problem}", path, line)
    return IssueFormatError(f"invalid YAML: {exc}", path)


def load_yaml_node(text: str, path: Path | str, line_offset: int = 0) -> tuple[Any, Node | None]:
    """The data of a YAML document and its node tree (for the line of each value)."""
    try:
        # The reader checks every character as the loader is built: that too must give a
        # format error with a line, never a bare ReaderError.
        loader = _NoAliasLoader(text)
    except yaml.YAMLError as exc:
        raise format_yaml_error(exc, path, line_offset, text) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, node
    except yaml.YAMLError as exc:
        raise format_yaml_error(exc, path, line_offset, text) from None
    except RecursionError:
        raise IssueFormatError("invalid YAML: nested too deeply", path) from None
    finally:
        loader.dispose()


def load_yaml(text: str, path: Path | str, line_offset: int = 0) -> Any:
    return load_yaml_node(text, path, line_offset)[0]


def node_line(node: Node | None) -> int | None:
    """1-based line where a node starts."""
    return node.start_mark.line + 1 if node is not None else None


def key_node(node: Node | None, key: str) -> tuple[Node, Node] | None:
    """The (key node, value node) pair of ``key`` in a mapping node."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return k, v
    return None


def item_node(node: Node | None, index: int) -> Node | None:
    if isinstance(node, SequenceNode) and 0 <= index < len(node.value):
        return node.value[index]
    return None


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML writes NEL (U+0085) raw inside single quotes, where reading folds it into a
    # space; a double-quoted scalar escapes it ("\N") and reads back exactly.
    if "\x85" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
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
