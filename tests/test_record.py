"""The record format: validation, errors with line numbers, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Image, Person, Quote, Record, Source, dump_record, parse_record
from newsarchive.record.frontmatter import load_record, write_new_record


def test_minimal_record_gets_default_slug() -> None:
    record = parse_record("---\ntitle: Đảng ủy Khối tập huấn\ndate: 2024-06-21\n---\nNội dung.\n")
    assert record.slug == "dang-uy-khoi-tap-huan"
    assert record.date == dt.date(2024, 6, 21) and record.time is None
    assert record.body == "Nội dung.\n"


def test_date_with_time() -> None:
    record = parse_record("---\ntitle: A\ndate: 2015-09-29 10:13\n---\n")
    assert record.time == dt.time(10, 13)
    assert "2015-09-29 10:13" in dump_record(record)
    assert parse_record(dump_record(record)).time == dt.time(10, 13)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: A\n", 1, "không có dòng '---' đóng lại"),
        ("title: A\n", 1, "phải bắt đầu bằng"),
        ("---\ntitle: A\ndate: [\n---\n", 4, "YAML không hợp lệ"),
        ("---\n- a\n- b\n---\n", 2, "phải là các dòng 'khoá: giá trị'"),
        ("---\ntitle: A\ndate: hôm qua\n---\n", 3, "date: phải có dạng YYYY-MM-DD"),
        ("---\ntitle: A\ndate: 2024-02-31\n---\n", 3, "không phải ngày có thật"),
        ("---\ndate: 2024-02-01\n---\n", 1, "title: bắt buộc phải có"),
        ("---\ntitle: A\ndate: 2024-02-01\nslug: ../../etc\n---\n", 4, "slug: chỉ gồm chữ thường"),
        ("---\ntitle: A\ndate: 2024-02-01\nspeakers: [1]\n---\n", 4, "speakers"),
        ("---\n!!python/object/apply:os.system ['echo hi']\n---\n", 2, "YAML không hợp lệ"),
    ],
)
def test_bad_front_matter_is_reported_with_line(text: str, line: int, message: str) -> None:
    with pytest.raises(NewsarchiveError) as info:
        parse_record(text, "rec.md")
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"rec.md:{line}: ")


def test_non_utf8_record_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(b"---\ntitle: H\xe0 N\xf4i\n---\n")
    with pytest.raises(NewsarchiveError, match="không ở dạng UTF-8"):
        load_record(path)


def test_full_record_round_trips(tmp_path: Path) -> None:
    record = Record(
        title="Hội nghị: “dân là gốc”",
        date=dt.date(2024, 6, 21),
        time=dt.time(8, 5),
        authors=["Hà Thanh"],
        credit="Tin và ảnh",
        speakers=[Person("Lại Xuân Lâm", "Phó Bí thư", honorific="đồng chí")],
        people=[Person("Nguyễn Lam", None, id="nguyen-lam-1")],
        quotes=[Quote("Lại Xuân Lâm", "Vì vậy…")],
        images=[Image("Quang cảnh", "a.jpg")],
        source=Source(file="a.txt", sha256="0" * 64, imported="2026-01-01T00:00:00Z"),
        draft=True,
        body="Đoạn một.\n\nĐoạn hai: - a\n",
        extra={"tags": ["x"]},
    )
    assert parse_record(dump_record(record)) == record
    path = tmp_path / "2024" / "a.md"
    write_new_record(path, record)
    assert load_record(path) == record
    with pytest.raises(FileExistsError):
        write_new_record(path, record)
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
    lambda s: s.strip() == s and s
)


@given(
    title=_text,
    names=st.lists(_text, max_size=3),
    body=st.text(st.characters(blacklist_categories=("Cs",))),
    day=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
def test_any_record_round_trips(title: str, names: list[str], body: str, day: dt.date) -> None:
    import unicodedata

    title = unicodedata.normalize("NFC", title)
    names = [unicodedata.normalize("NFC", n) for n in names]
    record = Record(title=title, date=day, authors=names, speakers=[Person(n) for n in names])
    record.body = parse_record(dump_record(Record(title=title, date=day, body=body))).body
    assert parse_record(dump_record(record)) == record
