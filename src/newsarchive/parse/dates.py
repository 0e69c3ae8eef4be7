"""Publication-date lines of Vietnamese news pages (always day first).

A *date line* is a short line holding nothing but a date, optionally with a weekday, a time,
a time zone and words such as "Cập nhật" — ``Thứ Sáu, 21/6/2024``, ``09:12' - 17/07/2025``,
``Chủ nhật, ngày 08 tháng 12 năm 2024``.  Dates inside sentences are never taken.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAX_DATE_LINE = 120

_NUMERIC = re.compile(
    r"(?<!\d)(\d{1,2})\s{0,2}([/.\-])\s{0,2}(\d{1,2})\s{0,2}\2\s{0,2}(\d{4})(?!\d)"
)
_WORDY = re.compile(
    r"(?<!\d)(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})\s{0,3},?\s{0,3}(?:năm\s{1,3})?(\d{4})(?!\d)",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(
    r"(?<!\d)\d{1,2}\s{0,2}(?:[:hg]|giờ)\s{0,2}\d{2}(?:\s{0,2}phút)?(?:\s{0,2}:\s{0,2}\d{2})?(?!\d)\s{0,2}'?"
    r"(?:\s{0,2}(?:sa|ch|am|pm|a\.m\.|p\.m\.)(?![\w]))?",
    re.IGNORECASE,
)
_ZONE = re.compile(
    r"\(?\s{0,2}(?:gmt|utc|ict)\s{0,2}(?:[+\-]\s{0,2}\d{1,2}(?::?\d{2})?)?\s{0,2}\)?", re.I
)
_WEEKDAY = re.compile(
    r"(?<!\w)(?:thứ\s{1,3}(?:hai|ba|tư|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s{1,3}nhật|cn|t[2-7])(?!\w)",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"(?<!\w)(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|đăng|xuất\s+bản|ngày|lúc|"
    r"thời\s+gian|giờ|vào|published|updated|posted|on|at)(?!\w)",
    re.IGNORECASE,
)
# A view counter printed on the date line: "| Lượt xem: 120".
_COUNTER = re.compile(r"(?<!\w)lượt\s{1,3}(?:xem|đọc|thích)\s{0,2}:?\s{0,2}[\d.,]+", re.IGNORECASE)
_RESIDUE = re.compile(r"[\s,;:\-–—|/·•'’()\[\]]+")


@dataclass(frozen=True)
class FoundDate:
    """A publication date and the optional time printed with it."""

    date: dt.date
    time: dt.time | None = None


def make_date(day: int, month: int, year: int) -> dt.date | None:
    """``dt.date`` for a plausible publication date, None for impossible ones (31/2/2024)."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date_line(line: str) -> FoundDate | None:
    """The date of a line that is only a date line; None for anything else."""
    line = line.strip()
    if not line or len(line) > MAX_DATE_LINE or not any(map(str.isdigit, line)):
        return None
    found = _WORDY.search(line)
    if found:
        day, month, year = (int(g) for g in found.groups())
    else:
        found = _NUMERIC.search(line)
        if found:
            day, month, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
        else:
            found = _ISO.search(line)
            if not found:
                return None
            year, month, day = (int(g) for g in found.groups())
    date = make_date(day, month, year)
    if date is None:
        return None
    rest = line[: found.start()] + " " + line[found.end() :]
    rest = _COUNTER.sub(" ", _ZONE.sub(" ", rest))
    time_match = _TIME.search(rest)
    time = _make_time(time_match.group(0)) if time_match else None
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    if _RESIDUE.sub("", rest):
        return None
    return FoundDate(date, time)


def _make_time(text: str) -> dt.time | None:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) < 2:
        return None
    hour, minute = numbers[0], numbers[1]
    low = text.lower()
    if ("ch" in low or "pm" in low or "p.m" in low) and hour < 12:
        hour += 12
    try:
        return dt.time(hour, minute)
    except ValueError:
        return None


def parse_iso_date(text: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (possibly followed by a time) from HTML metadata, or None."""
    if not text:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return make_date(day, month, year)
