"""Stable random ids for sections and cards."""

from __future__ import annotations

import re
import secrets

_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{2,40}$")


def new_id(prefix: str = "c") -> str:
    """A random id that YAML reads back as a string (it starts with a letter)."""
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(9))


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))
