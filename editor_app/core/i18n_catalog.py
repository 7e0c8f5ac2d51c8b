"""The one catalog of core messages in the editor's language; no Qt.

Problems, import guesses, issue statuses and the command line's own messages are English
templates keyed by a code (``problem_codes.CODES``, ``importers.guesses.GUESSES``, ``Status``
and ``MESSAGES`` below). A language is a module of dicts with the same keys
(``core/i18n_zh_CN.py``); the GUI passes its UI language and the CLI the one of its locale
(``language_from_env``). A missing or broken translation falls back to the English text.

Field values that are closed sets of English words (a URL's fault, a link's kind, a status,
a severity) are keys of ``WORDS`` and are translated too; free text (titles, URLs, paths)
is left as it is.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from editor_app.core.importers.common import Guess
from editor_app.core.model import Status
from editor_app.core.problem_codes import message_text
from editor_app.core.problems import Problem

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

# The command line's own messages and the lines printed after an export (argparse's usage
# and --help stay English: they come from argparse and name options that are English anyway).
MESSAGES: dict[str, str] = {
    "cli.error": "masthead: error: {detail}",
    "cli.problem": "{severity}: {code}{where}: {message}",
    "cli.where-card": " [{card}]",
    "cli.where-section": " [section {section}]",
    "cli.check-summary": "{errors} error(s), {warnings} warning(s), {notes} note(s)",
    "cli.not-a-command": "no such library or issue folder, and not a command ({choices})",
    "cli.no-such-folder": "no such folder",
    "cli.not-issue-folder": "not an issue folder (no issue.yaml)",
    "cli.image-choose-action": "masthead image: error: choose an action: add or list",
    "cli.no-card": "no card with id {card!r} in this issue",
    "cli.card-unreadable": "card {card} cannot be read: {reason}",
    "cli.import-guess": "guess: {guess}",
    "cli.guess-line": "line {line}: {message}",
    "export.no-format": "no export format: pass {choices}",
    "export.no-out": "no output folder: pass --out DIR",
    "export.more-than-zero": "{flag} must be more than 0",
    "export.stopped": "masthead: export stopped: {errors} error(s) found by the checks; "
    "fix them or pass --force",
    "search.hit": "{issue} › {title}{where}",
    "search.count": "{count} result(s)",
    "search.more": "the first {count} results; there are more (--limit N shows more)",
    "search.no-results": "nothing found for {query}",
    "search.issue-folder": "this is an issue folder; search takes a library (a folder of issues)",
    "search.building": "building the search index (the first search of a library)…",
    "search.built": "built the search index ({issues} issues)",
    "search.rebuilt": "the search index was damaged or out of date: rebuilt it ({issues} issues)",
    "search.read-only": "the library cannot be written: searched the files without an index "
    "(slower)",
    "search.unavailable": "the search index cannot be used ({detail}): searched the files "
    "without an index (slower)",
}

# Closed sets of English words that arrive as field values; translated when a
# language has them, kept as they are otherwise.
WORDS: tuple[str, ...] = (
    # severities
    "error",
    "warning",
    "info",
    # why a URL is malformed (checks.url_problem)
    "is empty",
    "contains spaces",
    "has no address",
    "must start with http:// or https://",
    "has no valid host name",
    # the kinds of link a ledger hit names
    "source",
    "link",
    "inline",
    "further",
    "image",
    "intro",
)

# Fields whose values may be WORDS (or statuses).
_WORD_FIELDS = frozenset({"reason", "kind", "severity", "status"})


@dataclass(frozen=True)
class Catalog:
    """Translated templates of one language; empty mappings mean English."""

    language: str = ENGLISH
    problems: Mapping[str, str] = field(default_factory=dict)
    statuses: Mapping[str, str] = field(default_factory=dict)
    messages: Mapping[str, str] = field(default_factory=dict)
    guesses: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, str] = field(default_factory=dict)

    def word(self, value: str) -> str:
        return self.words.get(value) or self.statuses.get(value) or value

    def _fields(self, args: Mapping[str, Any]) -> dict[str, Any]:
        return {
            k: self.word(v) if k in _WORD_FIELDS and isinstance(v, str) else v
            for k, v in args.items()
        }

    def problem(self, item: Problem) -> str:
        """The problem's message in this language (English when untranslated)."""
        if not self.problems:
            return item.message
        return message_text(replace(item, args=self._fields(item.args)), self.problems)

    def status(self, status: Status | str) -> str:
        """A status value ("draft" …) as the editor reads it."""
        value = Status(status).value
        return self.statuses.get(value) or value.capitalize()

    def text(self, key: str, **fields: Any) -> str:
        """A MESSAGES entry filled with ``fields``."""
        english = MESSAGES[key]
        return _fill(self.messages.get(key), english, self._fields(fields), fields)

    def guess(self, item: Guess) -> str:
        """An import guess's message (without its line number)."""
        if not item.key:
            return item.message
        return _fill(self.guesses.get(item.key), item.message, item.args, None)

    def severity(self, severity: str) -> str:
        return self.word(severity)


def _fill(
    template: str | None, english: str, fields: Mapping[str, Any], raw: Mapping[str, Any] | None
) -> str:
    if template:
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError):
            pass  # a broken translation never hides the message
    if raw is None:
        return english
    return english.format(**raw)


@cache
def catalog(language: str) -> Catalog:
    """The catalog for ``language`` (English for one without a translation)."""
    if language == CHINESE:
        from editor_app.core import i18n_zh_CN as zh

        return Catalog(CHINESE, zh.PROBLEMS, zh.STATUSES, zh.MESSAGES, zh.GUESSES, zh.WORDS)
    return Catalog()


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The CLI's language from the locale variables, in gettext's order of precedence.

    LANGUAGE (a colon-separated list) wins when set, then LC_ALL, LC_MESSAGES and LANG.
    Simplified Chinese (zh_CN, zh_SG, zh_Hans, a bare zh) gives CHINESE; anything else English.
    """
    env = os.environ if environ is None else environ
    if env.get("LC_ALL", "") not in {"C", "POSIX"}:  # C/POSIX in LC_ALL overrides LANGUAGE
        for tag in env.get("LANGUAGE", "").split(":"):
            if tag:
                return _language_of(tag)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return _language_of(value)
    return ENGLISH


def _language_of(tag: str) -> str:
    tag = tag.split(".")[0].split("@")[0].replace("-", "_")
    parts = tag.split("_")
    if parts[0].lower() != "zh":
        return ENGLISH
    rest = [p.lower() for p in parts[1:]]
    if any(p in {"hant", "tw", "hk", "mo"} for p in rest):
        return ENGLISH  # Traditional Chinese has no catalog yet
    return CHINESE


def cli_catalog() -> Catalog:
    """The catalog for the command line's locale."""
    return catalog(language_from_env())
