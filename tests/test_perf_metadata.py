"""The fast way to summaries gives exactly what the plain way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.site.metadata import _plain_prefix, _summary, plain_text

WORDS = st.sampled_from(
    ["Hà", "Nội", "phát", "biểu", "tại", "hội", "nghị", ",", ".", ";", ":", "“trích”",
     "\u00a0", " ", "  ", "\t", "(1)", "2024", "ông", "Nguyễn", "Văn", "A", "\u2028", "…"]
)
LINES = st.lists(WORDS, min_size=0, max_size=40).map("".join)
BODIES = st.lists(LINES, max_size=12).map(lambda ps: "\n\n".join(p.strip() for p in ps))


@settings(max_examples=1500, deadline=None)
@given(BODIES, st.integers(min_value=1, max_value=120))
def test_plain_prefix_is_a_prefix_of_plain_text(body: str, length: int) -> None:
    expected = plain_text(body)
    prefix = _plain_prefix(body, length)
    if prefix is not None:
        assert expected.startswith(prefix)
        assert len(prefix) > length or prefix == expected


def _slow_summary(body: str, length: int) -> str:
    text = plain_text(body)
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@settings(max_examples=1500, deadline=None)
@given(st.one_of(BODIES, st.text(max_size=300)), st.integers(min_value=1, max_value=120))
def test_summary_matches_the_plain_text_way(body: str, length: int) -> None:
    assert _summary(body, length) == _slow_summary(body, length)
