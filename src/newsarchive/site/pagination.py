"""Splitting long lists over ``<url>page/N/`` pages; page 1 stays at the plain URL.

``page`` never collides with a slug: article slugs live only under ``YYYY/MM/DD/`` (one
level below any ``page/`` folder of a day) and speaker slugs reserve ``page``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

PAGE_SIZE = 50


def page_url(base: str, number: int) -> str:
    """The URL of page ``number`` (1-based) of the list at ``base``."""
    return base if number == 1 else f"{base}page/{number}/"


@dataclass(frozen=True)
class Paginated(Generic[T]):
    """One page of a list, with what is needed for the pager and ``rel`` links."""

    items: Sequence[T]
    number: int
    count: int  # number of pages
    base: str
    total: int  # number of items over all pages
    start: int  # 1-based position of the first item in the whole list

    @property
    def url(self) -> str:
        return page_url(self.base, self.number)

    @property
    def prev_url(self) -> str | None:
        return page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.base, self.number + 1) if self.number < self.count else None

    def urls(self) -> list[tuple[int, str]]:
        """Every page number with its URL, for a numbered pager."""
        return [(n, page_url(self.base, n)) for n in range(1, self.count + 1)]


def paginate(items: Sequence[T], base: str, size: int = PAGE_SIZE) -> list[Paginated[T]]:
    """Split ``items`` into pages of ``size``; an empty list still gets one page."""
    count = max(1, -(-len(items) // size))
    return [
        Paginated(items[i * size : (i + 1) * size], i + 1, count, base, len(items), i * size + 1)
        for i in range(count)
    ]
