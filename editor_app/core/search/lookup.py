"""Answering a query from the index's tables (``schema.py``), in SQL.

Each term narrows the rows: a word term through ``fts_word`` (prefix), a substring term of
three characters or more through ``fts_trigram`` (all of its trigrams, then the row's text
is checked for the term itself), a shorter one by looking through the text of the rows the
other terms left (of every row when it is the whole query). Rows come back by descending
rowid, which is newest issue first and outline order within an issue, so a query stops
after ``limit`` rows instead of ranking every match.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from editor_app.core.search.query import SUBSTRING, WORD, Term, is_cjk

ALL_COLUMNS = ("title", "body", "note", "links")


@dataclass(frozen=True)
class Row:
    """One entry found, with its issue: plain data for the snippet builder."""

    folder: str
    kind: str
    owner: str
    position: int
    section: str
    title: str
    body: str
    note: str
    links: str
    slug: str
    issue_title: str
    number: int | None
    date: str | None


def contains(term: str, *texts: str | None) -> int:
    """Whether one of ``texts`` holds ``term`` (already lower case), ignoring case.

    Registered on every connection as the SQL function ``contains``.
    """
    for text in texts:
        if text and (term in text or term in text.lower()):
            return 1
    return 0


def register_functions(db: sqlite3.Connection) -> None:
    db.create_function("contains", -1, contains, deterministic=True)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _trigrams(text: str) -> list[str]:
    return list(dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)))


def _caseless(text: str) -> bool:
    """No letter of ``text`` has a case (Han, kana, digits): a plain ``instr`` will do."""
    return all(is_cjk(ch) or not ch.isalpha() for ch in text)


def matching_ids(
    db: sqlite3.Connection, terms: list[Term], limit: int, title_only: bool
) -> list[int]:
    """Rowids of up to ``limit`` entries holding every term (in their title only, with
    ``title_only``), by descending rowid."""
    words = [t for t in terms if t.mode == WORD]
    longs = [t for t in terms if t.mode == SUBSTRING and not t.short]
    shorts = [t for t in terms if t.short]
    columns = ("title",) if title_only else ALL_COLUMNS
    params: list[Any] = []
    where: list[str] = []

    def match(tokens: list[str], tail: str, column_filter: bool) -> str:
        expression = " AND ".join(_quote(token) + tail for token in tokens)
        return f"{{title}} : ({expression})" if column_filter else expression

    # fts_trigram keeps no columns either (detail=none): a title-only query finds the rows
    # with the trigrams anywhere and checks each term against the title.
    trigrams = [g for t in longs for g in _trigrams(t.text)]
    if words:
        table = "fts_word"
        where.append("fts_word MATCH ?")
        params.append(match([t.text for t in words], "*", title_only))
        if trigrams:
            # Unary + keeps fts_word's rowid order (probing it per trigram hit needs a sort).
            where.append(
                "+fts_word.rowid IN (SELECT rowid FROM fts_trigram WHERE fts_trigram MATCH ?)"
            )
            params.append(match(trigrams, "", False))
    elif trigrams:
        table = "fts_trigram"
        where.append("fts_trigram MATCH ?")
        params.append(match(trigrams, "", False))
    else:
        table = ""
    # The trigrams of a longer term may be found apart: check the term itself.
    checks = [t for t in longs if title_only or len(t.text) > 3] + shorts
    if table:
        sql = f"SELECT {table}.rowid FROM {table}"
        if checks:
            sql += f" JOIN entries e ON e.id = {table}.rowid"
        order = f"{table}.rowid DESC"
    else:
        sql, order = "SELECT e.id FROM entries e", "e.id DESC"
    for term in checks:
        if _caseless(term.text):  # instr runs in C, over every row when the term is alone
            where.append("(" + " OR ".join(f"instr(e.{c}, ?)" for c in columns) + ")")
            params += [term.text] * len(columns)
        else:
            where.append("contains(?, " + ", ".join(f"e.{c}" for c in columns) + ")")
            params.append(term.text)
    sql += " WHERE " + " AND ".join(where or ["1"]) + f" ORDER BY {order} LIMIT ?"
    params.append(limit)
    return [r[0] for r in db.execute(sql, params)]


def find_rows(db: sqlite3.Connection, terms: list[Term], limit: int) -> list[Row]:
    """Up to ``limit`` entries holding every term: those with every term in their title
    first, then the others; each group newest issue first and in outline order."""
    if not terms:
        return []
    titled = matching_ids(db, terms, limit, title_only=True)
    ids = matching_ids(db, terms, limit, title_only=False)
    seen = set(titled)
    ids = (titled + [i for i in ids if i not in seen])[:limit]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {
        r[0]: Row(*r[1:])
        for r in db.execute(
            "SELECT e.id, e.folder, e.kind, e.owner, e.position, e.section, e.title, e.body,"
            " e.note, e.links, i.slug, i.title, i.number, i.date"
            f" FROM entries e JOIN issues i ON i.folder = e.folder WHERE e.id IN ({marks})",
            ids,
        )
    }
    return [found[i] for i in ids if i in found]
