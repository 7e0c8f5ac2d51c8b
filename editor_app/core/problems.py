"""A problem the checks report: a severity, a stable code, a message and the card concerned.

Problems are built by ``problem_codes.problem``, which fills ``message`` from the code's
English template and keeps the template's arguments (``args``) and its ``variant``, so a
catalog keyed by ``message_key`` can say the same thing in another language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"
# Exporters state what they will do (e.g. with remote images) at this level: never a problem
# to fix, never counted with the warnings, never stopping anything.
INFO = "info"


@dataclass(frozen=True)
class TextSpan:
    """Where in a card's field a problem is: ``text[start:end]`` (Python indexes), which held
    ``old`` when the check ran, starting at ``line`` and ``column`` (both from 1)."""

    # "title", "body", "note", a card's structured field by path ("links.0.label" …; see
    # typography_places), a section's "intro" or the "summary"
    field: str
    start: int
    end: int
    line: int
    column: int
    old: str = ""

    def to_json(self) -> dict:
        return {
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
        }


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    card: str | None = None
    section: str | None = None  # set (and ``card`` None) for a problem in a section intro
    # What the message was made of; not part of equality (the message already says it all).
    args: Mapping[str, Any] = field(default_factory=dict, compare=False)
    variant: str = field(default="", compare=False)
    # Every card concerned when there are several (a link duplicated across cards): the
    # problem is listed once, and each of these cards shows it.
    cards: tuple[str, ...] = ()
    # The exact place in the card's text, for problems that have one (typography).
    span: TextSpan | None = field(default=None, compare=False)

    @property
    def message_key(self) -> str:
        """The key of this message's template in a catalog: the code, or code/variant."""
        return f"{self.code}/{self.variant}" if self.variant else self.code

    def to_json(self) -> dict:
        data = {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "card": self.card,
        }
        if self.section:
            data["section"] = self.section
        if self.cards:
            data["cards"] = list(self.cards)
        if self.span is not None:
            data["span"] = self.span.to_json()
        return data
