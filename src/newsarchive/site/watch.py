"""Noticing edits by polling file modification times: no dependency, fine for an archive's
few thousand files at two polls a second."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(mtime, size) of every file under ``paths`` (files or folders; missing ones skipped)."""
    state: Snapshot = {}
    for root in paths:
        if root.is_file():
            _add(state, str(root))
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    _add(state, os.path.join(folder, name))
    return state


def _add(state: Snapshot, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:  # removed meanwhile
        return
    state[path] = (stat.st_mtime_ns, stat.st_size)
