"""The previous, ElementTree-built Atom writer: the reference `feeds.atom_feed` must match.

Atom feeds (RFC 4287) built with ``xml.etree``: the whole site and one per speaker.

Entry ids are the articles' absolute URLs (stable as long as the base URL is); every
timestamp comes from an article's date, never from the clock, so builds are reproducible."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from newsarchive.site.archive import Article
from newsarchive.site.feeds import ATOM, FEED_SIZE, _body_html, timestamp


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


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
    """An Atom document for the newest ``FEED_SIZE`` of ``articles`` (newest first).

    ``feed_url`` and ``page_url`` are site-relative URLs; ``base_url`` makes them absolute."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _sub(feed, "id", base_url + feed_url)
    _sub(feed, "title", title)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base_url + feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=base_url + page_url)
    newest = articles[:FEED_SIZE]
    _sub(feed, "updated", timestamp(newest[0]) if newest else "1970-01-01T00:00:00+00:00")
    author = _sub(feed, "author")
    _sub(author, "name", site_title)
    _sub(feed, "generator", "newsarchive")
    for article in newest:
        feed.append(_entry(article, base_url, full))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(article: Article, base_url: str, full: bool) -> ET.Element:
    record = article.record
    entry = ET.Element(f"{{{ATOM}}}entry")
    url = base_url + article.url
    _sub(entry, "id", url)
    _sub(entry, "title", record.title)
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    _sub(entry, "published", timestamp(article))
    _sub(entry, "updated", timestamp(article))
    for name in record.authors or ([record.credit] if record.credit else []):
        _sub(_sub(entry, "author"), "name", name)
    for person in record.speakers:
        _sub(entry, "category", term=person.name)
    if full:
        _sub(entry, "content", _body_html(record.body), type="html")
    else:
        from newsarchive.site.metadata import summary

        _sub(entry, "summary", summary(article))
    return entry
