"""Typed errors raised by core; the GUI and the CLI decide how to show them."""

from __future__ import annotations

from pathlib import Path


class MastheadError(Exception):
    """Base of every error core raises for the user to see."""

    code = "error"

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return f"{where}{self.message}"


class IssueFormatError(MastheadError):
    """A file exists but does not follow the issue format (bad YAML, wrong types)."""

    code = "format"


class UnreadableFileError(MastheadError):
    """A file cannot be decoded or read at all."""

    code = "unreadable-file"


class IssueNotFoundError(MastheadError):
    code = "not-found"


class IssueLockedError(MastheadError):
    """Another process holds the issue: a window editing it, or a writer that did not finish."""

    code = "locked"


class OutlineError(MastheadError):
    """An outline operation that would break the tree (e.g. a node into its own subtree)."""

    code = "outline"


class ImageError(MastheadError):
    code = "image"


class ExportError(MastheadError):
    code = "export"


class ImportFormatError(MastheadError):
    code = "import"


class GitError(MastheadError):
    """A git command failed or git is missing; ``detail`` holds what git printed."""

    code = "git"

    def __init__(self, message: str, detail: str = "") -> None:
        self.detail = detail
        super().__init__(f"{message}: {detail}" if detail else message)
class InboxError(MastheadError):
    """The link inbox refused an input (too large, unreadable) or a fetch failed.

    ``key`` and ``fields`` name the message in the core catalog, so the GUI and the CLI can
    show it in the editor's language; ``message`` is the English text.
    """

    code = "inbox"

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        key: str = "",
        fields: dict[str, object] | None = None,
    ):
        self.key = key
        self.fields = dict(fields or {})
        super().__init__(message, path)
