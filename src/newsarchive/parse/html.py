"""Saved HTML pages: main text and metadata (title, date, author) via trafilatura, with a
small standard-library extractor when trafilatura cannot be imported."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsarchive.parse.dates import parse_iso_date


@dataclass
class HtmlPage:
    """What an HTML page yields before the text rules run."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO from metadata
    authors: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<" in head[:1])


def extract_html(markup: str) -> HtmlPage:
    """Main text (one paragraph per line) and metadata of a page."""
    page = _with_trafilatura(markup)
    if page is None or not page.text.strip():
        page = _with_stdlib(markup)
    if parse_iso_date(page.date) is None:
        page.date = None
    return page


def _with_trafilatura(markup: str) -> HtmlPage | None:
    try:
        import trafilatura
    except ImportError:  # e.g. lxml without lxml_html_clean
        return None
    try:
        result = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception:  # noqa: BLE001 - a third-party parser on arbitrary input
        return None
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    authors = _split_authors(data.get("author"))
    return HtmlPage(
        text=data.get("text") or "",
        title=data.get("title") or None,
        date=data.get("date") or None,
        authors=authors,
    )


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r"[;,]|\s+và\s+", value) if a.strip()]


_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "template",
    "button",
    "iframe",
}
_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "div",
    "section",
    "article",
    "tr",
    "br",
    "pre",
    "td",
    "dd",
    "dt",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.time = ""
        self.skip = 0
        self.stack: list[str] = []
        self.parts: list[str] = []
        self.article_parts: list[str] | None = None
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
            return
        if tag == "time" and values.get("datetime") and not self.time:
            self.time = values["datetime"]
        if tag in _SKIP:
            self.skip += 1
        if tag == "article" and self.article_parts is None:
            self.article_parts = []
            self.article_depth = 1
        elif tag == "article" and self.article_depth:
            self.article_depth += 1
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            self._newline()
            return
        self.stack.append(tag)
        if tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag in _BLOCKS:
            self._newline()
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        current = self.stack[-1] if self.stack else ""
        if current == "title":
            self.title += data
            return
        if current == "h1":
            self.h1 += data
        if self.skip:
            return
        self.parts.append(data)
        if self.article_depth and self.article_parts is not None:
            self.article_parts.append(data)

    def _newline(self) -> None:
        self.parts.append("\n")
        if self.article_depth and self.article_parts is not None:
            self.article_parts.append("\n")


def _with_stdlib(markup: str) -> HtmlPage:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    parts = parser.article_parts if parser.article_parts else parser.parts
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    meta = parser.meta
    title = meta.get("og:title") or " ".join(parser.h1.split()) or " ".join(parser.title.split())
    date = (
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("pubdate")
        or meta.get("date")
        or parser.time
        or None
    )
    author = meta.get("author") or meta.get("article:author") or None
    return HtmlPage(
        text=html_lib.unescape(text),
        title=title or None,
        date=date,
        authors=_split_authors(author),
    )
