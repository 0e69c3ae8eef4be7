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
import itertools
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Image, Person, Quote, Record, Source, load_record
from newsarchive.record.frontmatter import FENCE, fast_record, parse_general
from newsarchive.site.content import Listing, find_record_files, scan_record_files, scanned_paths
from newsarchive.vi.text import nfc

if TYPE_CHECKING:  # the pool is made (and these imported) only to parse many records
    from concurrent.futures import Executor, Future

CACHE_VERSION = 8  # 4: slotted Person/Quote/Image/Source; 5: layout keys; 6: in parts;
# 7: a generation, and a journal of later changes; 8: lazy bodies checked by file digest
CACHE_DIR_NAME = ".newsarchive-cache"
# changed records noted in the journal rather than rewriting the cache: up to this many, or
# a twentieth of the cache
JOURNAL_MIN = 200


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def default_cache_dir(content: Path) -> Path:
    return content.resolve().parent / CACHE_DIR_NAME


def read_body(path: str | Path, expected: str | None = None) -> str:
    """The body of a record file, exactly as ``load_record(path).body`` gives it; with
    ``expected``, the file must still have that digest (of its bytes)."""
    raw = Path(path).read_bytes()
    if expected is not None and digest(raw) != expected:
        raise NewsarchiveError("record changed while the site was being built", path)
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


# the bodies read last (an article page asks for its body ~3 times: summary, JSON-LD, text)
RECENT_BODIES = 8
_recent: dict[tuple[str, str], str] = {}


class LazyBodyRecord(Record):
    """A ``Record`` whose ``body`` is read from its file when asked for, unless it is kept
    (``_body``: the text, or the file's UTF-8 to decode); the last few read or decoded are
    remembered."""

    @property  # type: ignore[override]
    def body(self) -> str:
        loaded = self.__dict__.get("_body")
        if type(loaded) is str:
            return loaded
        key = self.__dict__["_lazy_body"]
        body = _recent.get(key)
        if body is None:
            # kept as the file's UTF-8 (parsed in a worker process): decoded when asked for,
            # like a body read back, so that render workers do not each keep a decoded copy
            # of every body they show; else read back, checked against the file's digest
            body = loaded.decode() if loaded is not None else read_body(*key)
            if len(_recent) >= RECENT_BODIES:
                del _recent[next(iter(_recent))]
            _recent[key] = body
        return body

    @body.setter
    def body(self, value: str) -> None:
        self.__dict__["_body"] = value


def make_lazy(record: Record, path: Path, file_digest: str, keep: bool = False) -> Record:
    """Make the body lazy: read back from ``path`` (whose bytes must still have
    ``file_digest``) when asked for, unless ``keep`` holds it in memory for now
    (``drop_body`` lets it go)."""
    if isinstance(record, LazyBodyRecord):
        return record
    body = record.__dict__.pop("body")
    record.__dict__["_lazy_body"] = (str(path), file_digest)
    record.__class__ = LazyBodyRecord
    if keep:
        record.__dict__["_body"] = body
    return record


def drop_body(record: Record) -> int:
    """Let a kept body go; returns its length."""
    body = record.__dict__.pop("_body", None)
    return len(body) if body else 0


def drop_bodies(records: Iterable[Record]) -> None:
    """Let every kept body go (they are read back from their files when asked for)."""
    for record in records:
        record.__dict__.pop("_body", None)


# entries pickled per part: pickle's memo (an entry for every object pickled) stays the
# size of one part plus the shared objects (~200 MB for all of N = 100,000 at once)
CACHE_PART = 20_000


class RecordCache:
    """``records.pickle``: path → (size, mtime_ns, record digest, lazy record).

    The file is a sequence of pickles from one pickler: ``(version, parts, shared)`` (the
    people and recurring strings that records share), then ``parts`` dicts of at most
    ``CACHE_PART`` entries.  With more than one part, each is pickled with the memo reset
    to what ``shared`` left in it, in protocol 3, whose memo indices are explicit (4 and 5
    number memo entries implicitly), so one unpickler reading on resolves references to
    ``shared`` in every part.  Protocol 3 loads ~30% slower, so a cache of one part keeps
    protocol 5 (and needs no ``shared``)."""

    def __init__(self, folder: Path | None, read: bool = True):
        """``folder`` None: no cache at all; ``read`` False: start empty (a cold build) but
        save what was parsed, for the next build."""
        self.file = folder / "records.pickle" if folder else None
        self.journal = folder / "records-journal.pickle" if folder else None
        self.folders_file = folders_file(folder) if folder else None
        # the content folders' listings (``content.find_record_files``), as last saved
        self.folders: dict[str, Listing] = {}
        self._folders_saved: dict[str, Listing] = {}
        self.entries: dict[str, tuple[int, int, str, Record]] = {}
        self.pending: set[str] | None = None  # records seen, to save (``save_pending``)
        self.generation = ""  # of the main file, which a journal must name to apply
        # the journal's entries (None: removed), and this build's changes besides them
        self.logged: dict[str, tuple[int, int, str, Record] | None] = {}
        self.changes: dict[str, tuple[int, int, str, Record] | None] = {}
        if read and self.file is not None and self.file.is_file():
            try:
                with self.file.open("rb") as handle:
                    unpickler = pickle.Unpickler(handle)
                    head = unpickler.load()
                    if head[0] == CACHE_VERSION:
                        entries: dict[str, tuple[int, int, str, Record]] = {}
                        for _ in range(head[1]):
                            entries.update(unpickler.load())
                        self.entries = entries
                        self.generation = head[3]
            except Exception:  # a damaged cache is only a slower build
                self.entries = {}
            self._read_journal()
        if read and self.folders_file is not None:
            self.folders = read_listings(self.folders_file)
            self._folders_saved = dict(self.folders)

    def _read_journal(self) -> None:
        """Apply the journal of the main file's generation, if there is one.  Its entries
        are checked against the files' size and mtime like any other, so even a stale
        journal could only make a record be parsed again."""
        if self.journal is None or not self.generation or not self.journal.is_file():
            return
        try:
            with self.journal.open("rb") as handle:
                version, generation, logged = pickle.load(handle)
        except Exception:
            return
        if version != CACHE_VERSION or generation != self.generation:
            return
        self.logged = logged
        for key, entry in logged.items():
            if entry is None:
                self.entries.pop(key, None)
            else:
                self.entries[key] = entry

    def put(self, key: str, entry: tuple[int, int, str, Record]) -> None:
        self.entries[key] = entry
        self.changes[key] = entry

    def save_pending(self) -> None:
        """Save what ``load_records_cached`` left to save, if anything (once)."""
        if self.pending is not None:
            seen, self.pending = self.pending, None
            self.save(seen)

    def save(self, seen: set[str]) -> None:
        if self.file is None:
            return
        if self.folders != self._folders_saved and self.folders_file is not None:
            self.folders_file.parent.mkdir(parents=True, exist_ok=True)
            with _atomic(self.folders_file) as handle:
                pickle.dump((CACHE_VERSION, self.folders), handle, protocol=pickle.HIGHEST_PROTOCOL)
            self._folders_saved = dict(self.folders)
        gone = [key for key in self.entries if key not in seen]
        if gone:  # records that are gone
            self.entries = {k: v for k, v in self.entries.items() if k in seen}
            self.changes.update(dict.fromkeys(gone))
        if not self.changes:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        logged = {**self.logged, **self.changes}
        self.changes = {}
        if self.generation and len(logged) <= max(JOURNAL_MIN, len(self.entries) // 20):
            # a few records changed: note them in the journal instead of pickling the
            # whole archive again (~2 s at 100,000 records)
            self.logged = logged
            with _atomic(self.journal) as handle, _bodies_left_out(logged.values()):
                pickle.dump((CACHE_VERSION, self.generation, logged), handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            return
        self.logged = {}
        self.generation = os.urandom(8).hex()
        items = list(self.entries.items())
        parts = [dict(items[i : i + CACHE_PART]) for i in range(0, len(items), CACHE_PART)]
        with _atomic(self.file) as handle, _bodies_left_out(self.entries.values()):
            if len(parts) <= 1:
                pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.dump((CACHE_VERSION, len(parts), None, self.generation))
                for part in parts:
                    pickler.dump(part)
            else:
                pickler = pickle.Pickler(handle, protocol=3)
                pickler.dump((CACHE_VERSION, len(parts), _shared_objects(self.entries),
                              self.generation))
                shared = pickler.memo.copy()
                for part in parts:
                    pickler.memo = shared
                    pickler.dump(part)
        if self.journal is not None:  # it named the previous generation
            self.journal.unlink(missing_ok=True)


@contextmanager
def _atomic(target: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces ``target`` only once written in full."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        yield handle
    os.replace(tmp, target)


@contextmanager
def _bodies_left_out(entries: Iterable[tuple[int, int, str, Record] | None]) -> Iterator[None]:
    """Take the kept bodies out of these cache entries' records meanwhile: bodies are never
    cached (they are read back from the record files)."""
    kept = []
    for entry in entries:
        body = entry[3].__dict__.pop("_body", None) if entry is not None else None
        if body is not None:
            kept.append((entry[3], body))
    try:
        yield
    finally:
        for record, body in kept:
            record.__dict__["_body"] = body


def _shared_objects(entries: dict[str, tuple[int, int, str, Record]]) -> tuple[list, list]:
    """The people (``Person`` objects) and strings (authors, credits, import times and
    date lines) that appear in more than one record, each once."""
    people: dict[int, Person] = {}
    strings: set[str] = set()
    for entry in entries.values():
        record = entry[3]
        for person in (*record.speakers, *record.people):
            people[id(person)] = person
        strings.update(record.authors)
        if record.credit:
            strings.add(record.credit)
        if record.source is not None:
            strings.add(record.source.imported or "")
            strings.add(record.source.date_line or "")
    return list(people.values()), sorted(strings)


_BOM = b"\xef\xbb\xbf"
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _read_file(path: str | Path) -> bytes:
    """The file's bytes (``Path.read_bytes`` without its file objects: ~3 µs less)."""
    fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    try:
        data = os.read(fd, os.fstat(fd).st_size + 1)
        more = os.read(fd, 1 << 16) if data else b""
        if not more:
            return data
        chunks = [data, more]
        while more:
            more = os.read(fd, 1 << 16)
            chunks.append(more)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _parse(path: str | Path) -> tuple[bytes, str, Record, bool] | NewsarchiveError:
    """(the file's bytes, their digest, the record (people and recurring strings shared),
    whether its body is the UTF-8 after the first ``\\n---\\n`` of those bytes), or the
    error.  The record is a function of the file's bytes, so their digest stands for it."""
    try:
        raw = _read_file(path)
    except OSError as exc:
        return NewsarchiveError(f"cannot read record: {exc.strerror}", path)
    bom = raw.startswith(_BOM)
    try:
        decoded = raw.decode("utf-8-sig") if bom else raw.decode()
    except UnicodeDecodeError:
        try:
            load_record(path)  # the usual error, with its line
        except NewsarchiveError as error:
            return error
        raise
    text = nfc(decoded.removeprefix("\ufeff"))
    record = fast_record(text, _PEOPLE)
    if record is None:
        try:
            record = _intern(parse_general(text, path))
        except NewsarchiveError as error:
            return error
        plain_body = False
    else:  # fast_record's body: the text after its first "\n---\n" (or nothing)
        plain_body = not bom and (text is decoded or text == decoded)
    return raw, digest(raw), record, plain_body


def parse_file(path: Path) -> tuple[str, Record] | NewsarchiveError:
    """Parse one record file: (digest of its bytes, record with a lazy body) or the error."""
    outcome = _parse(path)
    if isinstance(outcome, NewsarchiveError):
        return outcome
    _, file_digest, record, _ = outcome
    record = make_lazy(record, path, file_digest, keep=True)
    layout_keys(record)  # computed now, so that the record cache keeps them
    return file_digest, record


def layout_keys(record: Record) -> tuple[bytes, str]:
    """(digest of what of the record decides the site's layout, digest of its quotes),
    memoised in the record (and so in the record cache: a record is a function of its
    file's bytes and is not changed after parsing).  See ``build._shape``."""
    found = record.__dict__.get("_layout_keys")
    if found is None:
        quotes = record.quotes
        shape = (record.title, record.date, record.time, record.slug,
                 [(p.name, p.role, p.id, p.honorific) for p in record.speakers],
                 [q.speaker for q in quotes])
        found = record.__dict__["_layout_keys"] = (
            hashlib.blake2b(repr(shape).encode(), digest_size=16).digest(),
            hashlib.blake2b(repr([(q.speaker, q.text) for q in quotes]).encode(),
                            digest_size=8).hexdigest() if quotes else _NO_QUOTES,
        )
    return found


_NO_QUOTES = hashlib.blake2b(repr([]).encode(), digest_size=8).hexdigest()


_PERSON_FIELDS = ("name", "role", "id", "honorific")


# one Person object per (name, role, id, honorific) seen, shared by every record naming
# them (records are not changed once parsed)
_PEOPLE: dict[tuple[str | None, ...], Person] = {}


def _intern(record: Record) -> Record:
    """Share what recurs across records: an imported archive names the same people (name,
    role, honorific) thousands of times, so equal people are one ``Person`` object, and
    authors, credits and the import's time and date line are shared strings.  Shared
    objects also pickle once in the record cache."""
    intern = sys.intern
    people = _PEOPLE
    for key in ("speakers", "people"):
        shared = []
        for person in getattr(record, key):
            fields = tuple(getattr(person, name) for name in _PERSON_FIELDS)
            found = people.get(fields)
            if found is None:
                for name, value in zip(_PERSON_FIELDS, fields, strict=True):
                    if type(value) is str:
                        setattr(person, name, intern(value))
                found = people[fields] = person
            shared.append(found)
        setattr(record, key, shared)
    record.authors = [intern(a) for a in record.authors]
    if record.credit:
        record.credit = intern(record.credit)
    source = record.source
    if source is not None:
        if source.imported:
            source.imported = intern(source.imported)
        if source.date_line:
            source.date_line = intern(source.date_line)
    return record


def _parse_chunk(paths: list[Path], budget: int
                 ) -> tuple[list[tuple[str, Record] | NewsarchiveError], int]:
    """Parse ``paths`` here, keeping bodies in memory up to ``budget`` characters in all:
    (the outcomes, the characters kept)."""
    out = [parse_file(path) for path in paths]
    left = budget
    for outcome in out:
        if not isinstance(outcome, NewsarchiveError):
            kept = len(outcome[1].__dict__.get("_body") or "")
            if left >= kept:
                left -= kept
            else:
                drop_body(outcome[1])
    return out, budget - left


# A record parsed in a worker process comes back as a flat tuple of its fields (people as
# (name, role, id, honorific) tuples, and its digests) rather than as pickled objects,
# which cost the parent ~16 µs a record to unpickle.  Its body comes back as the file's
# UTF-8 bytes, kept so and decoded when a page asks for it: unpickling a str decodes it
# here, ~20 µs a body on the parent's critical path, while the render workers, forked
# later, decode it about twice in all (~15 µs each, on both cores).  (As UTF-16 it decodes
# in ~2 µs, but moves and keeps half as many bytes again: the same build time, +17 MB at
# N = 10,000.)  ``_unpack(_pack(...))`` is the record ``parse_file`` gives
# (tests/test_record_fastrecord.py).


def _pack(path: str, budget: int) -> tuple[tuple | NewsarchiveError, int]:
    """Parse one record for the parent: (its tuple or the error, the budget left)."""
    outcome = _parse(path)
    if isinstance(outcome, NewsarchiveError):
        return outcome, budget
    raw, file_digest, record, plain_body = outcome
    body: str | bytes | None = record.body
    if body and plain_body:
        end = raw.find(b"\n---\n", 3)  # where fast_record found the body in the text
        body = raw[end + 5 :].strip(b"\n") + b"\n" if end >= 0 else b""
    # the budget counts characters of ~2 bytes; these bytes are the body's UTF-8
    cost = len(body) // 2 if type(body) is bytes else len(body)  # type: ignore[arg-type]
    if cost > budget:
        body = None  # read back from the file when asked for
    else:
        budget -= cost
    source = record.source
    return (
        file_digest,
        layout_keys(record),
        record.title, record.date, record.time, record.slug, record.authors, record.credit,
        [(p.name, p.role, p.id, p.honorific) for p in record.speakers],
        [(p.name, p.role, p.id, p.honorific) for p in record.people],
        [(q.speaker, q.text) for q in record.quotes],
        [(i.caption, i.file) for i in record.images],
        None if source is None
        else (source.file, source.sha256, source.imported, source.date_line),
        record.draft,
        record.extra,
        body,
    ), budget


def _pack_chunk(paths: list[str], share: tuple[int, int]) -> list[tuple | NewsarchiveError]:
    """``_pack`` each path (in a worker process), keeping bodies within this worker's
    ``share`` of the budget for all the chunks of one loading: ``(loading, characters)``."""
    if _worker_budget[0] != share[0]:
        _worker_budget[:] = share
    budget = _worker_budget[1]
    out = []
    for path in paths:
        packed, budget = _pack(path, budget)
        out.append(packed)
    _worker_budget[1] = budget
    return out


_worker_budget = [0, 0]  # in a worker: (the loading, the budget it has left)
_loadings = itertools.count(1)


def _person(fields: tuple) -> Person:
    """The one ``Person`` with these fields (see ``_intern``)."""
    found = _PEOPLE.get(fields)
    if found is None:
        intern = sys.intern
        fields = tuple(intern(v) if type(v) is str else v for v in fields)
        found = _PEOPLE[fields] = Person(*fields)
    return found


def _unpack(packed: tuple | NewsarchiveError, path: str
            ) -> tuple[str, Record] | NewsarchiveError:
    """The record ``_pack`` made, as ``parse_file`` gives it (people and strings shared
    in this process)."""
    if isinstance(packed, NewsarchiveError):
        return packed
    (file_digest, keys, title, day, time_, slug, authors, credit, speakers, people, quotes,
     images, source, draft, extra, body) = packed
    intern = sys.intern
    record = LazyBodyRecord.__new__(LazyBodyRecord)
    fields = record.__dict__
    fields.update(
        title=title, date=day, time=time_, slug=slug,
        authors=[intern(a) for a in authors],
        credit=intern(credit) if credit else credit,
        speakers=[_person(p) for p in speakers],
        people=[_person(p) for p in people],
        quotes=[Quote(*q) for q in quotes],
        images=[Image(*i) for i in images],
        source=None if source is None else Source(
            source[0], source[1],
            intern(source[2]) if source[2] else source[2],
            intern(source[3]) if source[3] else source[3]),
        draft=draft, extra=extra,
        _lazy_body=(path, file_digest), _layout_keys=keys,
    )
    if body is not None:
        fields["_body"] = body
    return file_digest, record


# parsing fans out to worker processes when at least this many records changed (on two
# cores, 500 records load faster in one process, 750 ~8 % faster with a worker), in chunks
# of PARALLEL_CHUNK records (the last chunks a worker has taken, one running and one
# queued, are what this process may have to wait for at the end)
PARALLEL_MIN_RECORDS = 600
PARALLEL_CHUNK = 64
# bodies kept in memory after parsing, in characters (~2 bytes each for Vietnamese text)
BODY_BUDGET_CHARS = 64_000_000


def folders_file(cache_dir: Path) -> Path:
    """Where the content folders' listings are kept."""
    return cache_dir / "folders.pickle"


def read_listings(file: Path) -> dict[str, Listing]:
    """The content folders' listings saved in ``file`` (``folders.pickle``), or none."""
    try:
        with file.open("rb") as handle:
            version, folders = pickle.load(handle)
    except Exception:  # missing or damaged: the folders are listed again
        return {}
    return folders if version == CACHE_VERSION else {}


def scan_content(content_dir: Path, folders_file: Path | None) -> tuple:
    """``content.scan_record_files`` with the saved listings, and the new listings (None if
    unchanged): what a forked child sends ``load_records_cached`` as ``scanned``."""
    listings = read_listings(folders_file) if folders_file is not None else {}
    before = dict(listings)
    folders, files = scan_record_files(str(content_dir), listings)
    return folders, files, (None if listings == before else listings)


def load_records_cached(
    content_dir: Path, cache: RecordCache, include_drafts: bool = False, jobs: int = 1,
    save: bool = True, scanned: tuple | None = None,
) -> tuple[list[tuple[Path, Record]], list[NewsarchiveError], dict[int, str]]:
    """Like ``content.load_records`` (same records, same order, same problems) but reusing
    the cache, parsing on ``jobs`` processes; also returns each record's digest keyed by
    ``id(record)``.  With ``save`` False the cache is saved later, by ``save_pending``.
    ``scanned``, ``scan_content``'s answer, stands for listing and stat'ing the files here."""
    if not content_dir.is_dir():
        raise NewsarchiveError("content folder not found", content_dir)
    # a file modified in the last 2 s could change again within the same mtime tick and keep
    # its size, so it is not cached (it is parsed again next time, which is cheap)
    fresh = time.time_ns() - 2_000_000_000
    found: list[tuple[Path, tuple[int, int] | None, tuple | None]] = []
    misses = _Parsing(jobs)  # parsing may start in other processes while listing
    if scanned is not None:
        folders, files, listings = scanned
        files_found: Iterable[tuple[Path, tuple[int, int] | None]] = scanned_paths(
            content_dir, folders, files)
        if listings is not None:
            cache.folders = listings
    else:
        files_found = _stat_each(find_record_files(content_dir, cache.folders))
    entries = cache.entries
    for path, stat in files_found:
        hit = entries.get(str(path))
        if stat is None or hit is None or hit[:2] != stat:
            hit = None
            misses.append(path)
        found.append((path, stat, hit))
    parsed = misses.results()

    records: list[tuple[Path, Record]] = []
    problems: list[NewsarchiveError] = []
    digests: dict[int, str] = {}
    seen: set[str] = set()
    for path, stat, hit in found:
        key = str(path)
        if hit is not None:
            record_hash, record = hit[2], hit[3]
        else:
            outcome = parsed[path]
            if isinstance(outcome, NewsarchiveError):
                problems.append(outcome)
                continue
            record_hash, record = outcome
            if stat is not None and stat[1] < fresh:  # racy-git rule
                cache.put(key, (stat[0], stat[1], record_hash, record))
        lazy = record.__dict__.get("_lazy_body")
        if lazy is not None and lazy[0] is not key and lazy[0] == key:
            record.__dict__["_lazy_body"] = (key, lazy[1])  # one string for the path, not two
        seen.add(key)
        if record.draft and not include_drafts:
            continue
        digests[id(record)] = record_hash
        records.append((path, record))
    cache.pending = seen
    if save:
        cache.save_pending()
    return records, problems, digests


def _stat_each(paths: Iterable[Path]) -> Iterator[tuple[Path, tuple[int, int] | None]]:
    """Each path with its file's (size, mtime_ns), or None if it cannot be stat'ed."""
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            yield path, None
            continue
        yield path, (stat.st_size, stat.st_mtime_ns)


class _Parsing:
    """The record files to parse, added in order (``append``) while the content folder is
    listed; ``results()`` gives each one's ``parse_file`` outcome, by path.

    Freshly parsed bodies stay in memory (the render needs them soon) up to
    ``BODY_BUDGET_CHARS`` in all (a share for each process); beyond it they are read back
    from their files when their page is rendered.

    With ``jobs`` > 1 and at least ``PARALLEL_MIN_RECORDS`` files, parsing starts before the
    listing ends: every full chunk of ``PARALLEL_CHUNK`` files goes to ``jobs - 1`` forked
    workers as soon as it is listed.  ``results()`` then parses here from the last chunk
    backwards, taking those no worker has started (cancelling their tasks), while the
    workers go on from the first: the two meet wherever the work balances.  The workers'
    records come back packed (``_pack``) and are unpacked here as they arrive."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.paths: list[Path] = []
        self.tasks: list[Future] = []  # the chunks handed to the workers, in order
        self.pool: Executor | None = None
        self.loading = next(_loadings)

    def append(self, path: Path) -> None:
        self.paths.append(path)
        count = len(self.paths)
        if self.jobs > 1 and count >= PARALLEL_MIN_RECORDS and count % PARALLEL_CHUNK == 0:
            if self.pool is None:
                from newsarchive.site.engine import local_pool

                self.pool = local_pool(self.jobs - 1)
            share = (self.loading, BODY_BUDGET_CHARS // self.jobs)
            while len(self.tasks) * PARALLEL_CHUNK < count:
                chunk = self._chunk(len(self.tasks))
                self.tasks.append(self.pool.submit(_pack_chunk, list(map(str, chunk)), share))

    def _chunk(self, k: int) -> list[Path]:
        return self.paths[k * PARALLEL_CHUNK : (k + 1) * PARALLEL_CHUNK]

    def results(self) -> dict[Path, tuple[str, Record] | NewsarchiveError]:
        budget = BODY_BUDGET_CHARS // self.jobs if self.pool else BODY_BUDGET_CHARS
        done = len(self.tasks) * PARALLEL_CHUNK
        last, kept = _parse_chunk(self.paths[done:], budget)  # the last, partial chunk
        parts = [last]
        if self.pool is not None:
            budget -= kept
            try:
                parts = [[]] * len(self.tasks) + parts
                front, back = 0, len(self.tasks)
                while back > front and self.tasks[back - 1].cancel():  # no worker has it
                    back -= 1
                    parts[back], kept = _parse_chunk(self._chunk(back), budget)
                    budget -= kept
                    while front < back and self.tasks[front].done():  # unpack meanwhile
                        parts[front] = self._unpacked(front)
                        front += 1
                for k in range(front, back):
                    parts[k] = self._unpacked(k)
            finally:
                self.pool.shutdown(wait=True, cancel_futures=True)
        fast_record.forget()  # the lines of these records: no use once they are parsed
        return dict(zip(self.paths, (outcome for part in parts for outcome in part),
                        strict=True))

    def _unpacked(self, k: int) -> list[tuple[str, Record] | NewsarchiveError]:
        return list(map(_unpack, self.tasks[k].result(), map(str, self._chunk(k))))
