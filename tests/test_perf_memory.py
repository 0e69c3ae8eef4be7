"""The memory measures of the record cache: shared people, a cache pickled in parts, the
body budget applied by parse workers, remembered lazy bodies."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from newsarchive.record import Image, Person, Quote, Record, Source, dump_record
from newsarchive.site import cache
from newsarchive.site.cache import RecordCache, load_records_cached, read_body

OLD = 1_600_000_000  # settled files: cached (the racy-git rule skips fresh ones)


def write_records(content: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        record = Record(
            title=f"Bài số {i}",
            date=dt.date(2023, 1, 1 + i % 28),
            authors=["Ngô Hồng Nga"],
            credit="Tin và ảnh",
            speakers=[Person(name="Lại Xuân Lâm", role="Phó Bí thư", honorific="đồng chí")],
            people=[Person(name="Lại Xuân Lâm", role="Phó Bí thư", honorific="đồng chí"),
                    Person(name=f"Người {i % 3}")],
            quotes=[Quote(speaker="Lại Xuân Lâm", text=f"Câu {i}.")],
            images=[Image(caption=f"Ảnh {i}")],
            source=Source(file=f"{i:06d}.txt", imported="2026-11-27T00:00:20Z",
                          date_line="Thứ Hai, 2/1/2023"),
            body=f"Thân bài số {i}, có dấu tiếng Việt.\n",
        )
        path = content / f"{i:03d}.md"
        path.write_text(dump_record(record), encoding="utf-8")
        os.utime(path, (OLD, OLD))
        paths.append(path)
    return paths


def test_equal_people_are_one_object(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    write_records(content, 6)
    records, problems, _ = load_records_cached(content, RecordCache(None))
    assert not problems
    first = records[0][1]
    assert first.speakers[0] is first.people[0]
    assert all(r.speakers[0] is first.speakers[0] for _, r in records)
    assert records[3][1].people[1] is first.people[1]  # "Người 0" again
    assert first.speakers[0] == Person(name="Lại Xuân Lâm", role="Phó Bí thư",
                                       honorific="đồng chí")


@pytest.mark.parametrize("part", [2, 3, 100])
def test_cache_in_parts_gives_back_the_same_records(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: int) -> None:
    monkeypatch.setattr(cache, "CACHE_PART", part)
    content = tmp_path / "content"
    content.mkdir()
    write_records(content, 7)
    folder = tmp_path / "cache"
    parsed, _, digests = load_records_cached(content, RecordCache(folder, read=False))
    loaded = RecordCache(folder)
    assert len(loaded.entries) == 7
    again, _, again_digests = load_records_cached(content, loaded)
    assert [(p, r.to_data(), r.body) for p, r in again] == \
        [(p, r.to_data(), r.body) for p, r in parsed]
    assert sorted(again_digests.values()) == sorted(digests.values())
    speakers = {id(r.speakers[0]) for _, r in again}
    assert len(speakers) == 1  # shared across parts too
    assert len({id(r.source.date_line) for _, r in again}) == 1


def test_parse_workers_keep_bodies_within_the_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    content.mkdir()
    paths = write_records(content, 12)
    size = len(read_body(paths[0]))
    monkeypatch.setattr(cache, "BODY_BUDGET_CHARS", 4 * size)
    monkeypatch.setattr(cache, "PARALLEL_MIN_RECORDS", 4)
    records, problems, _ = load_records_cached(content, RecordCache(None), jobs=2)
    assert not problems
    kept = [r for _, r in records if r.__dict__.get("_body") is not None]
    assert 0 < len(kept) <= 4
    assert all(r.body == read_body(p) for p, r in records)


def test_a_lazy_body_is_read_once_per_page(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    content.mkdir()
    write_records(content, 2)
    records, _, _ = load_records_cached(content, RecordCache(None))
    reads: list[str] = []

    def counting(path: str | Path, expected: str | None = None) -> str:
        reads.append(str(path))
        return read_body(path, expected)

    monkeypatch.setattr(cache, "read_body", counting)
    cache.drop_bodies(r for _, r in records)
    record = records[0][1]
    assert record.body is record.body is record.body
    assert len(reads) == 1


def test_a_record_changed_after_loading_is_an_error_not_a_wrong_page(tmp_path: Path) -> None:
    from newsarchive.errors import NewsarchiveError

    content = tmp_path / "content"
    content.mkdir()
    paths = write_records(content, 2)
    records, _, _ = load_records_cached(content, RecordCache(None))
    cache.drop_bodies(r for _, r in records)
    assert records[1][1].body == read_body(paths[1])  # unchanged: read back
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "Sửa giữa chừng.\n",
                        encoding="utf-8")
    with pytest.raises(NewsarchiveError, match="changed while the site was being built"):
        _ = records[0][1].body
