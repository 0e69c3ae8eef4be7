"""Machine-readable page metadata: JSON-LD ``NewsArticle`` and plain-text summaries for
descriptions and Open Graph."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import unescape
from typing import Any

import nh3
from markupsafe import Markup

from newsarchive.record import Person
from newsarchive.site.archive import Article, Speaker
from newsarchive.site.feeds import timestamp
from newsarchive.site.markup import _plain_paragraphs, render_markdown

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=256)
def plain_text(markdown_text: str) -> str:
    """The text a reader sees of a Markdown body (rendered and sanitised), on one line."""
    html = nh3.clean(render_markdown(markdown_text), tags=set())
    return _SPACE.sub(" ", unescape(html)).strip()


_SUMMARIES: dict[str, str] = {}  # article URL → summary, within one build
_SUMMARIES_MAX = 50_000
SUMMARY_LENGTH = 200


def summary(article: Article, length: int = SUMMARY_LENGTH) -> str:
    """The first ``length`` characters of the body, cut at a word, with an ellipsis.

    The article page shows it three times and each of its speakers' feeds once more, so
    the default length is kept per article URL until ``forget_summaries`` (called as each
    build starts: a URL's body may change between builds of one process)."""
    if length != SUMMARY_LENGTH:
        return _summary(article.record.body, length)
    found = _SUMMARIES.get(article.url)
    if found is None:
        if len(_SUMMARIES) >= _SUMMARIES_MAX:  # bounded: no body is kept, only summaries
            _SUMMARIES.clear()
        found = _SUMMARIES[article.url] = _summary(article.record.body, length)
    return found


def forget_summaries() -> None:
    _SUMMARIES.clear()


@lru_cache(maxsize=16)
def _summary(body: str, length: int) -> str:
    """``summary`` of a body."""
    text = _plain_prefix(body, length)
    if text is None:
        text = plain_text(body)
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _plain_prefix(body: str, length: int) -> str | None:
    """The start of ``plain_text(body)``, at least ``length + 1`` characters long unless that
    is all of it, for a body of plain paragraphs (the Markdown fast path); else None.

    Such a body renders to ``<p>line</p>`` per paragraph with no ``&``, ``<`` or ``>`` in
    it, so nh3 and ``unescape`` give the lines back and only the whitespace is collapsed:
    ``plain_text`` is the body's words joined by single spaces, and the words of a prefix of
    the body are a prefix of that (the last one perhaps cut short), so a prefix of the body
    long enough is collapsed, not the whole of it (``str.split()`` and ``re``'s ``\\s``
    agree on what is whitespace, and splitting is ~3× faster than the regex on Vietnamese
    text).  ``tests/test_perf_metadata.py`` checks it against ``plain_text``."""
    if _plain_paragraphs(body) is None:
        return None
    end = length + 32  # collapsing may shrink it: checked, and doubled if too short
    while True:
        text = " ".join(body[:end].split())
        if len(text) > length or end >= len(body):
            return text
        end *= 2


def safe_json(data: Any) -> Markup:
    """Compact JSON for a ``<script>`` element (one line: it is for machines, and json's
    compact encoder is C, its indenting one Python); ``<``, ``>`` and ``&`` escaped so
    neither ``</script>`` nor ``<!--`` can end or change the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def article_json_ld(
    article: Article, speakers: list[tuple[Person, Speaker]], site: dict[str, Any]
) -> Markup:
    """A schema.org ``NewsArticle`` with the speakers as ``about`` and other people as
    ``mentions``; every URL absolute from the site's base URL."""
    base = site["base_url"]
    record = article.record
    people = [
        {"@type": "Person", "name": person.name, "url": base + speaker.url}
        | ({"jobTitle": person.role} if person.role else {})
        for person, speaker in speakers
    ]
    spoke = {person.name for person, _ in speakers}
    mentions = [
        {"@type": "Person", "name": p.name} | ({"jobTitle": p.role} if p.role else {})
        for p in record.people
        if p.name not in spoke
    ]
    authors = [{"@type": "Person", "name": name} for name in record.authors]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": record.title,
        "datePublished": timestamp(article),
        "inLanguage": "vi",
        "url": base + article.url,
        "mainEntityOfPage": base + article.url,
        "author": authors or [{"@type": "Organization", "name": record.credit or site["title"]}],
        "publisher": {"@type": "Organization", "name": site["title"], "url": base},
        "description": summary(article),
        "isPartOf": {"@type": "WebSite", "name": site["title"], "url": base},
    }
    if people:
        data["about"] = people
    if mentions:
        data["mentions"] = mentions
    return safe_json(data)
