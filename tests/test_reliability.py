"""Bad input gets a clear one-line error and nothing already published is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from newsarchive.cli import main
from newsarchive.site.lock import output_lock


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "public"
    assert main(["build", "--content", str(ROOT / "content"), "--output", str(out)]) == 0
    return out


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


GOOD = "---\ntitle: Tin tốt\ndate: 2024-01-02\n---\n\nNội dung.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", ":1: bản ghi phải bắt đầu bằng"),
        (b"\x00\x01\x02\xff\xfe binary", ":1: bản ghi không ở dạng UTF-8"),
        ("---\ntitle: [unclosed\ndate: 2024-01-02\n---\n", ":3: YAML không hợp lệ"),
        ("---\njust text\n---\n", ":2: phần đầu phải là các dòng"),
        ("---\ntitle: A\ndate: 31/2/2024\n---\n", ":3: date: phải có dạng YYYY-MM-DD"),
        (
            "---\ntitle: A\ndate: 2024-02-31\n---\n",
            ":3: date: '2024-02-31' không phải ngày có thật",
        ),
        ("---\ndate: 2024-01-02\n---\n", ":1: title: bắt buộc phải có"),
        ("---\ntitle: A\ndate: 2024-01-02\nslug: ../../x\n---\n", ":4: slug: chỉ gồm chữ thường"),
        ("---\ntitle: A\ndate: 2024-01-02\nslug: a/b\n---\n", ":4: slug: chỉ gồm chữ thường"),
        ("---\n!!python/object/apply:os.system [touch pwned]\n---\n", ":2: YAML không hợp lệ"),
    ],
)
def test_bad_record_fails_build_with_path_line_and_keeps_old_site(
    built: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str | bytes,
    expected: str,
) -> None:
    before = snapshot(built)
    content = tmp_path / "content"
    write(content / "good.md", GOOD)
    bad = write(content / "2024" / "bad.md", text)
    capsys.readouterr()
    assert main(["build", "--content", str(content), "--output", str(built)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}{expected}" in err
    assert "Traceback" not in err
    assert snapshot(built) == before
    assert not Path("pwned").exists()


def test_keep_going_builds_the_rest_and_still_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    write(content / "good.md", GOOD)
    write(content / "bad.md", "---\ntitle: A\n")
    out = tmp_path / "public"
    assert main(["build", "--keep-going", "--content", str(content), "--output", str(out)]) == 1
    assert list(out.glob("2024/01/02/tin-tot/index.html"))
    err = capsys.readouterr().err
    assert "bad.md:1:" in err and "1 bản ghi lỗi" in err


def test_broken_template_fails_cleanly_and_keeps_old_site(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsarchive.errors import NewsarchiveError
    from newsarchive.site import BuildOptions, build_site

    before = snapshot(built)
    templates = tmp_path / "templates"
    write(
        templates / "article.html",
        "{% extends 'base.html' %}\n{% block content %}\n{{ nope.x }}\n{% endblock %}\n",
    )
    with pytest.raises(NewsarchiveError) as info:
        build_site(BuildOptions(content=ROOT / "content", output=built, template_dirs=[templates]))
    assert "article.html" in str(info.value) and "template error" in str(info.value)
    assert snapshot(built) == before
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".public.")] in (
        [],
        [".public.lock"],
    )


def test_second_build_on_same_output_is_refused(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(built)
    with output_lock(built):
        assert main(["build", "--content", str(ROOT / "content"), "--output", str(built)]) == 1
    assert "một lần dựng khác đang ghi" in capsys.readouterr().err
    assert snapshot(built) == before


@pytest.mark.parametrize("target", ["content", "."])
def test_output_never_replaces_content(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    write(content / "good.md", GOOD)
    before = snapshot(tmp_path)
    out = tmp_path / target
    assert main(["build", "--content", str(content), "--output", str(out)]) == 1
    assert "hãy chọn thư mục khác" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_output_never_replaces_an_unrelated_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = write(tmp_path / "docs" / "thesis.txt", "do not delete")
    assert (
        main(["build", "--content", str(ROOT / "content"), "--output", str(precious.parent)]) == 1
    )
    assert "không phải trang đã dựng" in capsys.readouterr().err
    assert precious.read_text() == "do not delete"


def test_symlink_loop_under_content_is_harmless(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "2024" / "good.md", GOOD)
    os.symlink("..", content / "2024" / "loop")
    out = tmp_path / "public"
    assert main(["build", "--content", str(content), "--output", str(out)]) == 0
    assert len(list(out.glob("2024/01/02/*/index.html"))) == 1


def test_title_with_path_characters_stays_inside_output(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "a.md", "---\ntitle: ../../../etc/passwd \\x01 /root\ndate: 2024-01-02\n---\n")
    out = tmp_path / "site" / "public"
    assert main(["build", "--content", str(content), "--output", str(out)]) == 0
    cache = tmp_path / ".newsarchive-cache"  # the build cache, beside content/
    written = [p for p in tmp_path.rglob("*") if p.is_file() and cache not in p.parents]
    assert all(out in p.parents or p.parent == out.parent or p == content / "a.md" for p in written)
    assert list(out.glob("2024/01/02/etc-passwd-x01-root/index.html"))
