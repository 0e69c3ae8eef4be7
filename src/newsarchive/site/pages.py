"""The archive's pages: each is a URL, a template and the data the template shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsarchive.site import urls
from newsarchive.site.archive import Archive
from newsarchive.vi.collate import first_letter

HOME_LATEST = 20


@dataclass
class Page:
    url: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def archive_pages(archive: Archive) -> Iterator[Page]:
    """Every page of the site, in a stable order."""
    yield Page(
        "",
        "home.html",
        {
            "latest": archive.articles[:HOME_LATEST],
            "years": [(year, len(items)) for year, items in archive.years.items()],
            "top_speakers": sorted(archive.speakers, key=lambda s: (-len(s.appearances), s.url))[
                :12
            ],
        },
    )
    yield from _article_pages(archive)
    for year, items in archive.years.items():
        months = [
            (month, len(arts)) for (y, month), arts in sorted(archive.months.items()) if y == year
        ]
        yield Page(
            urls.year_url(year), "year.html", {"year": year, "months": months, "articles": items}
        )
    for (year, month), items in archive.months.items():
        days = sorted({a.date for a in items})
        yield Page(
            urls.month_url(year, month),
            "month.html",
            {"year": year, "month": month, "days": days, "articles": items},
        )
    for day, items in archive.days.items():
        yield Page(urls.day_url(day), "day.html", {"day": day, "articles": items})
    letters: dict[str, list] = {}
    for speaker in archive.speakers:
        letters.setdefault(first_letter(speaker.name), []).append(speaker)
    yield Page(urls.SPEAKERS_URL, "speakers.html", {"letters": letters})
    for speaker in archive.speakers:
        appearances = sorted(speaker.appearances, key=lambda a: a.article.sort_key, reverse=True)
        yield Page(speaker.url, "speaker.html", {"speaker": speaker, "appearances": appearances})


def _article_pages(archive: Archive) -> Iterator[Page]:
    articles = archive.articles
    for index, article in enumerate(articles):
        yield Page(
            article.url,
            "article.html",
            {
                "article": article,
                "record": article.record,
                "speakers": archive.speaker_links(article),
                "newer": articles[index - 1] if index > 0 else None,
                "older": articles[index + 1] if index + 1 < len(articles) else None,
            },
        )


def month_days(year: int, month: int) -> list[dt.date]:
    """Every day of a month, for calendar grids."""
    day = dt.date(year, month, 1)
    out = []
    while day.month == month:
        out.append(day)
        day += dt.timedelta(days=1)
    return out
