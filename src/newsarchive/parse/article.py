"""A scrape → ``ParsedArticle`` → ``Record``: the parser's entry points."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsarchive.errors import NewsarchiveError
from newsarchive.parse.byline import is_agency, looks_like_name, title_case_name
from newsarchive.parse.dates import parse_iso_date
from newsarchive.parse.decode import decode_bytes
from newsarchive.parse.furniture import furniture_key
from newsarchive.parse.html import extract_html, looks_like_html
from newsarchive.parse.markdown import to_markdown
from newsarchive.parse.people import extract_people
from newsarchive.parse.structure import analyse
from newsarchive.record.model import Image, Person, Quote, Record, Source

HTML_SUFFIXES = (".html", ".htm")
SCRAPE_SUFFIXES = (".txt", *HTML_SUFFIXES)


@dataclass
class ParsedArticle:
    """Everything the parser read from one scrape."""

    source: str
    title: str
    date: dt.date | None = None
    time: dt.time | None = None
    date_line: str | None = None
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sha256: str | None = None

    @property
    def body(self) -> str:
        """The body as Markdown."""
        return to_markdown(self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """The ``parse --json`` object."""
        return {
            "source": self.source,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_line": self.date_line,
            "authors": list(self.authors),
            "credit": self.credit,
            "captions": list(self.captions),
            "speakers": [{"name": p.name, "role": p.role} for p in self.speakers],
            "people": [{"name": p.name, "role": p.role} for p in self.people],
            "quotes": [q.to_data() for q in self.quotes],
            "body": self.body,
        }

    def to_record(
        self, imported: str | None = None, fallback_date: dt.date | None = None
    ) -> Record:
        """A record for this article; ``fallback_date`` is used only when none was found."""
        day = self.date or fallback_date
        if day is None:
            raise NewsarchiveError(
                "không tìm thấy ngày đăng trong bản cào; hãy cho ngày bằng --date YYYY-MM-DD",
                self.source,
            )
        return Record(
            title=self.title,
            date=day,
            time=self.time if self.date else None,
            authors=list(self.authors),
            credit=self.credit,
            speakers=list(self.speakers),
            people=list(self.people),
            quotes=list(self.quotes),
            images=[Image(caption=c) for c in self.captions],
            source=Source(
                file=Path(self.source).name,
                sha256=self.sha256,
                imported=imported,
                date_line=self.date_line,
            ),
            body=self.body,
        )


def parse_file(path: str | Path, extra_furniture: Iterable[str] = ()) -> ParsedArticle:
    """Read and parse one scrape (``.txt`` or saved ``.html``/``.htm``)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NewsarchiveError(f"không đọc được: {exc.strerror or exc}", path) from None
    return parse_bytes(raw, str(path), extra_furniture)


def parse_bytes(
    raw: bytes, source: str, extra_furniture: Iterable[str] = (), sha256: str | None = None
) -> ParsedArticle:
    """Decode and parse a scrape's bytes; ``source`` names it in errors and output;
    ``extra_furniture`` lists a site's own chrome lines to drop (``site.yaml``);
    ``sha256``: the bytes' hex digest, if the caller has it already."""
    text = decode_bytes(raw, source)
    is_html = source.lower().endswith(HTML_SUFFIXES) or looks_like_html(text)
    if is_html:
        article = parse_html(text, source, extra_furniture)
    else:
        article = parse_text(text, source, extra_furniture=extra_furniture)
    article.sha256 = sha256 or hashlib.sha256(raw).hexdigest()
    return article


def parse_text(
    text: str,
    source: str = "<scrape>",
    title: str | None = None,
    extra_furniture: Iterable[str] = (),
) -> ParsedArticle:
    """Parse decoded scrape text (NFC, ``\\n`` line ends)."""
    extra = frozenset(furniture_key(line) for line in extra_furniture if line.strip())
    layout = analyse(text, title=title, extra_furniture=extra)
    if not layout.title or not (layout.paragraphs or layout.captions):
        raise NewsarchiveError("không tìm thấy bài (không có tiêu đề và nội dung)", source)
    article = ParsedArticle(
        source=source,
        title=layout.title,
        date=layout.date.date if layout.date else None,
        time=layout.date.time if layout.date else None,
        date_line=layout.date_line,
        authors=layout.byline.authors,
        credit=layout.byline.credit,
        captions=layout.captions,
        paragraphs=layout.paragraphs,
    )
    found = extract_people(list(article.paragraphs), list(article.captions), list(article.authors))
    article.people, article.speakers, article.quotes = found.people, found.speakers, found.quotes
    return article


def parse_html(
    markup: str, source: str = "<page>", extra_furniture: Iterable[str] = ()
) -> ParsedArticle:
    """Parse a saved HTML page: trafilatura's main text, then the text rules."""
    page = extract_html(markup)
    if not page.text.strip():
        raise NewsarchiveError("không tìm thấy nội dung bài trong trang HTML", source)
    article = parse_text(page.text, source, title=page.title, extra_furniture=extra_furniture)
    meta_date = parse_iso_date(page.date)
    if article.date is None and meta_date:
        article.date = meta_date
        article.date_line = page.date
    if not article.authors and page.authors:
        for name in page.authors:
            if is_agency(name) or not looks_like_name(name):
                article.credit = article.credit or name
            else:
                article.authors.append(title_case_name(name))
    return article
