"""Finding and loading the records under a content folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Record, load_record


def find_record_files(content_dir: Path) -> Iterator[Path]:
    """Every ``*.md`` under ``content_dir`` in sorted order; symbolic links to folders are
    followed once (a link loop is skipped, not followed forever); hidden files are ignored."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(content_dir, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = None  # one Path per folder, made only if it holds records
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                if folder is None:
                    folder = Path(root)
                    # pathlib's own cheap child constructor where it has one (3.11's)
                    child = getattr(folder, "_make_child_relpath", folder.joinpath)
                yield child(name)


def load_records(
    content_dir: Path, include_drafts: bool = False
) -> tuple[list[tuple[Path, Record]], list[NewsarchiveError]]:
    """Load every record; return the good ones and one error per bad file."""
    if not content_dir.is_dir():
        raise NewsarchiveError("không tìm thấy thư mục bản ghi", content_dir)
    records: list[tuple[Path, Record]] = []
    problems: list[NewsarchiveError] = []
    for path in find_record_files(content_dir):
        try:
            record = load_record(path)
        except NewsarchiveError as error:
            problems.append(error)
            continue
        if record.draft and not include_drafts:
            continue
        records.append((path, record))
    return records, problems
