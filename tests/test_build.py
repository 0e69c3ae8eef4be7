"""The bundled archive, built as a reader would browse it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SEED_URL
from newsarchive.cli import main
from newsarchive.record import load_record
from newsarchive.site import BuildOptions, build_site
from newsarchive.site.links import find_broken_links, resolve_target


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def links_to(site: Path, url: str, target: str) -> bool:
    """Whether the page at ``url`` has a link that resolves to the page at ``target``."""
    page = site / url / "index.html"
    wanted = (site / target / "index.html").resolve()
    return any(resolve_target(site, page, href) == wanted for href in hrefs(read(site, url)))


def test_article_page_shows_title_date_byline_captions_and_body(bundled_site: Path) -> None:
    html = read(bundled_site, SEED_URL)
    assert (
        "<h1>Đảng ủy Khối các cơ quan Trung ương tập huấn nghiệp vụ công tác dân vận</h1>" in html
    )
    assert "Thứ Sáu, 21 tháng 6 năm 2024" in html
    assert "Tin và ảnh: Hà Thanh" in html
    assert html.count("<figcaption>") == 3
    assert "<figcaption>Quang cảnh Hội nghị</figcaption>" in html
    # a sentence from the middle of the body and the last one
    assert "Đảng bộ Khối các cơ quan Trung ương là đảng bộ cấp tỉnh" in html
    assert "hoàn thành xuất sắc nhiệm vụ chính trị được giao" in html
    # furniture never reaches the page
    for furniture in ("Gửi cho bạn bè", "Các tin khác", "Xem nhiều nhất"):
        assert furniture not in html


def test_article_links_speakers_with_roles(bundled_site: Path) -> None:
    html = read(bundled_site, SEED_URL)
    assert '<a href="../../../../speakers/lai-xuan-lam/">Lại Xuân Lâm</a>' in html
    assert "Phó Bí thư Thường trực Đảng ủy Khối các cơ quan Trung ương" in html
    for slug in ("le-van-cuong", "tran-hong-ha", "pham-hong-thai"):
        assert f"speakers/{slug}/" in html


@pytest.mark.parametrize("url", ["", "2024/", "2024/06/", "2024/06/21/"])
def test_home_and_date_indexes_link_to_the_article(bundled_site: Path, url: str) -> None:
    assert links_to(bundled_site, url, SEED_URL)


def test_date_indexes_link_up_and_down(bundled_site: Path) -> None:
    assert links_to(bundled_site, "", "2024/")
    assert links_to(bundled_site, "2024/", "2024/06/")
    assert links_to(bundled_site, "2024/06/", "2024/06/21/")
    for url, ups in [
        ("2024/", [""]),
        ("2024/06/", ["", "2024/"]),
        ("2024/06/21/", ["", "2024/", "2024/06/"]),
        (SEED_URL, ["", "2024/", "2024/06/", "2024/06/21/"]),
    ]:
        for up in ups:
            assert links_to(bundled_site, url, up), (url, up)
    assert "Thứ Sáu, 21 tháng 6 năm 2024" in read(bundled_site, "2024/06/21/")


def test_every_speaker_page_links_to_the_article_with_role(bundled_site: Path) -> None:
    speakers = ["lai-xuan-lam", "le-van-cuong", "tran-hong-ha", "pham-hong-thai"]
    for slug in speakers:
        assert links_to(bundled_site, "speakers/", f"speakers/{slug}/")
        assert links_to(bundled_site, f"speakers/{slug}/", SEED_URL)
        assert links_to(bundled_site, SEED_URL, f"speakers/{slug}/")
    assert "nguyên Phó Bí thư Thường trực Đảng ủy Khối, Báo cáo viên Trung ương" in read(
        bundled_site, "speakers/tran-hong-ha/"
    )
    # Nguyễn Lam attends but does not speak: no speaker page
    assert not (bundled_site / "speakers" / "nguyen-lam").exists()


def test_speaker_directory_in_vietnamese_order_by_given_name(bundled_site: Path) -> None:
    html = read(bundled_site, "speakers/")
    order = [
        html.index(n) for n in ("Lê Văn Cường", "Trần Hồng Hà", "Lại Xuân Lâm", "Phạm Hồng Thái")
    ]
    assert order == sorted(order)


def test_no_internal_link_is_broken(bundled_site: Path) -> None:
    assert find_broken_links(bundled_site) == []


def test_pages_are_vietnamese_and_canonical_under_base_url(bundled_site: Path) -> None:
    html = read(bundled_site, SEED_URL)
    assert '<html lang="vi">' in html
    assert f'<link rel="canonical" href="https://example.org/archive/{SEED_URL}">' in html
    not_found = (bundled_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/archive/"' in not_found


def test_bundled_record_round_trips() -> None:
    from newsarchive.record import dump_record, parse_record

    for path in (ROOT / "content").rglob("*.md"):
        record = load_record(path)
        assert parse_record(dump_record(record)) == record


def test_theme_escapes_titles_and_sanitises_bodies(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "x.md").write_text(
        "---\ntitle: <script>alert(1)</script> Tin\ndate: 2024-01-02\n"
        "speakers:\n- name: <b>Ông</b> A\n---\n\nXin chào <script>alert(2)</script> "
        "[bấm](javascript:alert(3)) <img src=x onerror=alert(4)>\n",
        encoding="utf-8",
    )
    out = tmp_path / "public"
    build_site(BuildOptions(content=content, output=out))
    page = next(out.glob("2024/01/02/*/index.html")).read_text(encoding="utf-8")
    assert "<script>" not in page and "onerror" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tin" in page


def test_cli_build_and_bad_record_fails_without_touching_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "public"
    assert main(["build", "--content", str(ROOT / "content"), "--output", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = tmp_path / "content"
    (bad / "2024").mkdir(parents=True)
    (bad / "2024" / "bad.md").write_text("---\ntitle: Tin\ndate: hôm qua\n---\n", "utf-8")
    assert main(["build", "--content", str(bad), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad / '2024' / 'bad.md'}:3: date: phải có dạng YYYY-MM-DD" in err
    assert "Traceback" not in err
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_same_url_twice_names_both_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for name in ("a.md", "b.md"):
        (content / name).write_text("---\ntitle: Cùng tên\ndate: 2024-01-02\n---\n", "utf-8")
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "a.md" in err and "b.md" in err
    assert not (tmp_path / "o").exists()
