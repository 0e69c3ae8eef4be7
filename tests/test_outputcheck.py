"""Checking the output files against the manifest, on a forked child or here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.site import outputcheck
from newsarchive.site.outputcheck import OutputCheck, changed_files


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
    assert OutputCheck(str(root), files).changed() == set()
    expected = _tamper(root)
    forked = OutputCheck(str(root), files)
    assert forked._pid  # the check runs on a child
    assert forked.changed() == expected == changed_files(str(root), files)
    monkeypatch.delattr(os, "fork")
    here = OutputCheck(str(root), files)
    assert not here._pid and here.changed() == expected


def test_a_failed_child_is_replaced_by_a_check_here(written, monkeypatch) -> None:
    root, files = written
    expected = _tamper(root)

    def broken(*_args):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(outputcheck, "changed_files", broken)
    check = OutputCheck(str(root), files)  # the child fails and sends nothing
    monkeypatch.undo()
    assert check.changed() == expected
    check.close()
    check.close()  # idempotent
