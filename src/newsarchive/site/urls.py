"""The site's URL scheme.  URLs are paths relative to the site root, ending in ``/``
(each page is ``<url>index.html``); pages link to each other relatively so the output works
under any sub-path and from any static file server."""

from __future__ import annotations

import datetime as dt


def year_url(year: int) -> str:
    return f"{year:04d}/"


def month_url(year: int, month: int) -> str:
    return f"{year:04d}/{month:02d}/"


def day_url(day: dt.date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def article_url(day: dt.date, slug: str) -> str:
    return f"{day_url(day)}{slug}/"


def speaker_url(slug: str) -> str:
    return f"speakers/{slug}/"


SPEAKERS_URL = "speakers/"


def root_prefix(url: str) -> str:
    """The relative path from a page at ``url`` back to the site root (``"../../"``)."""
    depth = url.count("/")
    return "../" * depth if depth else "./"


def output_path(url: str) -> str:
    """The file a page URL is written to, relative to the output folder."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url
