"""Byline forms: labelled, agency credits, ALL-CAPS names, bare names; sentences are not bylines."""

from __future__ import annotations

import pytest

from newsarchive.parse.byline import parse_byline


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        ("Tin và ảnh: Hà Thanh", ["Hà Thanh"], "Tin và ảnh"),
        ("Bài, ảnh: Nguyễn Văn An", ["Nguyễn Văn An"], "Bài, ảnh"),
        ("Tổng hợp: THỤY QUYÊN", ["Thụy Quyên"], "Tổng hợp"),
        ("Theo TTXVN", [], "TTXVN"),
        ("Theo Báo Nhân Dân", [], "Theo Báo Nhân Dân"),
        ("Minh Đức (TTXVN)", ["Minh Đức"], "TTXVN"),
        ("MINH ANH - HOÀNG NAM", ["Minh Anh", "Hoàng Nam"], None),
        ("Hà Thanh", ["Hà Thanh"], None),
        ("Tác giả: Nguyễn An", ["Nguyễn An"], None),
    ],
)
def test_bylines(line: str, authors: list[str], credit: str | None) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.authors, found.credit) == (authors, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Theo ông Nguyễn Văn A, giám đốc sở.",
        "Phó Thủ tướng Vũ Đức Đam",
        "Niềm vui chiến thắng của CLB Nam Định",
        "Brad O'Neill - Zara McDermott - Closer",
        "(Ảnh: EPA)",
        "Cử tri kiến nghị về các bất cập.",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None
