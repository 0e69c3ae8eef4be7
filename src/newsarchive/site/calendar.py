"""Month calendar grids, Monday first, for the month pages."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from newsarchive.vi.dates import weekday_name, weekday_names

K = TypeVar("K", bound=Any)


@dataclass(frozen=True)
class Cell:
    """One day of the grid; ``count`` articles were published on it."""

    day: dt.date
    count: int


@functools.lru_cache(maxsize=4096)
def _weeks(year: int, month: int) -> list[list[dt.date]]:
    return calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)


def month_grid(year: int, month: int, counts: dict[dt.date, int]) -> list[list[Cell | None]]:
    """Weeks (Monday → Sunday) of the month; days outside it are ``None``."""
    weeks = _weeks(year, month)
    return [
        [Cell(day, counts.get(day, 0)) if day.month == month else None for day in week]
        for week in weeks
    ]


@functools.cache  # every month page shows them; Babel would be asked 7 times a page
def weekday_headers() -> tuple[tuple[str, str], ...]:
    """Monday…Sunday as (abbreviation, full name) from Babel's ``vi`` locale:
    ``("T2", "Thứ Hai")`` … ``("CN", "Chủ Nhật")``."""
    monday = dt.date(2024, 1, 1)
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    return tuple(zip(weekday_names(), [weekday_name(d) for d in days], strict=True))


def neighbours(keys: Iterable[K]) -> dict[K, tuple[K | None, K | None]]:
    """For each key, the keys just before and after it in sorted order (``None`` at ends)."""
    ordered = sorted(keys)
    return {
        key: (ordered[i - 1] if i > 0 else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, key in enumerate(ordered)
    }
