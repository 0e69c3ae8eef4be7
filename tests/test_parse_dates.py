"""Publication-date lines in the formats Vietnamese sites print, and what is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.parse.article import parse_text
from newsarchive.parse.dates import parse_date_line


@pytest.mark.parametrize(
    ("line", "day", "time"),
    [
        ("Thứ Sáu, 21/6/2024", "2024-06-21", None),
        ("Thứ Ba, 29/09/2015, 10:13", "2015-09-29", "10:13"),
        ("09:12' - 17/07/2025", "2025-07-17", "09:12"),
        ("Thứ bảy, 26/3/2016, 14:17 (GMT+7)", "2016-03-26", "14:17"),
        ("Chủ nhật, ngày 08 tháng 12 năm 2024", "2024-12-08", None),
        ("17:42 Ngày 04/06/2018", "2018-06-04", "17:42"),
        ("Chủ nhật, 03/08/2025 16:05", "2025-08-03", "16:05"),
        ("22/04/2021, 19:42", "2021-04-22", "19:42"),
        ("Cập nhật: 10:05 ngày 3-4-2023", "2023-04-03", "10:05"),
        ("THỨ HAI, 1.7.2024", "2024-07-01", None),
        ("Thứ Hai, 12-08-2024, 14:30", "2024-08-12", "14:30"),
        ("Cập nhật lúc: 08:15 - 12/08/2024", "2024-08-12", "08:15"),
        ("12/08/2024 14:30 GMT+7", "2024-08-12", "14:30"),
        ("Thứ năm, 15/8/2024 09:00 (GMT+07:00)", "2024-08-15", "09:00"),
        ("Thứ hai, 12/8/2024 - 14:30 | Lượt xem: 120", "2024-08-12", "14:30"),
    ],
)
def test_date_lines(line: str, day: str, time: str | None) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert found.date == dt.date.fromisoformat(day)
    assert (found.time.strftime("%H:%M") if found.time else None) == time


@pytest.mark.parametrize(
    "line",
    [
        "Sáng 7/8",
        "Sáng 7/8, đoàn công tác đã đến thăm trường.",
        "Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội",
        "Hà Nội, 21/6/2024",
        "Thứ Năm, 31/2/2024",  # no such day
        "Thứ Hai, 30/13/2024",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_impossible_date_is_not_the_publication_date() -> None:
    got = parse_text("Tiêu đề bài viết thử nghiệm\nThứ Năm, 31/2/2024\nNội dung bài viết.\n")
    assert got.date is None
    assert "31/2/2024" in got.body  # not a date, so kept as text


def test_dates_in_sentences_are_ignored() -> None:
    text = "Đoàn công tác thăm tỉnh bạn\nNgày 10/11/2022, đoàn công tác đã đến thăm tỉnh.\n"
    assert parse_text(text).date is None


def test_date_line_after_title_wins_over_header_date() -> None:
    text = (
        "Thứ Năm, 26/11/2026\nTiêu đề của bài báo hôm nay\nThứ Sáu, 21/6/2024\n"
        "Nội dung thứ nhất.\nNội dung thứ hai.\n"
    )
    got = parse_text(text)
    assert got.date == dt.date(2024, 6, 21)
    assert got.date_line == "Thứ Sáu, 21/6/2024"
