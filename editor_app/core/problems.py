"""A problem the checks report: a severity, a stable code, a message and the card concerned."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Exporters state what they will do (e.g. with remote images) at this level: never a problem
# to fix, never counted with the warnings, never stopping anything.
INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    card: str | None = None
    section: str | None = None  # set (and ``card`` None) for a problem in a section intro
    # Every card concerned when there are several (a link duplicated across cards): the
    # problem is listed once, and each of these cards shows it.
    cards: tuple[str, ...] = ()

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
        return data
