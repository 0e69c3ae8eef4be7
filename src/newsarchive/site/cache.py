"""The record cache, and records whose bodies stay on disk until a page shows them.

A record file whose (path, size, mtime_ns) is unchanged since the last build is neither read
nor parsed again: its parsed front matter comes from ``records.pickle`` in the cache folder
(``.newsarchive-cache/`` beside ``content/``, never inside the output).

Bodies are the bulk of an archive (~13 KB of text per article in memory), and only the
article's own page (and pages like feeds) show them, so after parsing a record its body is
dropped and read back from the file when a template asks for it (``LazyBodyRecord``).  Its
digest is kept and checked on re-reading: a record edited during a build fails the build."""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Record, load_record
from newsarchive.record.frontmatter import FENCE
from newsarchive.site.content import find_record_files
from newsarchive.vi.text import nfc

CACHE_VERSION = 2
CACHE_DIR_NAME = ".newsarchive-cache"


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def default_cache_dir(content: Path) -> Path:
    return content.resolve().parent / CACHE_DIR_NAME


def read_body(path: str | Path) -> str:
    """The body of a record file, exactly as ``load_record(path).body`` gives it."""
    raw = Path(path).read_bytes()
    try:
        text = nfc(raw.decode("utf-8-sig").removeprefix("\ufeff"))
    except UnicodeDecodeError:
        return load_record(path).body  # raises the usual error
    lines = text.split("\n")
    end = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip("\r") in (FENCE, "...")), None
    )
    if end is None:
        return load_record(path).body
    body = "\n".join(lines[end + 1 :]).strip("\n")
    return nfc(body + "\n" if body else "")


class LazyBodyRecord(Record):
    """A ``Record`` whose ``body`` is read from its file on each access."""

    @property  # type: ignore[override]
    def body(self) -> str:
        loaded = self.__dict__.get("_body")
        if loaded is not None:
            return loaded
        path, expected = self.__dict__["_lazy_body"]
        body = read_body(path)
        if digest(body) != expected:
            raise NewsarchiveError("record changed while the site was being built", path)
        return body

    @body.setter
    def body(self, value: str) -> None:
        self.__dict__["_body"] = value


def record_digest(record: Record) -> str:
    """A digest of everything a record holds (front matter and body)."""
    return digest(repr(record))


def make_lazy(record: Record, path: Path) -> Record:
    """Drop the body from memory; it is read back from ``path`` when asked for."""
    if isinstance(record, LazyBodyRecord):
        return record
    body = record.__dict__.pop("body")
    record.__dict__["_lazy_body"] = (str(path), digest(body))
    record.__class__ = LazyBodyRecord
    return record


class RecordCache:
    """``records.pickle``: path → (size, mtime_ns, record digest, lazy record)."""

    def __init__(self, folder: Path | None, read: bool = True):
        """``folder`` None: no cache at all; ``read`` False: start empty (a cold build) but
        save what was parsed, for the next build."""
        self.file = folder / "records.pickle" if folder else None
        self.entries: dict[str, tuple[int, int, str, Record]] = {}
        self.dirty = False
        if read and self.file is not None and self.file.is_file():
            try:
                with self.file.open("rb") as handle:
                    version, entries = pickle.load(handle)
                if version == CACHE_VERSION:
                    self.entries = entries
            except Exception:  # a damaged cache is only a slower build
                self.entries = {}

    def save(self, seen: set[str]) -> None:
        if self.file is None:
            return
        if set(self.entries) != seen:
            self.entries = {k: v for k, v in self.entries.items() if k in seen}
            self.dirty = True
        if not self.dirty:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump((CACHE_VERSION, self.entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.file)


def load_records_cached(
    content_dir: Path, cache: RecordCache, include_drafts: bool = False
) -> tuple[list[tuple[Path, Record]], list[NewsarchiveError], dict[int, str]]:
    """Like ``content.load_records`` (same records, same order, same problems) but reusing
    the cache; also returns each record's digest keyed by ``id(record)``."""
    if not content_dir.is_dir():
        raise NewsarchiveError("content folder not found", content_dir)
    records: list[tuple[Path, Record]] = []
    problems: list[NewsarchiveError] = []
    digests: dict[int, str] = {}
    seen: set[str] = set()
    # a file modified in the last 2 s could change again within the same mtime tick and keep
    # its size, so it is not cached (it is parsed again next time, which is cheap)
    fresh = time.time_ns() - 2_000_000_000
    for path in find_record_files(content_dir):
        key = str(path)
        try:
            stat = os.stat(path)
        except OSError:
            stat = None
        hit = cache.entries.get(key)
        if stat is not None and hit is not None and hit[:2] == (stat.st_size, stat.st_mtime_ns):
            record_hash, record = hit[2], hit[3]
        else:
            try:
                record = load_record(path)
            except NewsarchiveError as error:
                problems.append(error)
                continue
            record_hash = record_digest(record)
            make_lazy(record, path)
            if stat is not None and stat.st_mtime_ns < fresh:  # racy-git rule: an entry
                cache.entries[key] = (stat.st_size, stat.st_mtime_ns, record_hash, record)
                cache.dirty = True
        seen.add(key)
        if record.draft and not include_drafts:
            continue
        digests[id(record)] = record_hash
        records.append((path, record))
    cache.save(seen)
    return records, problems, digests
