"""``newsarchive check``: records, config, links and likely duplicate people."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_record
from newsarchive.cli import main
from newsarchive.site.duplicates import DIACRITICS, ONE_LETTER, TONE_OR_CASE, likely_duplicates
from newsarchive.site.people_file import PeopleFile, PersonEntry


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_clean_site_passes(editor_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n- Lại Xuân Lâm")
    code, out = run_check(capsys)
    assert code == 0, out
    assert "Đã kiểm tra 1 bản ghi: 0 lỗi, 0 cảnh báo." in out


def test_reports_bad_record_and_dead_link_in_a_body(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_record(editor_site, "2024/bad.md", "title: Tin\ndate: hôm qua")
    write_record(
        editor_site, "2024/a.md", "title: Tin A\ndate: 2024-01-02",
        body="Xem [bài cũ](../khong-co/) và ![ảnh](anh.jpg).",
    )
    code, out = run_check(capsys)
    assert code == 1
    assert "lỗi: content/2024/bad.md:3: date: phải có dạng YYYY-MM-DD" in out
    page = "trang 2024/01/02/tin-a/index.html (content/2024/a.md): liên kết hỏng →"
    assert f"{page} ../khong-co/" in out
    assert f"{page} anh.jpg" in out


def test_reports_dead_link_of_a_custom_template_by_page(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02")
    (editor_site / "templates" / "speakers.html").write_text(
        '{% extends "base.html" %}{% block content %}<a href="{{ root }}gioi-thieu/">Giới '
        "thiệu</a>{% endblock %}",
        encoding="utf-8",
    )
    code, out = run_check(capsys)
    assert code == 1
    assert "lỗi: trang speakers/index.html: liên kết hỏng → ../gioi-thieu/" in out


def test_reports_bad_people_yaml_and_unknown_id(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (editor_site / "people.yaml").write_text("- id: a\n  name: A\n  alias: [x]\n", "utf-8")
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n"
                 "- name: B\n  id: b")
    code, out = run_check(capsys)
    assert code == 1
    assert "people.yaml:3: khoá không rõ 'alias'; có phải ý bạn là 'aliases'?" in out


def test_duplicate_people_warn_and_fail_only_when_strict(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n"
                 "- Nguyễn Thị Thủy")
    write_record(editor_site, "b.md", "title: Tin B\ndate: 2024-01-03\npeople:\n"
                 "- Nguyễn Thị Thuỷ")
    code, out = run_check(capsys)
    assert code == 0
    assert "cảnh báo: content/a.md: có thể trùng người: 'Nguyễn Thị Thủy' và " \
        "'Nguyễn Thị Thuỷ' (content/b.md)" in out
    code, _ = run_check(capsys, "--strict")
    assert code == 1
    (editor_site / "people.yaml").write_text(
        "- id: thuy\n  name: Nguyễn Thị Thủy\n  aliases: [Nguyễn Thị Thuỷ]\n", "utf-8"
    )
    code, out = run_check(capsys, "--strict")
    assert code == 0 and "có thể trùng" not in out


def test_likely_duplicates_signs() -> None:
    f = Path("a.md")
    names = ["Nguyễn Văn Hùng", "Nguyen Van Hung", "Nguyễn Văn Dũng", "Lê Thị Hoà", "Lê Thị Hòa",
             "Lâm", "Lam", "Trần Văn Nam", "Trần Văn Năm", "Hà", "Hạ"]
    found = {(d.first, d.second, d.reason) for d in likely_duplicates((n, f) for n in names)}
    assert ("Lê Thị Hoà", "Lê Thị Hòa", TONE_OR_CASE) in found
    assert ("Nguyễn Văn Hùng", "Nguyen Van Hung", DIACRITICS) in found
    assert ("Lâm", "Lam", DIACRITICS) in found
    assert ("Nguyễn Văn Hùng", "Nguyễn Văn Dũng", ONE_LETTER) in found
    pairs = {frozenset(d[:2]) for d in found}
    # different tones or vowels, both written with diacritics: different names
    assert {"Hà", "Hạ"} not in pairs and {"Trần Văn Nam", "Trần Văn Năm"} not in pairs
    merged = PeopleFile(entries=[PersonEntry("hoa", "Lê Thị Hoà")])
    assert not any("Lê Thị Hoà" in d[:2] for d in
                   {(d.first, d.second) for d in likely_duplicates(
                       [(n, f) for n in names], merged)})
