"""Fixtures for the exporter tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.model import Issue
from editor_app.core.storage import load_issue, save_issue
from tests.core.export.export_helpers import build_hostile_issue


@pytest.fixture
def hostile_issue(tmp_path: Path) -> Issue:
    folder = tmp_path / "hostile"
    save_issue(build_hostile_issue(), folder)
    return load_issue(folder)
