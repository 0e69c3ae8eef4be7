"""Finding and loading the records under a content folder."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Record, load_record

# a folder's listing as the last build saw it: (mtime_ns, sub-folders, record files), sorted
Listing = tuple[int, tuple[str, ...], tuple[str, ...]]
# a folder changed in the last 2 s may change again within the same mtime tick: not reused
RACY_NS = 2_000_000_000


def find_record_files(content_dir: Path, listings: dict[str, Listing] | None = None
                      ) -> Iterator[Path]:
    """Every ``*.md`` under ``content_dir`` in sorted order; symbolic links to folders are
    followed once (a link loop is skipped, not followed forever); hidden files are ignored.

    ``listings`` (from the record cache) maps folders to their last listing: a folder whose
    mtime is unchanged (adding, removing or renaming an entry changes it) is not listed
    again.  The dict is updated to this walk's listings."""
    old = dict(listings) if listings is not None else {}
    if listings is not None:
        listings.clear()
    settled = time.time_ns() - RACY_NS
    seen: set[tuple[int, int]] = set()
    # (folder, its Path or None): a child's Path is made from its parent's without parsing
    # its string again (~4 µs a folder)
    stack: list[tuple[str, Path | None]] = [(str(content_dir), content_dir)]
    while stack:
        root, folder = stack.pop()
        try:
            stat = os.stat(root)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            continue
        seen.add((stat.st_dev, stat.st_ino))
        listing = old.get(root)
        if listing is None or listing[0] != stat.st_mtime_ns or listing[0] >= settled:
            listing = _list(root, stat.st_mtime_ns)
            if listing is None:
                continue
        if listings is not None:
            listings[root] = listing
        if not listing[1] and not listing[2]:
            continue
        if folder is None:
            folder = Path(root)
        # pathlib's own cheap child constructor where it has one (3.11's)
        child = getattr(folder, "_make_child_relpath", folder.joinpath)
        for name in listing[2]:
            yield child(name)
        stack.extend((os.path.join(root, name), child(name)) for name in reversed(listing[1]))


def _list(root: str, mtime_ns: int) -> Listing | None:
    """A folder's non-hidden sub-folders (links to folders included) and ``*.md`` files, as
    ``os.walk`` tells them apart; None if it cannot be listed."""
    folders: list[str] = []
    files: list[str] = []
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    folders.append(name)
                elif name.endswith(".md"):
                    files.append(name)
    except OSError:
        return None
    return mtime_ns, tuple(sorted(folders)), tuple(sorted(files))


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
