"""Typed errors raised by core; the GUI and the CLI decide how to show them.

An error's message is either plain English or a ``messages.Text``; a Text keeps its key
(``text``) so the catalog can give the message in the editor's language, while ``message``
and ``describe()`` stay the English sentence.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.messages import Text


class MastheadError(Exception):
    """Base of every error core raises for the user to see."""

    code = "error"

    def __init__(
        self, message: str | Text, path: Path | str | None = None, line: int | None = None
    ):
        self.text = message if isinstance(message, Text) else None
        self.message = str(message)
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.describe())

    def where(self) -> str:
        """The file (and line) the error is about, as a prefix: "path:3: ", or ""."""
        if self.path is None:
            return ""
        line = f":{self.line}" if self.line is not None else ""
        return f"{self.path}{line}: "

    def describe(self) -> str:
        return f"{self.where()}{self.message}"


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


class TransferError(MastheadError):
    """Cards cannot move to another issue (an id clash, a card changed there since, …)."""

    code = "transfer"


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
