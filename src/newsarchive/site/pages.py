"""The archive's pages: each is a URL, a template and the data the template shows.

Non-HTML outputs (feeds, sitemaps, robots.txt) are pages too: they carry a ``render``
function of the site settings instead of a template."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from newsarchive.site import urls
from newsarchive.site.archive import Archive, Article
from newsarchive.site.calendar import month_grid, neighbours
from newsarchive.site.feeds import FEED_SIZE, atom_feed
from newsarchive.site.pagination import PAGE_SIZE, paginate
from newsarchive.site.sitemap import SITEMAP_LIMIT, robots_txt, sitemap_file, sitemap_names
from newsarchive.vi.collate import first_letter

HOME_LATEST = 20
HOME_SPEAKERS = 12
SEARCH_URL = "search/"
FEED_URL = "feed.xml"


@dataclass
class Page:
    url: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    # For non-HTML outputs: text from the site settings (``title``, ``base_url``, …).
    render: Callable[[dict[str, Any]], str] | None = None
    content_type: str = "text/html"


def speaker_feed_url(speaker_url: str) -> str:
    return f"{speaker_url}{FEED_URL}"


def archive_pages(
    archive: Archive, *, per_page: int = PAGE_SIZE, sitemap_limit: int = SITEMAP_LIMIT
) -> Iterator[Page]:
    """Every page of the site, in a stable order; lists show ``per_page`` articles a page
    and the sitemap lists the HTML pages."""
    html_urls: list[str] = []
    # each speaker's appearances newest first, for their pages and their feed
    newest = [_newest_first(speaker.appearances) for speaker in archive.speakers]
    for page in _html_pages(archive, per_page, newest):
        html_urls.append(page.url)
        yield page
    # a feed is given only the articles it shows: its fingerprint (what it depends on) is
    # then theirs, and editing an older article does not render the feed again
    yield Page(
        FEED_URL,
        "",
        render=partial(_site_feed, articles=archive.articles[:FEED_SIZE]),
        content_type="application/atom+xml",
    )
    for speaker, appearances in zip(archive.speakers, newest, strict=True):
        articles = [a.article for a in appearances[:FEED_SIZE]]
        yield Page(
            speaker_feed_url(speaker.url),
            "",
            render=partial(_speaker_feed, name=speaker.name, url=speaker.url, articles=articles),
            content_type="application/atom+xml",
        )
    yield Page("robots.txt", "", render=_robots, content_type="text/plain")
    for index, name in enumerate(sitemap_names(len(html_urls), sitemap_limit)):
        yield Page(
            name,
            "",
            render=partial(_sitemap, page_urls=html_urls, limit=sitemap_limit, index=index),
            content_type="application/xml",
        )


def _html_pages(archive: Archive, per_page: int, newest: list[list]) -> Iterator[Page]:
    yield Page(
        "",
        "home.html",
        {
            "latest": archive.articles[:HOME_LATEST],
            "total": len(archive.articles),
            "years": [(year, len(items)) for year, items in archive.years.items()],
            "top_speakers": sorted(archive.speakers, key=lambda s: (-len(s.appearances), s.url))[
                :HOME_SPEAKERS
            ],
        },
    )
    yield Page(SEARCH_URL, "search.html", {})
    yield from _article_pages(archive)
    yield from _date_pages(archive, per_page)
    letters: dict[str, list] = {}
    for speaker in archive.speakers:
        letters.setdefault(first_letter(speaker.name), []).append(speaker)
    yield Page(urls.SPEAKERS_URL, "speakers.html", {"letters": letters})
    for speaker, appearances in zip(archive.speakers, newest, strict=True):
        quote_count = sum(len(app.quotes) for app in speaker.appearances)
        context = {
            "speaker": speaker,
            "feed": speaker_feed_url(speaker.url),
            "quote_count": quote_count,
        }
        yield from _paged(
            appearances, speaker.url, per_page, "speaker.html", context, "appearances"
        )


def _newest_first(appearances: Sequence) -> list:
    """Newest first.  ``build_archive`` appends them walking the articles newest first, so
    they usually are already: checked pairwise (cheap) before sorting."""
    items = list(appearances)
    keys = [a.article.sort_key for a in items]
    if all(keys[i] > keys[i + 1] for i in range(len(keys) - 1)):
        return items
    return sorted(items, key=lambda a: a.article.sort_key, reverse=True)


def _paged(
    items: Sequence,
    url: str,
    per_page: int,
    template: str,
    context: dict[str, Any],
    key: str = "articles",
) -> Iterator[Page]:
    """One page per ``per_page`` items at ``url``, ``url/page/2/``, …; each page's context is
    ``context`` plus its items (under ``key``) and its ``pager``."""
    for pager in paginate(items, url, per_page):
        yield Page(pager.url, template, {**context, key: pager.items, "pager": pager})


def _date_pages(archive: Archive, per_page: int) -> Iterator[Page]:
    year_links = neighbours(archive.years)
    for year, items in archive.years.items():
        counts = {m: len(arts) for (y, m), arts in archive.months.items() if y == year}
        months = [(month, counts.get(month, 0)) for month in range(1, 13)]
        before, after = year_links[year]
        context = {"year": year, "months": months, "previous": before, "next": after}
        yield from _paged(items, urls.year_url(year), per_page, "year.html", context)
    month_links = neighbours(archive.months)
    for (year, month), items in archive.months.items():
        days: dict = {}
        for article in items:
            days[article.date] = days.get(article.date, 0) + 1
        before, after = month_links[(year, month)]
        context = {
            "year": year,
            "month": month,
            "weeks": month_grid(year, month, days),  # the same grid on each of its pages
            "previous": before,
            "next": after,
        }
        yield from _paged(items, urls.month_url(year, month), per_page, "month.html", context)
    day_links = neighbours(archive.days)
    for day, items in archive.days.items():
        before, after = day_links[day]
        context = {"day": day, "previous": before, "next": after}
        yield from _paged(items, urls.day_url(day), per_page, "day.html", context)


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


def _site_feed(site: dict[str, Any], *, articles: list[Article]) -> str:
    return atom_feed(
        title=site["title"],
        feed_url=FEED_URL,
        page_url="",
        base_url=site["base_url"],
        site_title=site["title"],
        articles=articles,
    )


def _speaker_feed(site: dict[str, Any], *, name: str, url: str, articles: list[Article]) -> str:
    return atom_feed(
        title=f"{name} · {site['title']}",
        feed_url=speaker_feed_url(url),
        page_url=url,
        base_url=site["base_url"],
        site_title=site["title"],
        articles=articles,
        full=False,  # summaries: the bodies are in the site feed and on the pages
    )


def _robots(site: dict[str, Any]) -> str:
    return robots_txt(site["base_url"])


def _sitemap(site: dict[str, Any], *, page_urls: list[str], limit: int, index: int) -> str:
    return sitemap_file(page_urls, site["base_url"], index, limit)
