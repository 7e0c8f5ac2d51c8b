"""Recovery journal: unsaved card text kept in .masthead/journal/ until autosave lands.

If the process dies before autosave, the next start finds the entries and restores them
into the card files.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.atomic import atomic_write_pieces
from editor_app.core.storage import STATE_DIR

JOURNAL_DIR = "journal"


@dataclass(frozen=True)
class JournalEntry:
    card_id: str
    body: str
    base: str  # the body the edit started from, to detect a changed file underneath


def journal_dir(folder: Path) -> Path:
    return Path(folder) / STATE_DIR / JOURNAL_DIR


ENCODE_CHUNK = 1 << 16  # characters encoded per call (see _json_pieces)


def _json_pieces(text: str) -> Iterator[bytes]:
    """``text`` as a JSON string in UTF-8, made in pieces: the editor writes the journal
    from a worker thread, and one call encoding megabytes (or joining the result) would hold
    the interpreter, and so the UI thread, for its whole length. Escapes are per character,
    so the pieces join exactly.

    Characters are written as they are, not as ``\\u`` escapes: a Chinese body's entry is
    then 3 bytes a character instead of 6 (a 10 MB body is written every two seconds while
    typing). A piece holding a lone surrogate, which UTF-8 cannot carry, is escaped instead.
    """
    yield b'"'
    for i in range(0, len(text), ENCODE_CHUNK):
        piece = text[i : i + ENCODE_CHUNK]
        try:
            yield json.dumps(piece, ensure_ascii=False)[1:-1].encode("utf-8")
        except UnicodeEncodeError:
            yield json.dumps(piece)[1:-1].encode("ascii")
    yield b'"'


def entry_pieces(entry: JournalEntry) -> Iterator[bytes]:
    """The entry's file content (what ``json.dumps(..., ensure_ascii=False)`` of its dict
    gives, in UTF-8), in pieces."""
    yield f'{{"card": {json.dumps(entry.card_id)}, "body": '.encode("ascii")
    yield from _json_pieces(entry.body)
    yield b', "base": '
    yield from _json_pieces(entry.base)
    yield b"}"


def entry_json(entry: JournalEntry) -> str:
    """The entry's file content, whole."""
    return b"".join(entry_pieces(entry)).decode("utf-8")


def write_entry(folder: Path, entry: JournalEntry) -> None:
    # Written every few hundred ms while typing; it guards against a killed process, and the
    # card file itself is saved durably within a second, so no fsync here.
    path = journal_dir(folder) / f"{entry.card_id}.json"
    atomic_write_pieces(path, entry_pieces(entry), durable=False)


def write_entries(folder: Path, entries: list[JournalEntry]) -> None:
    """Write each entry; one that cannot be written is skipped (the journal is a safety
    net: autosave reports real write errors)."""
    for entry in entries:
        try:
            write_entry(folder, entry)
        except OSError:
            pass


def clear_entry(folder: Path, card_id: str) -> None:
    (journal_dir(folder) / f"{card_id}.json").unlink(missing_ok=True)


def read_entries(folder: Path) -> list[JournalEntry]:
    out = []
    for path in sorted(journal_dir(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
            out.append(JournalEntry(str(data["card"]), str(data["body"]), str(data["base"])))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a torn entry is older than the atomic one beside it
    return out


def recover(folder: Path) -> list[str]:
    """Write journaled text into the card files; return the ids of the cards recovered.

    If the card file changed since the journaled edits began (another program rewrote it,
    or the editor had not yet chosen in a conflict), the file is left as it is and the
    journaled text becomes a new card right after it, so neither version is lost.
    Call it holding the issue's write lock.
    """
    from editor_app.core.errors import MastheadError
    from editor_app.core.outline import insert_copy_after
    from editor_app.core.storage import (
        card_path,
        load_issue,
        read_card,
        read_text,
        save_card,
        save_manifest,
    )

    recovered = []
    for entry in read_entries(folder):
        try:
            card = read_card(folder, entry.card_id)
            current = read_text(card_path(folder, entry.card_id))
        except MastheadError:
            continue  # no readable card to put it in: keep the entry for a later look
        if card.body.strip("\n") == entry.body.strip("\n"):
            clear_entry(folder, entry.card_id)
            continue
        if entry.base and entry.base != current:
            try:
                issue = load_issue(folder)
                mine = issue.cards[entry.card_id]
                mine_copy = copy.copy(mine)
                mine_copy.body = entry.body
                title = f"{mine.title} (recovered)" if mine.title.strip() else "Recovered text"
                twin = insert_copy_after(issue, entry.card_id, mine_copy, title)
                save_card(folder, twin)  # the other cards' files stay as they are
                save_manifest(folder, issue)
            except (MastheadError, KeyError):
                continue  # the outline cannot take it now: keep the entry for a later look
            recovered.append(twin.id)
        else:
            card.body = entry.body
            save_card(folder, card)
            recovered.append(entry.card_id)
        clear_entry(folder, entry.card_id)
    return recovered
