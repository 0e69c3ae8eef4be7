"""Atom feeds (RFC 4287): the whole site and one per speaker.

Entry ids are the articles' absolute URLs (stable as long as the base URL is); every
timestamp comes from an article's date, never from the clock, so builds are reproducible.

The XML is put together from escaped strings, in exactly the layout ``xml.etree`` gives
with ``ET.indent`` (``tests/test_perf_feeds.py`` compares the two): serialising a tree of
50 full bodies per feed was ~15 % of a cold build.  Each article's ``<entry>`` is made once
and reused by the site feed and its speakers' feeds (a bounded cache).

The site feed carries each article's whole body (``<content type="html">``); a speaker's
feed carries its plain-text summary (``<summary>``, the page's description) and the link:
with ~3.6 speakers an article, full bodies made the speaker feeds over half of the bytes
the site writes (90 of 160 MB at 3,000 articles)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

from newsarchive.site.archive import Article
from newsarchive.site.markup import render_markdown
from newsarchive.site.xmltext import escape_attr, escape_text

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
VN_TZ = dt.timezone(dt.timedelta(hours=7))  # the archive's articles are dated in Vietnam
ENTRY_CACHE = 2048  # entries kept (each holds an escaped body, ~10 KB)
_HEADER = f"<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns=\"{ATOM}\" xml:lang=\"vi\">"
_entries: OrderedDict[tuple[str, str, bool], tuple[object, str]] = OrderedDict()


def timestamp(article: Article) -> str:
    """RFC 3339 time of an article: its date (and time, if known) in Vietnam's time zone."""
    time = article.record.time or dt.time(0, 0)
    return dt.datetime.combine(article.date, time, VN_TZ).isoformat()


@lru_cache(maxsize=512)
def _body_html(body: str) -> str:
    """Rendered once per body although it appears in the site's and speakers' feeds."""
    return render_markdown(body)


def _element(indent: str, tag: str, text: str) -> str:
    """``<tag>text</tag>`` on its own line (``<tag />`` when the text is empty)."""
    if not text:
        return f"{indent}<{tag} />"
    return f"{indent}<{tag}>{escape_text(text)}</{tag}>"


def atom_feed(
    *,
    title: str,
    feed_url: str,
    page_url: str,
    base_url: str,
    site_title: str,
    articles: Sequence[Article],
    full: bool = True,
) -> str:
    """An Atom document for the newest ``FEED_SIZE`` of ``articles`` (newest first), with
    their whole bodies, or only their summaries when not ``full``.

    ``feed_url`` and ``page_url`` are site-relative URLs; ``base_url`` makes them absolute."""
    newest = articles[:FEED_SIZE]
    parts = [
        _HEADER,
        _element("\n  ", "id", base_url + feed_url),
        _element("\n  ", "title", title),
        '\n  <link rel="self" type="application/atom+xml" href="'
        f'{escape_attr(base_url + feed_url)}" />',
        f'\n  <link rel="alternate" type="text/html" href="{escape_attr(base_url + page_url)}" />',
        _element("\n  ", "updated",
                 timestamp(newest[0]) if newest else "1970-01-01T00:00:00+00:00"),
        "\n  <author>",
        _element("\n    ", "name", site_title),
        "\n  </author>\n  <generator>newsarchive</generator>",
    ]
    parts += [entry_xml(article, base_url, full) for article in newest]
    parts.append("\n</feed>\n")
    return "".join(parts)


def entry_xml(article: Article, base_url: str, full: bool = True) -> str:
    """The article's ``<entry>`` (a line break and indentation before it), made once per
    record, base URL and kind while it stays in the cache."""
    key = (article.url, base_url, full)
    found = _entries.get(key)
    if found is not None and found[0] is article.record:
        _entries.move_to_end(key)
        return found[1]
    xml = _entry(article, base_url, full)
    _entries[key] = (article.record, xml)  # the record kept alive: identity stays meaningful
    if len(_entries) > ENTRY_CACHE:
        _entries.popitem(last=False)
    return xml


def _entry(article: Article, base_url: str, full: bool) -> str:
    record = article.record
    url = base_url + article.url
    href = escape_attr(url)
    stamp = timestamp(article)
    parts = [
        "\n  <entry>",
        _element("\n    ", "id", url),
        _element("\n    ", "title", record.title),
        f'\n    <link rel="alternate" type="text/html" href="{href}" />',
        _element("\n    ", "published", stamp),
        _element("\n    ", "updated", stamp),
    ]
    for name in record.authors or ([record.credit] if record.credit else []):
        parts.append("\n    <author>" + _element("\n      ", "name", name) + "\n    </author>")
    for person in record.speakers:
        parts.append(f'\n    <category term="{escape_attr(person.name)}" />')
    if full:
        body = _body_html(record.body)
        parts.append(f'\n    <content type="html">{escape_text(body)}</content>' if body
                     else '\n    <content type="html" />')
    else:
        from newsarchive.site.metadata import summary  # metadata imports this module

        parts.append(_element("\n    ", "summary", summary(article)))
    parts.append("\n  </entry>")
    return "".join(parts)
