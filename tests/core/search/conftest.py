"""A small library for the search tests: three issues in English and Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.core.search.search_helpers import make_issue


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    make_issue(root, "2026-01-first", dt.date(2026, 1, 5), chinese=False)
    make_issue(root, "2026-02-second", dt.date(2026, 2, 2), chinese=True)
    make_issue(root, "2026-03-third", dt.date(2026, 3, 2), chinese=False)
    return root
