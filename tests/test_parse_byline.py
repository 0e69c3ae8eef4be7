"""Byline forms: labelled, agency credits, ALL-CAPS names, bare names; sentences are not bylines."""

from __future__ import annotations

import pytest

from newsarchive.parse.byline import lead_credit, parse_byline


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


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        ("Hồng Nhung/VOV.VN", ["Hồng Nhung"], "VOV.VN"),
        ("Minh Hiếu (Vietnam+)", ["Minh Hiếu"], "Vietnam+"),
        ("NGỌC LAN - TRẦN VŨ", ["Ngọc Lan", "Trần Vũ"], None),
    ],
)
def test_agency_bylines(line: str, authors: list[str], credit: str | None) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.authors, found.credit) == (authors, credit)


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("TTO - Nhiều tỉnh đang gia cố đê bao.", "TTO"),
        ("(Chinhphu.vn) - Bộ Y tế vừa có công văn.", "Chinhphu.vn"),
        ("(Dân trí) - Từ 15h chiều nay, giá xăng giảm.", "Dân trí"),
        ("VOV.VN -\u00a0Mỗi mùa hè, nhiều vụ đuối nước xảy ra.", "VOV.VN"),
        ("(PLO)- Ngày 22/4, tòa án mở phiên xét xử.", "PLO"),
        ("QĐND - Những ngày qua, bộ đội giúp dân.", "QĐND"),
        ("(TTXVN/Vietnam+) Tối 2/8, thành phố khai trương phố đi bộ.", "TTXVN/Vietnam+"),
        ("Dân trí Ông Nguyễn Văn A cho biết.", None),
        ("HUẾ - Sáng nay, lễ hội khai mạc.", None),
        ("(Hà Nội) - Sáng nay, hội nghị khai mạc.", None),
        ("(Ảnh minh họa) Sáng nay, trời mưa.", None),
        ("Sáng 12/8 - theo kế hoạch, hội nghị khai mạc.", None),
    ],
)
def test_lead_prefix_credit(lead: str, outlet: str | None) -> None:
    assert lead_credit(lead) == outlet
