"""Month calendar grids, Monday first, for the month pages."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

K = TypeVar("K", bound=Any)


@dataclass(frozen=True)
class Cell:
    """One day of the grid; ``count`` articles were published on it."""

    day: dt.date
    count: int


def month_grid(year: int, month: int, counts: dict[dt.date, int]) -> list[list[Cell | None]]:
    """Weeks (Monday → Sunday) of the month; days outside it are ``None``."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    return [
        [Cell(day, counts.get(day, 0)) if day.month == month else None for day in week]
        for week in weeks
    ]


def neighbours(keys: Iterable[K]) -> dict[K, tuple[K | None, K | None]]:
    """For each key, the keys just before and after it in sorted order (``None`` at ends)."""
    ordered = sorted(keys)
    return {
        key: (ordered[i - 1] if i > 0 else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, key in enumerate(ordered)
    }
