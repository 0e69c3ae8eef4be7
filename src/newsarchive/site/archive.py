"""The archive as the site sees it: articles with their URLs, grouped by date and speaker."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Person, Record
from newsarchive.site import urls
from newsarchive.site.identity import Identities
from newsarchive.vi.collate import name_sort_key
from newsarchive.vi.text import match_key

_MIDNIGHT = dt.time(0, 0)


@dataclass(slots=True)
class Article:
    """A record placed in the site."""

    record: Record
    path: Path
    url: str
    _sort_key: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def date(self) -> dt.date:
        return self.record.date

    @property
    def sort_key(self) -> tuple:
        """Newest first: date, then time, then URL for a stable order.  (Computed once: an
        article's record and URL do not change while the site is laid out.)"""
        key = self._sort_key
        if key is None:
            record = self.record
            key = self._sort_key = (record.date, record.time or _MIDNIGHT, self.url)
        return key


@dataclass(slots=True)
class Appearance:
    """One article in which a speaker spoke, with the role they held there."""

    article: Article
    role: str | None
    quotes: tuple[str, ...] = ()  # what they said in this article


@dataclass
class Speaker:
    """One real person across the archive, with every article they spoke in."""

    id: str
    name: str
    url: str
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def roles(self) -> list[tuple[str, dt.date, dt.date]]:
        """Each distinct role with the first and last date it was held, oldest first."""
        spans: dict[str, list[dt.date]] = {}
        for app in sorted(self.appearances, key=lambda a: a.article.sort_key):
            if app.role:
                spans.setdefault(app.role, []).append(app.article.date)
        return [(role, days[0], days[-1]) for role, days in spans.items()]


@dataclass
class Archive:
    """All published articles, newest first, and the indexes built from them."""

    articles: list[Article]
    speakers: list[Speaker]
    years: dict[int, list[Article]]
    months: dict[tuple[int, int], list[Article]]
    days: dict[dt.date, list[Article]]

    def speaker_links(self, article: Article) -> list[tuple[Person, Speaker]]:
        return self._speaker_links.get(article.url, [])

    _speaker_links: dict[str, list[tuple[Person, Speaker]]] = field(default_factory=dict)


def build_archive(records: list[tuple[Path, Record]], identities: Identities) -> Archive:
    """Place records at their URLs, refuse URL collisions, group by date and speaker."""
    by_url: dict[str, Article] = {}
    problems: list[NewsarchiveError] = []
    for path, record in records:
        article = Article(record=record, path=path, url=urls.article_url(record.date, record.slug))
        other = by_url.get(article.url)
        if other is not None:
            problems.append(
                NewsarchiveError(
                    f"trùng địa chỉ /{article.url} với {other.path}; hãy đặt slug khác cho một bài",
                    path,
                )
            )
            continue
        by_url[article.url] = article
    if problems:
        from newsarchive.errors import BuildFailed

        raise BuildFailed(problems)

    articles = sorted(by_url.values(), key=lambda a: a.sort_key, reverse=True)
    years: dict[int, list[Article]] = defaultdict(list)
    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    days: dict[dt.date, list[Article]] = defaultdict(list)
    speakers: dict[str, Speaker] = {}
    links: dict[str, list[tuple[Person, Speaker]]] = {}
    resolve = identities.resolve
    for article in articles:
        record = article.record
        day = record.date
        years[day.year].append(article)
        months[(day.year, day.month)].append(article)
        days[day].append(article)
        if not record.speakers:
            continue
        # (speaker's match key, text) of the article's quotes
        quotes = [(match_key(q.speaker), q.text) for q in record.quotes]
        linked = links[article.url] = []
        for person in record.speakers:
            ident = resolve(person)
            speaker = speakers.get(ident.id)
            if speaker is None:
                speaker = Speaker(id=ident.id, name=ident.name, url=urls.speaker_url(ident.slug))
                speakers[ident.id] = speaker
            if quotes:
                key = match_key(person.name)
                said = tuple([text for speaker_key, text in quotes if speaker_key == key])
            else:
                said = ()
            speaker.appearances.append(Appearance(article, person.role, said))
            linked.append((person, speaker))
    ordered = sorted(speakers.values(), key=lambda s: name_sort_key(s.name))
    return Archive(
        articles=articles,
        speakers=ordered,
        years=dict(sorted(years.items(), reverse=True)),
        months=dict(sorted(months.items(), reverse=True)),
        days=dict(sorted(days.items(), reverse=True)),
        _speaker_links=links,
    )
