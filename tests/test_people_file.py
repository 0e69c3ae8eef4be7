"""people.yaml: validation with line numbers; splitting namesakes and merging variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_record
from newsarchive.cli import main
from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.record import Person
from newsarchive.site.identity import Identities
from newsarchive.site.people_file import load_people

SPLIT = """\
- id: tran-hong-ha-pho-thu-tuong
  name: Trần Hồng Hà
  roles: ["Phó Thủ tướng"]
- id: tran-hong-ha-dang-uy-khoi
  name: Trần Hồng Hà
  roles: ["Đảng ủy Khối"]
"""
MERGE = """\
- id: nguyen-van-a
  name: Nguyễn Văn A
  aliases: ["Nguyen Van A", "Nguyễn Văn Á"]
"""


def people(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_by_role(tmp_path: Path) -> None:
    ids = Identities(load_people(people(tmp_path, SPLIT)))
    deputy_pm = ids.resolve(Person("Trần Hồng Hà", "Phó Thủ tướng Chính phủ"))
    official = ids.resolve(Person("Trần Hồng Hà", "nguyên Phó Bí thư Thường trực Đảng uỷ Khối"))
    assert deputy_pm.slug == "tran-hong-ha-pho-thu-tuong"
    assert official.slug == "tran-hong-ha-dang-uy-khoi"  # uỷ/ủy compared by match_key
    other = ids.resolve(Person("Trần Hồng Hà", "Bộ trưởng"))  # no role matches: by name
    assert other.slug not in (deputy_pm.slug, official.slug)


def test_merge_aliases_and_explicit_id(tmp_path: Path) -> None:
    ids = Identities(load_people(people(tmp_path, MERGE)))
    a = {ids.resolve(Person(n)) for n in ("Nguyễn Văn A", "Nguyen Van A", "nguyễn văn á")}
    assert len(a) == 1 and a.pop().name == "Nguyễn Văn A"
    assert ids.resolve(Person("Ông A", id="nguyen-van-a")).slug == "nguyen-van-a"
    with pytest.raises(NewsarchiveError, match="không có trong people.yaml"):
        ids.resolve(Person("B", id="khong-co"))


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("- id: a\n  name: A\n  role: [x]\n", 3, "có phải ý bạn là 'roles'"),
        ("- id: Trần\n  name: A\n", 1, "'id' phải gồm chữ thường"),
        ("- id: a\n  roles: [x]\n", 1, "thiếu 'name'"),
        ("- name: A\n  id: page\n", 2, "'id' không được là 'page'"),
        ("- id: a\n  name: A\n  aliases: {x: 1}\n", 3, "'aliases' phải là danh sách"),
        ("- id: a\n  name: A\n- id: a\n  name: B\n", 3, "đã dùng ở dòng 1"),
        ("id: a\n", 1, "phải là một danh sách"),
    ],
)
def test_validation_names_the_line(tmp_path: Path, text: str, line: int, expected: str) -> None:
    path = people(tmp_path, text)
    with pytest.raises(NewsarchiveError) as info:
        load_people(path)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert expected in str(info.value)


def test_several_problems_reported_together(tmp_path: Path) -> None:
    with pytest.raises(BuildFailed) as info:
        load_people(people(tmp_path, "- id: a\n- name: B\n"))
    assert len(info.value.problems) == 2


def test_commented_template_is_valid_and_empty(editor_site: Path) -> None:
    assert load_people(editor_site / "people.yaml").entries == []


def speakers_built(site: Path) -> set[str]:
    return {p.name for p in (site / "public" / "speakers").iterdir() if p.is_dir()}


def test_build_splits_namesakes_into_two_speaker_pages(editor_site: Path) -> None:
    (editor_site / "people.yaml").write_text(SPLIT, encoding="utf-8")
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n"
                 "- name: Trần Hồng Hà\n  role: Phó Thủ tướng")
    write_record(editor_site, "b.md", "title: Tin B\ndate: 2024-06-21\nspeakers:\n"
                 "- name: Trần Hồng Hà\n  role: nguyên Phó Bí thư Thường trực Đảng ủy Khối")
    assert main(["build"]) == 0
    assert speakers_built(editor_site) == {
        "tran-hong-ha-pho-thu-tuong",
        "tran-hong-ha-dang-uy-khoi",
    }
    page = (editor_site / "public/speakers/tran-hong-ha-pho-thu-tuong/index.html").read_text(
        encoding="utf-8"
    )
    assert "Tin A" in page and "Tin B" not in page


def test_build_merges_spelling_variants_into_one_page(editor_site: Path) -> None:
    (editor_site / "people.yaml").write_text(MERGE, encoding="utf-8")
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n- Nguyen Van A")
    write_record(editor_site, "b.md", "title: Tin B\ndate: 2024-01-03\nspeakers:\n- Nguyễn Văn Á")
    assert main(["build"]) == 0
    assert speakers_built(editor_site) == {"nguyen-van-a"}
    page = (editor_site / "public/speakers/nguyen-van-a/index.html").read_text(encoding="utf-8")
    assert "Tin A" in page and "Tin B" in page and "Nguyễn Văn A" in page


def test_unknown_id_in_a_record_names_the_record(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02\nspeakers:\n"
                        "- name: Trần Hồng Hà\n  id: tran-hong-ha-x")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    expected = "content/a.md:6: id 'tran-hong-ha-x' của Trần Hồng Hà không có trong people.yaml"
    assert f"lỗi: {expected}" in err
    assert not (editor_site / "public").exists()


def test_bad_people_yaml_stops_the_build(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (editor_site / "people.yaml").write_text("- id: a\n  nmae: A\n", encoding="utf-8")
    assert main(["build"]) == 1
    assert "people.yaml:2: khoá không rõ 'nmae'" in capsys.readouterr().err
