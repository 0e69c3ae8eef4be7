"""site.yaml: finding the site folder, validation with line numbers and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.site.config import SiteConfig, find_site, load_config


def test_init_writes_a_valid_commented_site_yaml(editor_site: Path) -> None:
    text = (editor_site / "site.yaml").read_text(encoding="utf-8")
    assert "# Tên trang" in text and "Asia/Ho_Chi_Minh" in text
    config = load_config(editor_site / "site.yaml")
    assert config.title == "Lưu trữ thử"
    assert config.language == "vi" and config.timezone == "Asia/Ho_Chi_Minh"
    assert config.per_page == 20 and "Gửi cho bạn bè" in config.furniture
    for name in ("content", "templates", "static"):
        assert (editor_site / name).is_dir()
    assert list((editor_site / "templates").iterdir()) == []
    assert "roles:" in (editor_site / "people.yaml").read_text(encoding="utf-8")


def test_init_refuses_an_existing_site(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (editor_site / "site.yaml").read_bytes()
    assert main(["init", str(editor_site)]) == 1
    assert "không ghi đè" in capsys.readouterr().err
    assert (editor_site / "site.yaml").read_bytes() == before


def test_find_site_searches_upward(editor_site: Path) -> None:
    deep = editor_site / "content" / "2024" / "06"
    deep.mkdir(parents=True)
    site = find_site(deep)
    assert site is not None and site.root == editor_site.resolve()
    assert site.content == editor_site.resolve() / "content"
    assert find_site(editor_site.parent) is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_names_line_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "title: A\n# chú thích\nper_pgae: 10\n")
    with pytest.raises(NewsarchiveError) as info:
        load_config(path)
    message = str(info.value)
    assert f"{path}:3:" in message
    assert "per_pgae" in message and "có phải ý bạn là 'per_page'" in message


def test_wrong_types_all_reported_with_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "title: [a, b]\nper_page: hai mươi\nfurniture: In bài\n")
    with pytest.raises(BuildFailed) as info:
        load_config(path)
    lines = [str(p) for p in info.value.problems]
    assert lines[0].startswith(f"{path}:1: 'title' phải là chuỗi chữ")
    assert lines[1].startswith(f"{path}:2: 'per_page' phải là số nguyên")
    assert lines[2].startswith(f"{path}:3: 'furniture' phải là danh sách")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("per_page: 0\n", "phải lớn hơn 0"),
        ("base_url: example.org\n", "https://"),
        ("timezone: Asia/Hanoi_Typo\n", "múi giờ không rõ"),
        ("title: A\ntitle: B\n", "xuất hiện hai lần"),
        ("title: [\n", "YAML không hợp lệ"),
        ("- a\n", "khoá: giá trị"),
    ],
)
def test_bad_values(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(NewsarchiveError, match=expected):
        load_config(write(tmp_path, text))


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "# trống\n")) == SiteConfig()


def test_cli_reports_bad_site_yaml_without_traceback(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (editor_site / "site.yaml").write_text("titel: A\n", encoding="utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "site.yaml:1: khoá không rõ 'titel'; có phải ý bạn là 'title'?" in err
    assert "Traceback" not in err
