"""Full-text search over a library: every issue's titles, card bodies, notes, links and
section intros. ``engine.search_library`` is the entry point; the index lives in
``<library>/.masthead/search.sqlite3`` (``index.py``)."""
