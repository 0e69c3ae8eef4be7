"""An editor's day, each command run from a fresh site folder: new, build, overrides."""

from __future__ import annotations

import importlib
import io
from pathlib import Path

import pytest

from conftest import SEED_TXT, write_record
from newsarchive.cli import main
from newsarchive.record import load_record


def page(site: Path, url: str) -> str:
    return (site / "public" / url / "index.html").read_text(encoding="utf-8")


def test_new_creates_a_record_skeleton_and_never_overwrites(
    editor_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "--title", "Hội nghị tập huấn công tác dân vận", "--date", "2024-06-21",
            "--speaker", "Lại Xuân Lâm, Phó Bí thư Thường trực Đảng ủy Khối",
            "--speaker", "Phạm Hồng Thái, Giảng viên cao cấp, nguyên Trưởng Khoa Luật"]
    assert main(args) == 0
    out = capsys.readouterr().out
    path = editor_site / "content/2024/06/21/hoi-nghi-tap-huan-cong-tac-dan-van.md"
    assert "đã tạo content/2024/06/21/hoi-nghi-tap-huan-cong-tac-dan-van.md" in out
    assert "title: Hội nghị tập huấn công tác dân vận" in out
    record = load_record(path)
    assert record.speakers[1].name == "Phạm Hồng Thái"
    assert record.speakers[1].role == "Giảng viên cao cấp, nguyên Trưởng Khoa Luật"
    path.write_text(path.read_text(encoding="utf-8") + "Sửa.\n", encoding="utf-8")
    before = path.read_bytes()
    assert main(args) == 1
    assert "đã có bản ghi" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["build"]) == 0
    assert "Hội nghị tập huấn" in page(editor_site, "2024/06/21/hoi-nghi-tap-huan-cong-tac-dan-van")


def test_new_rejects_a_bad_date(editor_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "A", "--date", "21/6/2024"]) == 1
    assert "--date phải có dạng YYYY-MM-DD" in capsys.readouterr().err


def test_new_outside_a_site_explains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "--title", "A", "--date", "2024-01-01"]) == 1
    assert "không tìm thấy site.yaml" in capsys.readouterr().err


def test_build_uses_site_yaml_and_flags_override(editor_site: Path) -> None:
    config = editor_site / "site.yaml"
    text = config.read_text(encoding="utf-8").replace("base_url: /", "base_url: https://x.vn/lt/")
    config.write_text(text, encoding="utf-8")
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02")
    assert main(["build"]) == 0
    home = page(editor_site, "")
    assert "Lưu trữ thử" in home and 'href="https://x.vn/lt/"' in home
    assert main(["build", "--base-url", "https://y.vn/", "--output", "out"]) == 0
    assert 'href="https://y.vn/"' in (editor_site / "out/index.html").read_text("utf-8")


def test_build_from_a_subfolder_and_with_site_option(
    editor_site: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_record(editor_site, "2024/a.md", "title: Tin A\ndate: 2024-01-02")
    monkeypatch.chdir(editor_site / "content" / "2024")
    assert main(["build"]) == 0
    assert (editor_site / "public/2024/01/02/tin-a/index.html").is_file()
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--site", str(editor_site), "--output", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o/2024/01/02/tin-a/index.html").is_file()


def test_site_templates_and_static_override_the_theme(editor_site: Path) -> None:
    write_record(editor_site, "a.md", "title: Tin A\ndate: 2024-01-02")
    (editor_site / "templates" / "base.html").write_text(
        "<!doctype html><title>{{ site.title }}</title><p>GIAO DIỆN RIÊNG</p>"
        "{% block content %}{% endblock %}",
        encoding="utf-8",
    )
    (editor_site / "static" / "style.css").write_text("/* riêng */", encoding="utf-8")
    assert main(["build"]) == 0
    assert "GIAO DIỆN RIÊNG" in page(editor_site, "2024/01/02/tin-a")
    css = editor_site / "public" / "static" / "style.css"
    assert css.read_text(encoding="utf-8") == "/* riêng */"


def test_editors_correction_survives_rebuilding(editor_site: Path) -> None:
    path = write_record(editor_site, "2024/06/21/tin.md", "title: Tin\ndate: 2024-06-21\n"
                        "speakers:\n- name: Tran Hong Ha\n  role: Pho Thu tuong")
    assert main(["build"]) == 0
    text = path.read_text(encoding="utf-8").replace("Tran Hong Ha", "Trần Hồng Hà")
    path.write_text(text.replace("Pho Thu tuong", "Phó Thủ tướng"), encoding="utf-8")
    for _ in range(2):
        assert main(["build"]) == 0
        assert "Phó Thủ tướng" in page(editor_site, "speakers/tran-hong-ha")
    assert "Trần Hồng Hà" in path.read_text(encoding="utf-8")


def _import_available() -> bool:
    source = importlib.import_module("newsarchive.commands.import_")
    return "not implemented" not in Path(source.__file__ or "").read_text(encoding="utf-8")


@pytest.mark.skipif(not _import_available(), reason="newsarchive import not implemented yet")
@pytest.mark.skipif(not SEED_TXT.is_file(), reason="../shared/seed not present")
def test_editors_correction_survives_reimporting_the_same_scrape(editor_site: Path) -> None:
    assert main(["import", str(SEED_TXT)]) == 0
    (path,) = (editor_site / "content").rglob("*.md")
    corrected = path.read_text(encoding="utf-8").replace("Lại Xuân Lâm", "Lại Xuân Lâm (sửa)")
    path.write_text(corrected, encoding="utf-8")
    main(["import", str(SEED_TXT)])  # may report "đã nhập thành"; must not overwrite
    assert list((editor_site / "content").rglob("*.md")) == [path]
    assert path.read_text(encoding="utf-8") == corrected
    assert main(["build"]) == 0


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsarchive import progress

    monkeypatch.delenv("CI", raising=False)
    assert progress.wanted(_Terminal())  # type: ignore[arg-type]
    assert not progress.wanted(io.StringIO())  # piped
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(_Terminal())  # type: ignore[arg-type]
    assert list(progress.progress([1, 2, 3])) == [1, 2, 3]


@pytest.mark.parametrize("command", ["init", "new", "build", "serve", "check"])
def test_every_editor_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "ví dụ: newsarchive " + command in capsys.readouterr().out
