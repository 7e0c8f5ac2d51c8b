"""The render problems' memory of texts: the digest made in pieces is the whole text's."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from editor_app.core import render_checks


@given(st.text(alphabet=st.sampled_from(["a", "字", "😀", "\ud800", "\udc00", "\n"]), max_size=200))
def test_the_digest_in_pieces_is_the_digest_of_the_whole(text: str) -> None:
    whole = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    assert render_checks._digest(text, chunk=7) == whole
    assert render_checks._digest(text) == whole
