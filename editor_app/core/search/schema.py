"""The layout of the search index file (``index.py`` keeps it, ``lookup.py`` reads it).

``entries`` holds one row per entry (``extract.Entry``) with its text; two full-text tables
index that text without storing it again (external content):

- ``fts_trigramgram`` (trigram tokenizer) finds substring terms of three characters or more:
  Chinese and Japanese text, which has no spaces, and terms such as ``C++``. It keeps no
  positions (``detail=none``, a quarter of the size): a longer term is looked up as all of
  its trigrams, and the rows found are checked for the term itself.
- ``fts_word`` (unicode61 tokenizer, accents removed) finds word terms by prefix
  ("edit*"). Every word term is one token, so it keeps only which column a word is in.
"""

from __future__ import annotations

INDEX_FILE = "search.sqlite3"
INDEX_FORMAT = "1"
BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 16384  # rows of a few KB: fewer half-empty overflow pages than 4 KB pages
# An entry's rowid is its issue's key, then its position in the issue counted from the end
# (20 bits), so descending rowids run newest issue first and each issue in outline order.
# An issue's key is its date's day number, then a slot among the issues of that day (10 bits).
POSITION_BITS = 20
MAX_POSITION = (1 << POSITION_BITS) - 1
DAY_SHIFT = 10
TABLES = {"meta", "issues", "entries", "fts_trigram", "fts_word"}
COLUMNS = {
    "issues": ["folder", "sig", "key", "slug", "title", "number", "date", "error"],
    "entries": [
        "id", "folder", "kind", "owner", "position", "section", "title", "body", "note", "links",
    ],
}  # fmt: skip

SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE issues(folder TEXT PRIMARY KEY, sig TEXT NOT NULL, key INTEGER UNIQUE,"
    " slug TEXT, title TEXT, number INTEGER, date TEXT, error TEXT)",
    "CREATE TABLE entries(id INTEGER PRIMARY KEY, folder TEXT NOT NULL, kind TEXT, owner TEXT,"
    " position INTEGER, section TEXT, title TEXT, body TEXT, note TEXT, links TEXT)",
    "CREATE INDEX entries_folder ON entries(folder)",
    "CREATE VIRTUAL TABLE fts_trigram USING fts5(title, body, note, links, content='entries',"
    " content_rowid='id', tokenize='trigram', detail=none)",
    "CREATE VIRTUAL TABLE fts_word USING fts5(title, body, note, links, content='entries',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=column)",
)
# The full-text tables follow the rows: deleting an issue's rows updates them too. A first
# build leaves them out and fills the tables in one pass ('rebuild'), 40% faster.
TRIGGERS = (
    """CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
        INSERT INTO fts_trigram(rowid, title, body, note, links)
            VALUES (new.id, new.title, new.body, new.note, new.links);
        INSERT INTO fts_word(rowid, title, body, note, links)
            VALUES (new.id, new.title, new.body, new.note, new.links);
    END""",
    """CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
        INSERT INTO fts_trigram(fts_trigram, rowid, title, body, note, links)
            VALUES ('delete', old.id, old.title, old.body, old.note, old.links);
        INSERT INTO fts_word(fts_word, rowid, title, body, note, links)
            VALUES ('delete', old.id, old.title, old.body, old.note, old.links);
    END""",
)
