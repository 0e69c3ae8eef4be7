"""``newsarchive import``: records at the right path, never overwritten, re-imports skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.commands.import_ import known_hashes
from newsarchive.record.frontmatter import load_record

FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_22c5eba558120c68.txt"
CAPS = FIXTURES / "summary_caps_byline.txt"
CAPS_RECORD = Path("2021/04/22/nam-xu-huong-cong-nghe-dang-chu-y-trong-nam-toi.md")


@pytest.fixture(autouse=True)
def _no_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")


def run_import(*args: str | Path) -> int:
    return main(["import", *map(str, args)])


def test_writes_record_at_dated_path(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(CAPS, "--content", content) == 0
    record = load_record(content / CAPS_RECORD)
    assert record.title == "Năm xu hướng công nghệ đáng chú ý trong năm tới"
    assert record.authors == ["Thụy Quyên"] and record.credit == "Tổng hợp"
    assert record.time is not None and record.time.strftime("%H:%M") == "19:42"
    assert record.source is not None
    assert record.source.file == CAPS.name
    assert record.source.date_line == "22/04/2021, 19:42"
    assert record.source.sha256 and len(record.source.sha256) == 64
    assert record.source.imported and record.source.imported.endswith("Z")
    assert "Xe điện ngày càng phổ biến" in record.body


@pytest.mark.skipif(not SEED.exists(), reason="/work/shared seed not present")
def test_bundled_seed_record_is_reproduced_by_import(tmp_path: Path) -> None:
    assert run_import(SEED, "--content", tmp_path) == 0
    relative = next(tmp_path.rglob("*.md")).relative_to(tmp_path)
    repo_record = Path(__file__).resolve().parents[1] / "content" / relative
    mine, theirs = load_record(tmp_path / relative), load_record(repo_record)
    keys = ("title", "date", "authors", "credit", "images", "speakers", "people", "quotes", "body")
    for key in keys:
        assert getattr(mine, key) == getattr(theirs, key), key
    assert mine.source and theirs.source
    assert (mine.source.sha256, mine.source.date_line) == (
        theirs.source.sha256,
        theirs.source.date_line,
    )


def test_reimport_is_skipped_and_editor_edit_survives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    assert run_import(CAPS, "--content", content) == 0
    path = content / CAPS_RECORD
    edited = path.read_text(encoding="utf-8").replace("Mạng 5G", "Mạng 5G (đã sửa)")
    path.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert run_import(CAPS, "--content", content) == 0
    out = capsys.readouterr().out
    assert "đã nhập thành" in out and "đã nhập 0, bỏ qua 1, lỗi 0" in out
    assert path.read_text(encoding="utf-8") == edited
    assert sorted(p.name for p in content.rglob("*.md")) == [CAPS_RECORD.name]


def test_same_slug_same_day_gets_numbered(tmp_path: Path) -> None:
    scrapes = tmp_path / "in"
    scrapes.mkdir()
    text = CAPS.read_text(encoding="utf-8")
    (scrapes / "a.txt").write_text(text, encoding="utf-8")
    (scrapes / "b.txt").write_text(text.replace("Xe điện", "Ô tô điện"), encoding="utf-8")
    (scrapes / "sub").mkdir()
    (scrapes / "sub" / "c.txt").write_text(text + "\nThêm một câu.\n", encoding="utf-8")
    content = tmp_path / "content"
    assert run_import(scrapes, "--content", content) == 0
    day = content / CAPS_RECORD.parent
    stem = CAPS_RECORD.stem
    assert sorted(p.name for p in day.iterdir()) == [f"{stem}-2.md", f"{stem}-3.md", f"{stem}.md"]
    assert "Ô tô điện" in (day / f"{stem}-2.md").read_text(encoding="utf-8")
    assert "Thêm một câu." in (day / f"{stem}-3.md").read_text(encoding="utf-8")
    assert load_record(day / f"{stem}-2.md").slug == f"{stem}-2"


def test_no_date_is_an_error_unless_date_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scrape = tmp_path / "undated.txt"
    scrape.write_text("Bài báo không ghi ngày đăng\nNội dung bài báo.\n", encoding="utf-8")
    content = tmp_path / "content"
    assert run_import(scrape, "--content", content) != 0
    err = capsys.readouterr().err
    assert f"lỗi: {scrape}: " in err and "--date" in err
    assert not content.exists() or not any(content.rglob("*.md"))
    assert run_import(scrape, "--content", content, "--date", "2020-01-02") == 0
    assert (content / "2020/01/02/bai-bao-khong-ghi-ngay-dang.md").exists()


def test_failures_are_counted_and_others_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scrapes = tmp_path / "in"
    scrapes.mkdir()
    shutil.copy(CAPS, scrapes / "good.txt")
    (scrapes / "empty.txt").write_bytes(b"")
    (scrapes / "ignored.json").write_text("{}", encoding="utf-8")
    assert run_import(scrapes, "--content", tmp_path / "content") == 1
    out, err = capsys.readouterr()
    assert "đã nhập 1, bỏ qua 0, lỗi 1" in out
    assert err.strip().splitlines() == [err.strip()] and "empty.txt" in err


def test_known_hashes_reads_front_matter(tmp_path: Path) -> None:
    assert run_import(CAPS, "--content", tmp_path) == 0
    (tmp_path / "notes.md").write_text("no front matter\n", encoding="utf-8")
    assert len(known_hashes(tmp_path)) == 1


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/ not present")
def test_import_inside_a_site_folder_uses_its_content(editor_site: Path) -> None:
    from conftest import SEED_URL

    nested = editor_site / "content" / "2024"
    nested.mkdir(parents=True, exist_ok=True)
    assert run_import(SEED) == 0
    records = list((editor_site / "content").rglob("*.md"))
    assert [r.relative_to(editor_site / "content").as_posix() for r in records] == [
        SEED_URL.rstrip("/") + ".md"
    ]


def test_site_furniture_lines_are_dropped_on_import(editor_site: Path) -> None:
    config = editor_site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\nfurniture:\n" in text
    extra = "\nfurniture:\n  - Bản tin Đảng bộ phường Cửa Nam\n"
    config.write_text(text.replace("\nfurniture:\n", extra, 1), encoding="utf-8")
    scrape = editor_site / "tin.txt"
    scrape.write_text(
        "Thứ Hai, 12/8/2024\nPhường Cửa Nam ra quân làm sạch phố phường cuối tuần\n\n"
        "Sáng 11/8, hơn 200 đoàn viên thanh niên phường Cửa Nam đã ra quân dọn vệ sinh.\n\n"
        "Bản tin Đảng bộ phường Cửa Nam\n\nNhiều tuyến phố được làm sạch trước giờ trưa.\n",
        encoding="utf-8",
    )
    assert run_import(scrape) == 0
    record = next((editor_site / "content").rglob("*.md")).read_text(encoding="utf-8")
    assert "Bản tin Đảng bộ phường" not in record
    assert "Nhiều tuyến phố được làm sạch trước giờ trưa." in record


def test_batches_skip_copies_number_slugs_and_leave_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("newsarchive.commands.import_.BATCH_SIZE", 2)
    scrapes = tmp_path / "in"
    scrapes.mkdir()
    text = CAPS.read_text(encoding="utf-8")
    for name, body in [
        ("a", text),
        ("b", text),
        ("c", text + "\nMột.\n"),
        ("d", text + "\nHai.\n"),
    ]:
        (scrapes / f"{name}.txt").write_text(body, encoding="utf-8")
    (scrapes / "e.txt").write_bytes(b"")
    content = tmp_path / "content"
    day = content / CAPS_RECORD.parent
    (day).mkdir(parents=True)
    (day / f"{CAPS_RECORD.stem}-2.md").write_text("taken", encoding="utf-8")
    assert run_import(scrapes, "--content", content) == 1
    assert "đã nhập 3, bỏ qua 1, lỗi 1" in capsys.readouterr().out
    stem = CAPS_RECORD.stem
    assert sorted(p.name for p in day.iterdir()) == [
        f"{stem}-2.md",
        f"{stem}-3.md",
        f"{stem}-4.md",
        f"{stem}.md",
    ]
    assert (day / f"{stem}-2.md").read_text(encoding="utf-8") == "taken"
    assert "Hai." in (day / f"{stem}-4.md").read_text(encoding="utf-8")
    assert not list(content.rglob(".tmp-*"))


def test_a_record_whose_data_cannot_be_synced_is_not_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsarchive.commands.import_ as import_module
    from newsarchive.record import frontmatter

    def batch_fails(paths: list[str]) -> None:
        raise OSError(5, "Input/output error")

    def one_fails(path: str) -> None:
        if len(synced) == 0:
            synced.append(path)
            raise OSError(5, "Input/output error")
        frontmatter.sync_file(path)

    synced: list[str] = []
    monkeypatch.setattr(import_module, "sync_files", batch_fails)
    monkeypatch.setattr(import_module, "sync_file", one_fails)
    scrapes = tmp_path / "in"
    scrapes.mkdir()
    text = CAPS.read_text(encoding="utf-8")
    (scrapes / "a.txt").write_text(text, encoding="utf-8")
    (scrapes / "b.txt").write_text(text + "\nMột.\n", encoding="utf-8")
    content = tmp_path / "content"
    assert run_import(scrapes, "--content", content) == 1
    out, err = capsys.readouterr()
    assert "đã nhập 1, bỏ qua 0, lỗi 1" in out and "a.txt: Input/output error" in err
    day = content / CAPS_RECORD.parent
    # b's slug was chosen while a's was still claimed in the batch
    assert [p.name for p in day.iterdir()] == [f"{CAPS_RECORD.stem}-2.md"]
    assert "Một." in (day / f"{CAPS_RECORD.stem}-2.md").read_text(encoding="utf-8")
    assert not list(content.rglob(".tmp-*"))


def test_a_temporary_file_left_by_a_crash_does_not_count_as_imported(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(CAPS, "--content", content) == 0
    record = content / CAPS_RECORD
    leftover = record.with_name(".tmp-1234-0.md")
    record.rename(leftover)  # as if the process died before linking it
    assert known_hashes(content) == {}
    assert run_import(CAPS, "--content", content) == 0
    assert record.is_file()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_parallel_import_gives_the_same_records(tmp_path: Path, jobs: str) -> None:
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for i, fixture in enumerate(sorted(FIXTURES.glob("*.txt")) * 2):
        text = fixture.read_text(encoding="utf-8")
        # the same article twice, and a copy whose bytes differ: slugs -2 deterministically
        (scrapes / f"{i:03d}.txt").write_text(text + ("\n" if i % 3 == 0 else ""), "utf-8")
    (scrapes / "zz-empty.txt").write_text("", "utf-8")
    content = tmp_path / f"content-{jobs}"
    assert run_import(scrapes, "--content", content, "--date", "2024-01-01", "-j", jobs) == 1
    serial = tmp_path / "serial"
    assert run_import(scrapes, "--content", serial, "--date", "2024-01-01", "-j", "1") == 1
    listing = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    assert listing == sorted(p.relative_to(serial).as_posix() for p in serial.rglob("*.md"))
    for name in listing:
        mine, theirs = load_record(content / name), load_record(serial / name)
        assert (mine.title, mine.body, mine.source.sha256) == (
            theirs.title, theirs.body, theirs.source.sha256,
        )
    assert len(listing) > len(list(FIXTURES.glob("*.txt")))
