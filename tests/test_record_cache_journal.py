"""A few changed records go to the record cache's journal instead of a rewrite of the whole
cache; whatever was journalled, the cache gives back what parsing the files gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.site import cache
from newsarchive.site.cache import RecordCache, load_records_cached
from newsarchive.site.content import load_records
from test_perf_memory import OLD, write_records


def _state(records: list) -> list:
    return [(str(p), r.to_data(), r.body) for p, r in records]


def _load(content: Path, folder: Path) -> list:
    records, problems, _ = load_records_cached(content, RecordCache(folder))
    assert not problems
    return records


def _edit(path: Path, text: str, when: int = OLD + 100) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    os.utime(path, (when, when))


def test_an_edit_and_a_removal_are_journalled_and_read_back(tmp_path: Path) -> None:
    content, folder = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    paths = write_records(content, 8)
    load_records_cached(content, RecordCache(folder, read=False))
    main = (folder / "records.pickle").read_bytes()

    _edit(paths[2], "Đoạn thêm.\n")
    paths[5].unlink()
    _load(content, folder)  # saves the two changes
    assert (folder / "records.pickle").read_bytes() == main  # not rewritten
    assert (folder / "records-journal.pickle").is_file()

    reread = RecordCache(folder)
    assert str(paths[5]) not in reread.entries
    assert "Đoạn thêm." in reread.entries[str(paths[2])][3].body
    assert _state(_load(content, folder)) == _state(load_records(content)[0])


def test_many_changes_rewrite_the_cache_and_drop_the_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "JOURNAL_MIN", 2)
    content, folder = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    paths = write_records(content, 8)
    load_records_cached(content, RecordCache(folder, read=False))
    _edit(paths[0], "Một.\n")
    _load(content, folder)
    assert (folder / "records-journal.pickle").is_file()
    for path in paths[1:5]:  # the journal would hold 5 > 2 entries
        _edit(path, "Nữa.\n")
    main = (folder / "records.pickle").read_bytes()
    _load(content, folder)
    assert (folder / "records.pickle").read_bytes() != main
    assert not (folder / "records-journal.pickle").exists()
    assert _state(_load(content, folder)) == _state(load_records(content)[0])


def test_a_journal_of_another_generation_is_ignored(tmp_path: Path) -> None:
    content, folder = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    paths = write_records(content, 4)
    load_records_cached(content, RecordCache(folder, read=False))
    _edit(paths[1], "Cũ.\n")
    _load(content, folder)
    journal = (folder / "records-journal.pickle").read_bytes()
    load_records_cached(content, RecordCache(folder, read=False))  # a new generation
    (folder / "records-journal.pickle").write_bytes(journal)  # a stale journal left over
    assert RecordCache(folder).logged == {}
    assert _state(_load(content, folder)) == _state(load_records(content)[0])
