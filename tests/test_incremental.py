"""Incremental builds give byte-for-byte the output of a cold build of the same content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from newsarchive.errors import BuildFailed
from newsarchive.record import load_record
from newsarchive.site import BuildOptions, build_site
from newsarchive.site.cache import read_body

SEED = next((ROOT / "content").rglob("*.md"))


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder under ``folder``."""
    out: dict[str, bytes | None] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            out[os.path.relpath(os.path.join(root, name), folder) + "/"] = None
        for name in files:
            path = os.path.join(root, name)
            out[os.path.relpath(path, folder)] = Path(path).read_bytes()
    return out


def write(content: Path, rel: str, title: str, day: str, speakers: list[str],
          body: str) -> Path:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    people = "".join(f"- name: {s}\n  role: Phó Bí thư\n" for s in speakers)
    path.write_text(f"---\ntitle: {title}\ndate: '{day}'\nspeakers:\n{people}---\n\n{body}\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "site" / "content"
    shutil.copytree(ROOT / "content", content)
    for i in range(12):
        write(content, f"2023/0{1 + i % 3}/1{i % 5}/bai-{i}.md", f"Bài số {i} về hội nghị",
              f"2023-0{1 + i % 3}-1{i % 5}", ["Lại Xuân Lâm", f"Người Thứ {i % 4}"],
              f"Đoạn một của bài {i}.\n\nĐoạn **hai** của bài {i}.")
    return tmp_path / "site"


def build(site: Path, output: str, **kw) -> object:
    return build_site(BuildOptions(content=site / "content", output=site / output,
                                   base_url="https://example.org/a/", **kw))


def assert_same_as_cold(site: Path) -> None:
    shutil.rmtree(site / "cold", ignore_errors=True)
    build(site, "cold", cache=False, cache_dir=site / "other-cache")
    incremental, cold = tree(site / "public"), tree(site / "cold")
    assert sorted(incremental) == sorted(cold)
    for name, data in cold.items():
        assert incremental[name] == data, name


@pytest.mark.parametrize("jobs", [1, 2])
def test_edit_add_remove_match_a_cold_build(site: Path, jobs: int) -> None:
    content = site / "content"
    first = build(site, "public", cache=False, jobs=jobs)
    assert first.mode == "full"
    assert not (site / "public" / ".newsarchive-cache").exists()
    assert (site / ".newsarchive-cache").is_dir()  # beside content/, outside the output

    again = build(site, "public", jobs=jobs)
    assert again.mode == "incremental" and again.written == 0 and again.deleted == 0

    # edit one body: its page and the pages that show it change, not the whole site
    edited = content / "2023/02/11/bai-1.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMột câu mới.\n", "utf-8")
    result = build(site, "public", jobs=jobs)
    assert result.mode == "incremental" and 0 < result.written < result.pages // 2
    assert "Một câu mới." in (site / "public/2023/02/11").joinpath(
        "bai-so-1-ve-hoi-nghi/index.html").read_text(encoding="utf-8")
    assert_same_as_cold(site)

    # add a record with a new speaker
    write(content, "2024/06/22/moi.md", "Bài mới", "2024-06-22", ["Người Hoàn Toàn Mới"],
          "Nội dung.")
    result = build(site, "public", jobs=jobs)
    assert result.mode == "incremental"
    assert (site / "public/speakers/nguoi-hoan-toan-moi/index.html").is_file()
    assert_same_as_cold(site)

    # remove records: their pages (and now-empty day pages, speaker pages) disappear
    (content / "2024/06/22/moi.md").unlink()
    (content / "2023/01/10/bai-0.md").unlink()
    result = build(site, "public", jobs=jobs)
    assert result.deleted >= 3
    assert not (site / "public/speakers/nguoi-hoan-toan-moi").exists()
    assert not (site / "public/2024/06/22").exists()
    assert_same_as_cold(site)

    # retitle (changes neighbours, lists, speaker pages) and redate (moves the page)
    moved = content / "2023/03/12/bai-2.md"
    text = moved.read_text(encoding="utf-8").replace("Bài số 2", "Tiêu đề khác")
    moved.write_text(text.replace("2023-03-12", "2022-12-31"), encoding="utf-8")
    build(site, "public", jobs=jobs)
    assert_same_as_cold(site)


def test_touched_or_deleted_output_files_are_rewritten(site: Path) -> None:
    build(site, "public")
    page = site / "public" / "index.html"
    page.write_text("hỏng", encoding="utf-8")
    (site / "public" / "speakers" / "index.html").unlink()
    result = build(site, "public")
    assert result.written == 2
    assert_same_as_cold(site)


def test_template_change_rebuilds_what_uses_it(site: Path) -> None:
    templates = site / "templates"
    templates.mkdir()
    build_site(BuildOptions(content=site / "content", output=site / "public",
                            template_dirs=[templates]))
    (templates / "speaker.html").write_text(
        (ROOT / "templates" / "speaker.html").read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<!-- x -->"),
        encoding="utf-8")
    result = build_site(BuildOptions(content=site / "content", output=site / "public",
                                     template_dirs=[templates]))
    assert result.written >= result.pages  # the engine digest covers every template
    assert "<!-- x -->" in (site / "public/speakers/lai-xuan-lam/index.html").read_text("utf-8")


def test_failed_incremental_build_leaves_output_untouched(site: Path) -> None:
    build(site, "public")
    before = tree(site / "public")
    (site / "content" / "2023/01/10/bai-0.md").write_text(
        (site / "content" / "2023/01/10/bai-0.md").read_text("utf-8") + "\nsửa\n", "utf-8")
    (site / "content" / "bad.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(site, "public")
    assert tree(site / "public") == before


def test_lazy_body_reads_exactly_what_load_record_reads(tmp_path: Path) -> None:
    assert read_body(SEED) == load_record(SEED).body
    odd = tmp_path / "odd.md"
    odd.write_bytes("\ufeff---\r\ntitle: x\r\ndate: 2024-01-01\r\n...\r\n\r\n\r\nA\u0301 b\r\n\r\n"
                    .encode())
    assert read_body(odd) == load_record(odd).body
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: x\ndate: 2024-01-01\n---\n", encoding="utf-8")
    assert read_body(empty) == load_record(empty).body == ""


def test_edits_that_keep_the_structure_check_only_the_pages_they_reach(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Body, authors, credit, quote texts, people, images: the archive's structure stays,
    so only the pages depending on the record or its speakers are fingerprinted."""
    content = site / "content"
    quoted = content / "2023/05/05/trich-dan.md"
    quoted.parent.mkdir(parents=True)
    front = ("---\ntitle: Bài có trích dẫn\ndate: '2023-05-05'\nauthors:\n- Ngô Hồng Nga\n"
             "credit: Tin và ảnh\nspeakers:\n- name: Lại Xuân Lâm\n  role: Phó Bí thư\n"
             "people:\n- name: Lại Xuân Lâm\n  role: Phó Bí thư\n"
             "quotes:\n- speaker: Lại Xuân Lâm\n  text: Câu nói thứ nhất.\n"
             "images:\n- caption: Ảnh một\n---\n\nThân bài.\n")
    quoted.write_text(front, encoding="utf-8")
    build(site, "public")
    assert_same_as_cold(site)
    from newsarchive.site import engine

    checked: list[int] = []
    real = engine.find_stale

    def counting(spec, indices, pool, workers):  # noqa: ANN001, ANN202
        checked.append(len(indices))
        return real(spec, indices, pool, workers)

    monkeypatch.setattr(engine, "find_stale", counting)
    edits = [("Thân bài.", "Thân bài đã sửa."), ("Ngô Hồng Nga", "Trần Văn Khác"),
             ("Tin và ảnh", "Ảnh"), ("Câu nói thứ nhất.", "Câu nói đã sửa."),
             ("- name: Lại Xuân Lâm\n  role: Phó Bí thư\nquotes",
              "- name: Người Được Nhắc\n  role: null\nquotes"),
             ("caption: Ảnh một", "caption: Ảnh hai")]
    for old, new in edits:
        text = quoted.read_text(encoding="utf-8")
        assert old in text
        quoted.write_text(text.replace(old, new), encoding="utf-8")
        result = build(site, "public")
        assert result.mode == "incremental" and result.written >= 1
        assert checked[-1] < result.pages // 2, (old, checked[-1], result.pages)
        assert_same_as_cold(site)


def test_library_versions_in_the_engine_digest_match_their_metadata() -> None:
    """A library upgrade must change every page's fingerprint: the versions read from the
    dist-info folders (without importing the library) are the installed ones."""
    from importlib import metadata

    from newsarchive.site.manifest import _installed_version, _version

    found = 0
    for lib in ("jinja2", "markdown", "nh3", "markupsafe"):
        fast = _installed_version(lib)
        assert fast in (None, metadata.version(lib))
        found += fast is not None
        assert _version(lib) == metadata.version(lib)
    assert found  # the fast path is exercised where the libraries are pip-installed
    assert _installed_version("no_such_library_here") is None


def test_the_site_feed_is_rendered_again_only_for_the_articles_it_shows(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsarchive.site import feeds, pages

    monkeypatch.setattr(pages, "FEED_SIZE", 3)
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    content = site / "content"
    build(site, "public")
    feed = site / "public" / "feed.xml"
    shown = feed.read_text(encoding="utf-8")
    records = sorted(content.rglob("*.md"))
    in_feed = [p for p in records if f"<title>{load_record(p).title}</title>" in shown]
    elsewhere = [p for p in records if p not in in_feed]
    assert len(in_feed) == 3 and elsewhere
    before = feed.stat().st_mtime_ns
    for path in (elsewhere[0], in_feed[0]):
        path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")
        result = build(site, "public")
        assert result.mode == "incremental" and result.written >= 1
        assert (feed.stat().st_mtime_ns == before) == (path is elsewhere[0])
    assert "Đoạn thêm." in feed.read_text(encoding="utf-8")
    assert_same_as_cold(site)
