"""The Markdown fast path gives exactly Python-Markdown's output."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from newsarchive.record import load_record
from newsarchive.site.markup import (
    _plain_paragraphs,
    markdown_to_html,
    render_markdown,
    sanitise_html,
)


def reference(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")


ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊÔƯ ạảãáàệểễếềộổỗốồựửữứừ.,;:()\"'“”/?%#+-=~|*_[]!<>&`\\")
    + ["\n", "\n\n", "  ", "\t", "\u00a0", "1. ", "- ", "> ", "    ", "\u2028", "\r", "---"]
)
bodies = st.lists(ALPHABET, max_size=80).map("".join)


@settings(max_examples=3000, deadline=None)
@given(bodies)
def test_fast_path_matches_python_markdown(text: str) -> None:
    assert markdown_to_html(text) == reference(text)
    assert render_markdown(text) == sanitise_html(reference(text))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), max_size=5))
def test_fast_path_matches_nh3_on_any_text(paragraphs: list[str]) -> None:
    text = "\n\n".join(p.strip() for p in paragraphs)
    assert render_markdown(text) == sanitise_html(reference(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aăb cđ.,“”()/", min_size=1, max_size=40), max_size=6))
def test_plain_paragraphs_take_the_fast_path(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert markdown_to_html(text) == reference(text)


def test_the_seed_takes_the_fast_path() -> None:
    body = load_record(next((ROOT / "content").rglob("*.md"))).body
    assert _plain_paragraphs(body) is not None
    assert markdown_to_html(body) == reference(body)
