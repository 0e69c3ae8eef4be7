"""Markdown → sanitised HTML: editors get formatting, scraped text never gets script."""

from __future__ import annotations

import functools
import re
from typing import Any

import nh3

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "abbr": {"title"},
    "ol": {"start"},
}
_URL_SCHEMES = {"http", "https", "mailto"}
# A body made only of one-line paragraphs of plain text (the shape of nearly every imported
# scrape) renders to ``<p>line</p>`` per paragraph; Python-Markdown takes ~1 ms per article to
# find that out.  The fast path below is taken only when no line can mean anything to
# Markdown: no character any block or inline rule reacts to, no line starting with a block
# marker or a digit, no leading/trailing spaces, paragraphs separated by blank lines.
# ``tests/test_perf_markup.py`` checks it against Python-Markdown on generated text.
_INLINE_SPECIAL = "\\`*_[]!<>&|"  # and the control characters below
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_BLOCK_START = frozenset("#>-+=*|:~ 0123456789")
_markdown: Any = None  # markdown.Markdown, made (and the package imported) on first use


@functools.lru_cache(maxsize=16)  # an article page asks three times (summary, JSON-LD, body)
def _plain_paragraphs(text: str) -> str | None:
    """``<p>…</p>`` lines for a body that is plain paragraphs, or None if it is anything else.

    (A check per special character finds them with ``memchr``; a line is checked for control
    characters only if it is not ``isprintable()``: the two are ~2.5× faster than one
    character-class regex over the whole body.)"""
    for char in _INLINE_SPECIAL:
        if char in text:
            return None
    lines = []
    previous_blank = True
    for line in text.split("\n"):
        if not line:
            previous_blank = True
            continue
        if (
            not previous_blank
            or line[0] in _BLOCK_START
            or line != line.strip()
            or (not line.isprintable() and _CONTROL.search(line))
        ):
            return None
        lines.append(line)
        previous_blank = False
    return "<p>" + "</p>\n<p>".join(lines) + "</p>" if lines else ""


def markdown_to_html(text: str) -> str:
    """Python-Markdown's output for ``text`` (unsanitised), via the plain-text fast path
    when it applies."""
    fast = _plain_paragraphs(text)
    if fast is not None:
        return fast
    global _markdown
    if _markdown is None:  # one instance per process: building one costs ~15% of a render
        import markdown
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        # instances, not names: a name is looked up among every installed package's entry
        # points (importlib.metadata), ~17 ms on each build that renders Markdown
        extensions = [TableExtension(), SaneListExtension()]
        _markdown = markdown.Markdown(extensions=extensions, output_format="html")
    return _markdown.reset().convert(text)


@functools.lru_cache(maxsize=16)  # a body that is not plain paragraphs is rendered (~1 ms)
def render_markdown(text: str) -> str:  # for its page's summary, then again for its text
    """Render a record body to HTML and pass it through an allowlist sanitiser (nh3).

    Plain paragraphs hold no markup for nh3 to remove, and the fast path has already
    refused ``&``, ``<`` and ``>``, so nh3 would only re-serialise them, writing U+00A0 as
    ``&nbsp;``; that is done here directly (the property test checks it equals nh3's)."""
    fast = _plain_paragraphs(text)
    if fast is not None:
        return fast.replace("\u00a0", "&nbsp;")
    return sanitise_html(markdown_to_html(text))


def sanitise_html(html: str) -> str:
    """Keep only allowlisted tags/attributes; drop scripts, event handlers, javascript: URLs."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
