"""The index file: keys that keep the newest issues first, updates of one issue."""

from __future__ import annotations

import datetime as dt
import shutil

from editor_app.core.search.index import SearchIndex, index_path
from editor_app.core.search.query import parse_query
from editor_app.core.search.schema import DAY_SHIFT, POSITION_BITS
from tests.core.search.search_helpers import make_issue


def test_keys_follow_the_dates_and_share_a_day(library):
    make_issue(library, "2026-02-second-bis", dt.date(2026, 2, 2), chinese=False)
    make_issue(library, "undated", dt.date(2026, 1, 1), chinese=False)
    manifest = library / "undated" / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("date: 2026-01-01\n", ""), "utf-8")
    with SearchIndex.open(library) as index:
        stats = index.refresh()
        assert (stats.issues, stats.read, stats.removed) == (5, 5, 0)
        keys = dict(index.db.execute("SELECT folder, key FROM issues"))
        ids = [r[0] for r in index.db.execute("SELECT id FROM entries ORDER BY id DESC")]
    day = dt.date(2026, 2, 2).toordinal()
    assert {keys["2026-02-second"] >> DAY_SHIFT, keys["2026-02-second-bis"] >> DAY_SHIFT} == {day}
    assert keys["2026-02-second"] != keys["2026-02-second-bis"]
    assert keys["undated"] < keys["2026-01-first"] < keys["2026-02-second"] < keys["2026-03-third"]
    assert ids[0] >> POSITION_BITS == keys["2026-03-third"]


def test_update_issue_follows_one_folder(library):
    with SearchIndex.open(library) as index:
        assert index.created
        index.refresh()
        assert index.update_issue("2026-01-first") is False
        shutil.rmtree(library / "2026-01-first")
        assert index.update_issue("2026-01-first") is True
        assert index.counts() == (2, 12)
        hits = index.query(parse_query("editor"), 10)
        assert [row.folder for row in hits] == ["2026-03-third"]
    with SearchIndex.open(library) as again:
        assert not again.created and again.refresh().read == 0
    assert index_path(library).parent.name == ".masthead"
