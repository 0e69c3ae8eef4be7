"""A rebuild's side work on a forked child: the same answers as computing them here."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newsarchive.site import sidework
from newsarchive.site.cache import RecordCache, load_records_cached, scan_content
from newsarchive.site.content import find_record_files, scan_record_files, scanned_paths
from newsarchive.site.sidework import ForkedTasks, changed_files


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, dict[str, tuple[str, int, int]]]:
    files = {}
    for n in range(300):
        rel = f"{n % 7}/page-{n}/index.html"
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{n}</p>", encoding="utf-8")
        stat = path.stat()
        files[rel] = ("fp", stat.st_size, stat.st_mtime_ns)
    return tmp_path, files


def _tamper(root: Path) -> set[str]:
    (root / "1/page-1/index.html").unlink()
    (root / "2/page-2/index.html").write_text("<p>changed by hand</p>", encoding="utf-8")
    os.utime(root / "3/page-3/index.html", ns=(1, 1))  # same size, another mtime
    return {"1/page-1/index.html", "2/page-2/index.html", "3/page-3/index.html"}


def test_a_forked_check_finds_what_a_check_here_finds(written, monkeypatch) -> None:
    root, files = written
    assert ForkedTasks([lambda: changed_files(str(root), files)]).result(0) == set()
    expected = _tamper(root)
    forked = ForkedTasks([lambda: changed_files(str(root), files), lambda: "second"])
    assert forked.forked  # the tasks run on a child
    assert forked.result(0) == expected == changed_files(str(root), files)
    assert forked.result(1) == "second"
    forked.close()
    monkeypatch.delattr(os, "fork")
    here = ForkedTasks([lambda: changed_files(str(root), files)])
    assert not here.forked and here.result(0) == expected


def test_a_failed_child_is_replaced_by_work_here(written, monkeypatch) -> None:
    root, files = written
    expected = _tamper(root)

    def broken(*_args):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(sidework, "changed_files", broken)
    tasks = ForkedTasks([lambda: 1, lambda: sidework.changed_files(str(root), files)])
    monkeypatch.undo()  # the child fails at the second task; here it works
    assert tasks.result(0) == 1
    assert tasks.result(1) == expected
    tasks.close()
    tasks.close()  # idempotent


def test_a_big_answer_comes_back_whole() -> None:
    big = ["x" * 100] * 100_000  # ~10 MB pickled: many pipe buffers
    assert ForkedTasks([lambda: big]).result(0) == big


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    for rel in ("2024/05/01/a.md", "2024/05/01/b.md", "2024/05/02/c.md", "2023/12/31/d.md",
                "top.md", "2024/05/01/.hidden.md"):
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(f"---\ntitle: {rel}\ndate: 2024-05-01\n---\nBody.\n",
                                   encoding="utf-8")
    (content / "linked").symlink_to(content / "2023")
    return content


def test_a_scan_gives_the_paths_and_stats_a_walk_gives(tmp_path: Path) -> None:
    content = _content(tmp_path)
    folders, files = scan_record_files(str(content))
    found = scanned_paths(content, folders, files)
    assert [p for p, _ in found] == list(find_record_files(content))
    assert all(type(p) is type(content) for p, _ in found)
    for path, stat in found:
        assert stat == (path.stat().st_size, path.stat().st_mtime_ns)


def test_loading_from_a_scan_equals_loading_with_a_walk(tmp_path: Path) -> None:
    content = _content(tmp_path)
    then = time.time() - 60
    for root, _dirs, files in os.walk(content):
        for name in [*files, "."]:
            os.utime(os.path.join(root, name), (then, then))
    cache = RecordCache(tmp_path / "cache")
    walked = load_records_cached(content, cache)
    again = RecordCache(tmp_path / "cache")
    (content / "2024/05/02/c.md").write_text("---\ntitle: sửa\ndate: 2024-05-02\n---\nB.\n",
                                             encoding="utf-8")
    (content / "2024/05/01/a.md").unlink()
    scanned = scan_content(content, tmp_path / "cache" / "folders.pickle")
    assert scanned[2] is not None  # the changed folders' new listings
    from_scan = load_records_cached(content, again, scanned=scanned)
    fresh = load_records_cached(content, RecordCache(None))
    assert [(p, r) for p, r in from_scan[0]] == [(p, r) for p, r in fresh[0]]
    assert len(from_scan[0]) == len(walked[0]) - 1
    assert again.folders == scanned[2]
