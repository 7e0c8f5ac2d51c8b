"""The one catalog of core messages in the editor's language; no Qt.

Problems, import guesses, issue statuses, core's other sentences (errors, reasons, asset
flags, export progress) and the command line's own messages are English templates keyed by a
code (``problem_codes.CODES``, ``importers.guesses.GUESSES``, ``Status``, ``messages.TEXTS``
and ``MESSAGES`` below). A template may be plural (``messages.plural_template``). A language is a module of dicts with the same keys
(``core/i18n_zh_CN.py``); the GUI passes its UI language and the CLI the one of its locale
(``language_from_env``). A missing or broken translation falls back to the English text.

Field values that are closed sets of English words (a URL's fault, a link's kind, a status,
a severity) are keys of ``WORDS`` and are translated too, and so is a field holding a
``messages.Text``; free text (titles, URLs, paths) is left as it is.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from editor_app.core.messages import (
    COUNT,
    TEXTS,
    Names,
    Template,
    Text,
    join_names,
    plural_template,
)
from editor_app.core.model import Status
from editor_app.core.problem_codes import message_text
from editor_app.core.problems import Problem

if TYPE_CHECKING:  # the importers package is large; the catalog needs only the type's name
    from editor_app.core.importers.common import Guess

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

# The command line's own messages and the lines printed after an export (argparse's usage
# and --help stay English: they come from argparse and name options that are English anyway).
MESSAGES: dict[str, Template] = {
    "search.hit": "{issue} › {title}{where}",
    "search.count": {"one": "{count} result", "other": "{count} results"},
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
    "cli.error": "masthead: error: {detail}",
    "cli.warning": "masthead: warning: {detail}",
    "cli.problem": "{severity}: {code}{where}: {message}",
    "cli.where-card": " [{card}]",
    "cli.where-section": " [section {section}]",
    "cli.check-summary": "{errors}, {warnings}, {notes}",
    "cli.errors": {"one": "{count} error", "other": "{count} errors"},
    "cli.warnings": {"one": "{count} warning", "other": "{count} warnings"},
    "cli.notes": {"one": "{count} note", "other": "{count} notes"},
    "cli.list-separator": ", ",
    "cli.typography-title": "{path}: title: “{text}” → “{fixed}”",
    "cli.typography-body": "{path}: body line {line}, column {column}: “{text}” → “{fixed}”",
    "cli.typography-note": "{path}: editor's note line {line}, column {column}: "
    "“{text}” → “{fixed}”",
    "cli.typography-source-title": "{path}: source title: “{text}” → “{fixed}”",
    "cli.typography-link-label": "{path}: label of project link {item}: “{text}” → “{fixed}”",
    "cli.typography-further-title": "{path}: title of further reading {item}: “{text}” → “{fixed}”",
    "cli.typography-further-summary": "{path}: summary of further reading {item}: "
    "“{text}” → “{fixed}”",
    "cli.typography-group": "{path}: category heading: “{text}” → “{fixed}”",
    "cli.typography-section-title": "{path}: title of section '{name}': “{text}” → “{fixed}”",
    "cli.typography-section-intro": "{path}: intro of section '{name}' line {line}, column "
    "{column}: “{text}” → “{fixed}”",
    "cli.typography-issue-title": "{path}: issue title: “{text}” → “{fixed}”",
    "cli.typography-issue-summary": "{path}: summary line {line}, column {column}: "
    "“{text}” → “{fixed}”",
    "cli.typography-summary": "typography: {fixes} in {cards}",
    "cli.typography-summary-manifest": "typography: {fixes} in {cards} and issue.yaml",
    "cli.typography-fixes": {"one": "{count} fix", "other": "{count} fixes"},
    "cli.typography-cards": {"one": "{count} card", "other": "{count} cards"},
    "cli.typography-off": "typography: the checks are off for this issue (language {language}; "
    "set typography: cjk in issue.yaml to turn them on); nothing changed",
    "cli.not-a-command": "no such library or issue folder, and not a command ({choices})",
    "cli.no-such-folder": "no such folder",
    "cli.not-issue-folder": "not an issue folder (no issue.yaml)",
    "cli.image-choose-action": "masthead image: error: choose an action: add or list",
    "cli.no-card": "no card with id {card!r} in this issue",
    "cli.git-setup-unchanged": "the merge driver was already set up; nothing changed",
    "cli.merge-conflict": "{path}: both sides changed {where}; left as a conflict",
    "cli.card-unreadable": "card {card} cannot be read: {reason}",
    "cli.import-guess": "guess: {guess}",
    "cli.guess-line": "line {line}: {message}",
    "export.no-format": "no export format: pass {choices}",
    "export.no-out": "no output folder: pass --out DIR",
    "export.more-than-zero": "{flag} must be more than 0",
    "export.stopped": "masthead: export stopped: {errors} found by the checks; "
    "fix them or pass --force",
    # the link inbox (core/inbox/): refusals, fetch failures and the command's own lines
    "inbox.file-too-large": "{name} is {size} MB; an inbox import reads at most {limit} MB "
    "(export a smaller folder, or split the file)",
    "inbox.file-unreadable": "{name} cannot be read: {reason}",
    "inbox.bad-opml": "not a readable OPML file: {reason}",
    "inbox.opml-entities": "the OPML file declares XML entities; such files are not read",
    "inbox.bad-feed": "not a readable RSS or Atom feed: {reason}",
    "inbox.no-links": "no web links found in {name}",
    "inbox.not-web": "{url} is not a web address (only http:// and https:// are fetched)",
    "inbox.too-many-redirects": "more than {limit} redirects",
    "inbox.redirect-refused": "redirect to {host} refused: it leads to a private or local address",
    "inbox.redirect-off-web": "redirected to a non-web address",
    "inbox.http-status": "the server answered {status}",
    "inbox.timeout": "no answer within {seconds} s",
    "inbox.unreachable": "could not connect: {reason}",
    "inbox.not-a-page": "not a web page ({type})",
    "inbox.too-large": "more than {limit} MB",
    "inbox.cancelled": "cancelled",
    "inbox.no-item": "no inbox item {item}",
    "inbox.capped": "{found} links found; only the first {limit} were taken",
    "inbox.summary": "{added} added, {merged} merged into items already in the inbox, "
    "{skipped} skipped",
    "inbox.count": "{count} item(s) in the inbox",
    "inbox.taken": "{url} became card {card} in {issue}",
    "inbox.removed": "{count} item(s) removed from the inbox",
    "inbox.unreadable-item": "{name}: unreadable inbox item: {reason}",
    "inbox.not-editable": "{field} cannot be edited here (only the title, the note and the tags)",
    "inbox.title-too-long": "a title holds at most {limit} characters ({given} given)",
    "inbox.note-too-long": "a note holds at most {limit} characters ({given} given)",
    "inbox.too-many-tags": "an item has at most {limit} tags ({given} given)",
    "inbox.tag-too-long": "a tag holds at most {limit} characters: {tag}…",
    "inbox.edit-conflict": "{name} was changed on disk since it was read; nothing was written",
    "inbox.edited": "{item} updated: {url}",
    "inbox.unchanged": "{item} unchanged: {url}",
    "inbox.edit-nothing": "give --title, --note or --tags",
    "image.no-alt": "{path} has no alt text; add --alt to describe it",
    # masthead links: the table's header, marks and summary
    "links.col-card": "CARD",
    "links.col-kind": "KIND",
    "links.col-text": "TEXT",
    "links.col-status": "STATUS",
    "links.col-featured": "FEATURED",
    "links.duplicate-mark": " (duplicate)",
    "links.links": {"one": "{count} link", "other": "{count} links"},
    "links.duplicates": {"one": "{count} duplicate", "other": "{count} duplicates"},
    "links.featured": "{count} featured before",
    "links.mentioned": "{count} only mentioned before",
    "links.broken": "{count} broken",
    "links.checking": "checking links: {done}/{total}",
}

# How a status reads in English; a language's catalog has the same keys.
STATUS_LABELS: dict[str, str] = {
    "draft": "Draft",
    "review": "In review",
    "ready": "Ready",
    "published": "Published",
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
    # the kinds of link a ledger hit names (and the link table's KIND column)
    "source",
    "link",
    "inline",
    "further",
    "image",
    "intro",
    # the states of a checked link (core/linkcheck.py)
    "ok",
    "redirected",
    "broken",
    "blocked",
    "offline",
    "cancelled",
    "skipped",
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
    texts: Mapping[str, Template] = field(default_factory=dict)

    def word(self, value: str) -> str:
        return self.words.get(value) or self.statuses.get(value) or value

    def _fields(self, args: Mapping[str, Any]) -> dict[str, Any]:
        return {k: self._field(k, v) for k, v in args.items()}

    def _field(self, name: str, value: Any) -> Any:
        if isinstance(value, Text):
            return self.say(value)
        if isinstance(value, Names):
            item = self.texts.get("names.item") or TEXTS["names.item"]
            separator = self.texts.get("names.separator") or TEXTS["names.separator"]
            return join_names(value.items, item, separator)
        if name in _WORD_FIELDS and isinstance(value, str):
            return self.word(value)
        return value

    def say(self, value: Text | str) -> str:
        """A core Text (an error, a reason, a flag, a progress step) in this language."""
        if not isinstance(value, Text):
            return value
        return self._fill(self.texts.get(value.key), TEXTS[value.key], value.args)

    def error(self, exc: BaseException) -> str:
        """An error as the editor reads it: "path:line: message" in this language."""
        from editor_app.core.errors import MastheadError

        if isinstance(exc, MastheadError):
            return exc.where() + (self.say(exc.text) if exc.text is not None else exc.message)
        reason = getattr(exc, "reason", None)  # UnsafePathError says why as a Text
        return self.say(reason) if isinstance(reason, Text) else str(exc)

    def asset_flag(self, code: str) -> str:
        """The label of an image-panel flag (``images.ASSET_FLAGS``); the code if unknown."""
        key = f"asset-flag.{code}"
        return self.say(Text(key)) if key in TEXTS else code

    def _fill(self, template: Template | None, english: Template, args: Mapping[str, Any]) -> str:
        count = args.get(COUNT)
        if template:
            try:
                form = plural_template(template, count, self.language)
                return form.format(**self._fields(args))
            except (KeyError, IndexError, ValueError):
                pass  # a broken translation never hides the message
        return plural_template(english, count).format(**args)

    def problem(self, item: Problem) -> str:
        """The problem's message in this language (English when untranslated)."""
        if not self.problems:
            return item.message
        return message_text(replace(item, args=self._fields(item.args)), self.problems)

    def status(self, status: Status | str) -> str:
        """A status value ("draft" …) as the editor reads it."""
        value = Status(status).value
        return self.statuses.get(value) or STATUS_LABELS[value]

    def text(self, key: str, **fields: Any) -> str:
        """A MESSAGES entry filled with ``fields`` (a plural one chosen by ``count``)."""
        return self._fill(self.messages.get(key), MESSAGES[key], fields)

    def count(self, key: str, count: int) -> str:
        """A plural MESSAGES entry for ``count``: "1 error", "2 errors", "2 个错误"."""
        return self.text(key, count=count)

    def guess(self, item: Guess) -> str:
        """An import guess's message (without its line number)."""
        if not item.key:
            return item.message
        template = self.guesses.get(item.key)
        if template:
            try:
                return template.format(**item.args)
            except (KeyError, IndexError, ValueError):
                pass  # a broken translation never hides the guess
        return item.message

    def severity(self, severity: str) -> str:
        return self.word(severity)


@cache
def catalog(language: str) -> Catalog:
    """The catalog for ``language`` (English for one without a translation)."""
    if language == CHINESE:
        from editor_app.core import i18n_zh_CN as zh

        return Catalog(
            CHINESE, zh.PROBLEMS, zh.STATUSES, zh.MESSAGES, zh.GUESSES, zh.WORDS, zh.TEXTS
        )
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
