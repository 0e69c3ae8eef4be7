"""Finding record files, with and without the last build's folder listings."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newsarchive.site import content
from newsarchive.site.content import find_record_files


def _walk(root: Path) -> list[str]:
    """The reference: ``os.walk`` in sorted order, hidden names skipped, each folder (by
    device and inode) visited once."""
    out, seen = [], set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(folder, f) for f in sorted(files)
                if f.endswith(".md") and not f.startswith(".")]
    return out


def _age(root: Path, seconds: float = 60) -> None:
    """Date every folder back, as an archive's folders are between an editor's builds."""
    then = time.time() - seconds
    for folder, _dirs, _files in os.walk(root):
        os.utime(folder, (then, then))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for rel in ("2024/05/01/a.md", "2024/05/01/b.md", "2024/05/02/c.md", "2023/12/31/d.md",
                "2024/05/01/.hidden.md", ".drafts/e.md", "2024/notes.txt", "top.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    (root / "linked").symlink_to(root / "2023")
    (root / "2023" / "loop").symlink_to(root / "2023")
    return root


def _count_listings(monkeypatch) -> list[str]:
    """The folders listed from now on."""
    calls: list[str] = []
    real = content._list
    monkeypatch.setattr(content, "_list",
                        lambda root, mtime: calls.append(root) or real(root, mtime))
    return calls


def test_walk_order_and_filters_match_os_walk(tree: Path) -> None:
    listings: dict = {}
    assert [str(p) for p in find_record_files(tree, listings)] == _walk(tree)
    assert [str(p) for p in find_record_files(tree)] == _walk(tree)


def test_unchanged_folders_are_not_listed_again(tree: Path, monkeypatch) -> None:
    _age(tree)
    listings: dict = {}
    first = list(find_record_files(tree, listings))
    calls = _count_listings(monkeypatch)
    assert list(find_record_files(tree, listings)) == first
    assert calls == []
    # adding, removing and renaming files and folders changes their folder's mtime
    (tree / "2024" / "05" / "01" / "new.md").write_text("x", encoding="utf-8")
    (tree / "2024" / "05" / "02" / "c.md").unlink()
    (tree / "2023" / "12" / "31" / "d.md").rename(tree / "2023" / "12" / "31" / "z.md")
    (tree / "2025" / "01").mkdir(parents=True)
    (tree / "2025" / "01" / "f.md").write_text("x", encoding="utf-8")
    assert [str(p) for p in find_record_files(tree, listings)] == _walk(tree)
    assert len(calls) >= 4


def test_folders_changed_in_the_last_seconds_are_listed_again(tree: Path, monkeypatch) -> None:
    listings: dict = {}
    list(find_record_files(tree, listings))  # every folder was just made
    calls = _count_listings(monkeypatch)
    list(find_record_files(tree, listings))
    assert str(tree) in calls  # racy: the same mtime tick could hide another change


def test_the_listings_persist_in_the_record_cache(tree: Path, tmp_path: Path) -> None:
    from newsarchive.site.cache import RecordCache, load_records_cached

    (tree / "2024" / "05" / "01" / "a.md").write_text(
        "---\ntitle: A\ndate: 2024-05-01\n---\nBody.\n", encoding="utf-8")
    _age(tree)
    cache = RecordCache(tmp_path / "cache")
    load_records_cached(tree, cache)
    again = RecordCache(tmp_path / "cache")
    assert again.folders == cache.folders and str(tree) in again.folders
