"""Vietnamese date words: CLDR's ``vi`` names, never the OS locale.

The words are the Unicode CLDR's Vietnamese month and weekday names, written out here:
asking Babel for them cost every rebuild ~20 ms (Babel's import and its locale data) for
nineteen fixed words.  ``tests/test_vi.py`` checks every function below against Babel's
``format_date`` with the same patterns, so the two cannot drift apart unnoticed."""

from __future__ import annotations

import datetime as dt

# Babel's "EEEE" (full weekday name), Monday first
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
# Babel's "EEEEEE" (the shortest weekday name), Monday first
_WEEKDAYS_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def weekday_name(day: dt.date) -> str:
    """``"Thứ Sáu"``: the full weekday name (Babel's ``EEEE``)."""
    return _WEEKDAYS[day.weekday()]


def format_day(day: dt.date) -> str:
    """``"Thứ Sáu, 21 tháng 6 năm 2024"``: Babel's ``EEEE, d 'tháng' M 'năm' y``."""
    return f"{_WEEKDAYS[day.weekday()]}, {format_short(day)}"


def format_short(day: dt.date) -> str:
    """``"21 tháng 6 năm 2024"`` (no weekday), for lists: Babel's ``d 'tháng' M 'năm' y``."""
    return f"{day.day} tháng {day.month} năm {day.year}"


def format_month(year: int, month: int) -> str:
    """``"Tháng 6 năm 2024"``: Babel's ``LLLL 'năm' y``."""
    return f"{format_month_name(month)} năm {year}"


def format_month_name(month: int) -> str:
    """``"Tháng 6"``: the stand-alone month name (Babel's ``LLLL``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    return f"Tháng {month}"


def format_year(year: int) -> str:
    """``"Năm 2024"``."""
    return f"Năm {year}"


def weekday_names() -> list[str]:
    """Abbreviated weekday names Monday…Sunday, for calendar headers (``"T2"`` … ``"CN"``,
    Babel's ``EEEEEE``)."""
    return list(_WEEKDAYS_SHORT)
