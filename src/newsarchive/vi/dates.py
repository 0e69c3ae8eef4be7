"""Vietnamese date words through Babel's ``vi`` locale, never the OS locale."""

from __future__ import annotations

import datetime as dt
from typing import Any

_LOCALE = "vi"


def format_date(day: dt.date, pattern: str, locale: str) -> Any:
    """Babel's ``format_date``, imported on first use (Babel takes ~12 ms to import, and
    ``newsarchive import`` never formats a date)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, pattern, locale=locale)


_WEEKDAYS: list[str] = []  # Babel's full weekday names, Monday first


def weekday_name(day: dt.date) -> str:
    """``"Thứ Sáu"``: the full weekday name, Babel's ``EEEE``, asked of Babel once per
    weekday (a Babel call costs ~70 µs, and an archive page shows dozens of dates)."""
    if not _WEEKDAYS:
        monday = dt.date(2024, 1, 1)
        _WEEKDAYS.extend(format_date(monday + dt.timedelta(days=i), "EEEE", locale=_LOCALE)
                         for i in range(7))
    return _WEEKDAYS[day.weekday()]


def format_day(day: dt.date) -> str:
    """``"Thứ Sáu, 21 tháng 6 năm 2024"``: Babel's pattern ``EEEE, d 'tháng' M 'năm' y``
    (``tests/test_vi.py`` compares every day of a few years with Babel)."""
    return f"{weekday_name(day)}, {format_short(day)}"


def format_short(day: dt.date) -> str:
    """``"21 tháng 6 năm 2024"`` (no weekday), for lists: Babel's ``d 'tháng' M 'năm' y``."""
    return f"{day.day} tháng {day.month} năm {day.year}"


def format_month(year: int, month: int) -> str:
    """``"Tháng 6 năm 2024"``."""
    return format_date(dt.date(year, month, 1), "LLLL 'năm' y", locale=_LOCALE)


def format_month_name(month: int) -> str:
    """``"Tháng 6"``."""
    return format_date(dt.date(2000, month, 1), "LLLL", locale=_LOCALE)


def format_year(year: int) -> str:
    """``"Năm 2024"``."""
    return f"Năm {year}"


def weekday_names() -> list[str]:
    """Abbreviated weekday names Monday…Sunday, for calendar headers (``"Th 2"`` …)."""
    monday = dt.date(2024, 1, 1)
    return [format_date(monday + dt.timedelta(days=i), "EEEEEE", locale=_LOCALE) for i in range(7)]
