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
    folders: list[Path] = []  # by index: a child's Path is made from its parent's, without
    # parsing its string again (~4 µs a folder)
    for parent, name, _root, listing in _walk(str(content_dir), listings):
        folder = content_dir if parent < 0 else _child(folders[parent], name)
        folders.append(folder)
        for file in listing[2]:
            yield _child(folder, file)


def _child(folder: Path, name: str) -> Path:
    # pathlib's own cheap child constructor where it has one (3.11's)
    make = getattr(folder, "_make_child_relpath", None)
    return make(name) if make is not None else folder / name


# a record file seen by ``scan_record_files``: (its folder's index, name, size, mtime_ns),
# size and mtime -1 if it could not be stat'ed
Scanned = tuple[int, str, int, int]


def scan_record_files(content_dir: str, listings: dict[str, Listing] | None = None
                      ) -> tuple[list[tuple[int, str]], list[Scanned]]:
    """``find_record_files`` with each file's size and mtime, in a compact form to send
    between processes: the folders as (parent's index, name), the content folder first
    (parent -1), and the files in order (``scanned_paths`` makes the Paths again)."""
    folders: list[tuple[int, str]] = []
    files: list[Scanned] = []
    stat = os.stat
    for parent, name, root, listing in _walk(content_dir, listings):
        index = len(folders)
        folders.append((parent, name))
        prefix = os.path.join(root, "")
        for file in listing[2]:
            try:
                found = stat(prefix + file)
            except OSError:
                files.append((index, file, -1, -1))
                continue
            files.append((index, file, found.st_size, found.st_mtime_ns))
    return folders, files


def scanned_paths(content_dir: Path, folders: list[tuple[int, str]], files: list[Scanned]
                  ) -> list[tuple[Path, tuple[int, int] | None]]:
    """Each scanned file's Path (what ``find_record_files`` yields) and (size, mtime_ns),
    or None if it could not be stat'ed."""
    made: list[Path] = []
    for parent, name in folders:
        made.append(content_dir if parent < 0 else _child(made[parent], name))
    return [(_child(made[index], name), (size, mtime) if size >= 0 else None)
            for index, name, size, mtime in files]


def _walk(content_dir: str, listings: dict[str, Listing] | None
          ) -> Iterator[tuple[int, str, str, Listing]]:
    """(parent's index, name, path, listing) of every folder to look in, depth first in
    sorted order, each folder (by device and inode) once; indices count the folders in the
    order they come, the content folder first (parent -1)."""
    old = dict(listings) if listings is not None else {}
    if listings is not None:
        listings.clear()
    settled = time.time_ns() - RACY_NS
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, int, str]] = [(content_dir, -1, "")]
    index = 0
    while stack:
        root, parent, name = stack.pop()
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
        yield parent, name, root, listing
        stack.extend((os.path.join(root, sub), index, sub) for sub in reversed(listing[1]))
        index += 1


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
