"""``newsarchive parse``: JSON lines, human summary, one-line errors and exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"
KEYS = {
    "source",
    "title",
    "date",
    "date_line",
    "authors",
    "credit",
    "captions",
    "speakers",
    "people",
    "body",
}


def test_parse_json_one_object_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    files = [FIXTURES / "photos_bare_name.txt", FIXTURES / "summary_caps_byline.txt"]
    assert main(["parse", "--json", *map(str, files)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) >= KEYS
    assert first["source"] == str(files[0]) and second["source"] == str(files[1])
    assert first["date"] == "2025-08-03"
    assert first["date_line"] == "Chủ nhật, 03/08/2025 16:05"
    assert first["captions"][0] == "Các em học sinh trong ngày đầu trở lại trường"
    assert second["authors"] == ["Thụy Quyên"] and second["credit"] == "Tổng hợp"


def test_bad_file_is_one_line_error_others_still_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    good = FIXTURES / "summary_caps_byline.txt"
    status = main(["parse", "--json", str(empty), str(good), str(missing)])
    assert status != 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and json.loads(out)["title"].startswith("Năm xu hướng")
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"lỗi: {empty}: ")
    assert errors[1].startswith(f"lỗi: {missing}: ")
    assert "Traceback" not in err


def test_human_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "header_date_agency.txt")]) == 0
    out = capsys.readouterr().out
    assert "Hội chợ nông sản thu hút hàng nghìn lượt khách" in out
    assert "2024-12-08" in out and "TTXVN" in out
