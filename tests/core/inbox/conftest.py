"""The local web server of the inbox's fetch tests."""

from __future__ import annotations

import pytest

from tests.core.inbox.pages import Handler, serving


@pytest.fixture(scope="module")
def server():
    with serving() as base:
        yield base


@pytest.fixture
def hits():
    Handler.hits.clear()
    return Handler.hits
