"""``newsarchive new``: a record skeleton for an article added by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsarchive.commands._site import add_site_option, site_from_args
from newsarchive.errors import NewsarchiveError
from newsarchive.record import Person, Record, dump_record
from newsarchive.record.frontmatter import write_new_record
from newsarchive.record.model import RecordValueError, parse_date_value

BODY = "Viết nội dung bài ở đây. Mỗi đoạn cách nhau một dòng trống."


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "new",
        help="tạo bản ghi bài viết mới (create a record skeleton)",
        description="Tạo bản ghi mới ở content/NĂM/THÁNG/NGÀY/<slug>.md; không bao giờ ghi đè.",
        epilog='ví dụ: newsarchive new --title "Hội nghị tập huấn công tác dân vận" '
        '--date 2024-06-21 --speaker "Lại Xuân Lâm, Phó Bí thư Thường trực Đảng ủy Khối"',
    )
    add_site_option(p)
    p.add_argument("--title", required=True, help="tiêu đề bài")
    p.add_argument("--date", required=True, help="ngày đăng, YYYY-MM-DD (có thể thêm HH:MM)")
    p.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar='"TÊN, CHỨC VỤ"',
        help="người phát biểu và chức vụ (lặp lại cho mỗi người)",
    )
    p.set_defaults(func=run)


def parse_speaker(text: str) -> Person:
    """``"Trần Hồng Hà, Phó Thủ tướng"`` → name and role (a name never holds a comma)."""
    name, _, role = text.partition(",")
    if not name.strip():
        raise NewsarchiveError(f"--speaker cần tên người: {text!r}")
    return Person(name=name.strip(), role=role.strip() or None)


def make_record(title: str, date: str, speakers: list[str]) -> Record:
    if not title.strip():
        raise NewsarchiveError("--title không được để trống")
    try:
        day, time = parse_date_value(date)
    except RecordValueError:
        raise NewsarchiveError(f"--date phải có dạng YYYY-MM-DD, nhưng là {date!r}") from None
    people = [parse_speaker(s) for s in speakers]
    return Record(
        title=title.strip(),
        date=day,
        time=time,
        speakers=people,
        people=list(people),
        body=BODY + "\n",
    )


def record_path(content: Path, record: Record) -> Path:
    day = record.date
    return content / f"{day.year:04d}" / f"{day.month:02d}" / f"{day.day:02d}" / f"{record.slug}.md"


def run(args: argparse.Namespace) -> int:
    site = site_from_args(args)
    assert site is not None
    record = make_record(args.title, args.date, args.speaker)
    path = record_path(site.content, record)
    try:
        write_new_record(path, record)
    except FileExistsError:
        raise NewsarchiveError(
            "đã có bản ghi này; sửa tệp đó, hoặc đặt tiêu đề khác", path
        ) from None
    print(f"đã tạo {path}\n")
    print(dump_record(record), end="")
    return 0
