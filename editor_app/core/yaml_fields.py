"""Type-checked access to a mapping read from YAML, with errors naming the file and line.

The readers of issue.yaml and of a card's front matter take every field through it, so a
wrong type typed by hand is reported where it was written, not as a crash further on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from yaml.nodes import Node, ScalarNode

from editor_app.core.errors import IssueFormatError
from editor_app.core.yamlio import item_node, key_node, node_line


class YamlFields:
    """A mapping read from YAML with the node it came from, for errors with a line."""

    def __init__(
        self, data: Any, node: Node | None, path: Path, line_offset: int = 0, what: str = ""
    ):
        if not isinstance(data, dict):
            line = node_line(node)
            raise IssueFormatError(
                f"{what or 'document'} must be a mapping",
                path,
                (line or 1) + line_offset,
            )
        self.data, self.node, self.path, self.offset = data, node, path, line_offset

    def fail_at(self, node: Node | None, message: str) -> IssueFormatError:
        line = node_line(node) or node_line(self.node)
        return IssueFormatError(message, self.path, line + self.offset if line else None)

    def fail(self, key: str, message: str) -> IssueFormatError:
        pair = key_node(self.node, key)
        return self.fail_at(pair[0] if pair else None, f"field '{key}' {message}")

    def value_node(self, key: str) -> Node | None:
        pair = key_node(self.node, key)
        return pair[1] if pair else None

    def sub(self, key: str) -> YamlFields:
        """A nested mapping (``source``, ``numbering``)."""
        value = self.data.get(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping")
        return YamlFields(value, self.value_node(key), self.path, self.offset, key)

    def str(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, "must be text")
        if not isinstance(value, str):
            # Unquoted "1.10" or "007" typed by hand: keep what was written, not 1.1 or 7.
            node = self.value_node(key)
            return node.value if isinstance(node, ScalarNode) else str(value)
        return value

    def opt_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        return value

    def str_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(key, "must be a list of text items")
        return [str(v) for v in value]

    def records(self, key: str) -> list[YamlFields]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        seq = self.value_node(key)
        return [
            YamlFields(v, item_node(seq, i), self.path, self.offset, f"each item of '{key}'")
            for i, v in enumerate(value)
        ]

    def choice(self, key: str, enum: type, default: Any) -> Any:
        value = self.data.get(key)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(key, f"must be one of: {allowed}") from None

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(key, "must be a date written YYYY-MM-DD")
