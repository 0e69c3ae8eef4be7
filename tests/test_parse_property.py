"""Whatever the text, the parser fails only with NewsarchiveError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import parse_bytes, parse_html, parse_text

PIECES = st.sampled_from(
    [
        "\n",
        "\u00a0\n",
        "Thứ Sáu, 21/6/2024\n",
        "Tin và ảnh: Hà Thanh\n",
        "./.",
        "Các tin khác\n",
        "Hà Thanh",
        "# ",
        "1. ",
        "Lưu bài viết thành công",
        "“",
        "31/2/2024",
        " ",
        "Theo TTXVN\n",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_parse_text_raises_only_newsarchive_error(text: str) -> None:
    try:
        article = parse_text(text, "x.txt")
    except NewsarchiveError:
        return
    assert article.title
    article.to_json()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_parse_bytes_raises_only_newsarchive_error(raw: bytes) -> None:
    try:
        article = parse_bytes(raw, "x.txt")
    except NewsarchiveError:
        return
    assert article.title


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=30), st.sampled_from(["<p>", "</p>", "<meta ", ">"])),
        max_size=20,
    ).map("".join)
)
def test_parse_html_raises_only_newsarchive_error(inner: str) -> None:
    try:
        article = parse_html(f"<html><body>{inner}</body></html>", "x.html")
    except NewsarchiveError:
        return
    assert article.title
