"""``newsarchive import``: scrapes → records under ``content/YYYY/MM/DD/<slug>.md``."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import itertools
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsarchive import progress
from newsarchive.commands._site import add_site_option, site_from_args
from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import SCRAPE_SUFFIXES, ParsedArticle, parse_bytes
from newsarchive.record.frontmatter import sync_file, sync_files, write_new_record, write_temp
from newsarchive.record.model import Record

_SHA_LINE = re.compile(r"^\s+sha256:\s*['\"]?([0-9a-f]{64})", re.MULTILINE)
MAX_SLUG_SUFFIX = 1000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import scrapes as records",
        description="Nhập các bản cào (.txt, .html) thành bản ghi trong content/YYYY/MM/DD/. "
        "Không bao giờ ghi đè bản ghi đã có; bản cào đã nhập (cùng sha256) được bỏ qua.",
        epilog="ví dụ: newsarchive import tin-moi/ --date 2024-06-21",
    )
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    add_site_option(p)
    p.add_argument(
        "--content", type=Path, default=None, help="records folder (default: the site's content/)"
    )
    p.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date for scrapes that print none",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="parse on N processes (default: one per core when importing many files)",
    )
    p.set_defaults(func=run)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


@dataclass
class Outcome:
    imported: int = 0
    skipped: int = 0
    failed: int = 0


def collect(paths: list[str]) -> list[Path]:
    """Files to import: FILEs as given, DIRs' scrapes recursively in sorted order."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SCRAPE_SUFFIXES and p.is_file()
                )
            )
        else:
            files.append(path)
    return files


def known_hashes(content: Path) -> dict[str, Path]:
    """sha256 of every imported scrape → its record, read with a regex (no YAML parsing)."""
    known: dict[str, Path] = {}
    if not content.is_dir():
        return known
    for record in content.rglob("*.md"):
        if record.name.startswith("."):
            continue  # a temporary file left by a crash: never linked, not a record
        try:
            text = record.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        end = text.find("\n---", 3)
        for sha in _SHA_LINE.findall(text[: end if end > 0 else len(text)]):
            known.setdefault(sha, record)
    return known


def record_path(content: Path, record: Record) -> Path:
    day = record.date
    return content / f"{day.year:04d}/{day.month:02d}/{day.day:02d}/{record.slug}.md"


def write_unique(content: Path, record: Record) -> Path:
    """Write ``record`` never overwriting: the same slug on the same day gets ``-2``, ``-3``…"""
    base = record.slug
    for n in range(1, MAX_SLUG_SUFFIX):
        record.slug = base if n == 1 else f"{base}-{n}"
        path = record_path(content, record)
        try:
            write_new_record(path, record)
        except FileExistsError:
            continue
        return path
    raise NewsarchiveError(f"quá nhiều bản ghi có slug {base!r} trong ngày {record.date}", content)


@dataclass
class _Staged:
    """A record written to a temporary file, waiting to be synced and linked into place."""

    scrape: Path
    sha: str
    record: Record
    base_slug: str
    target: Path
    tmp: str


class _BatchWriter:
    """Writes records in batches: each batch's temporary files are written, then synced
    together (``sync_files``: one ``syncfs`` instead of an ``fsync`` per file), then
    linked to their paths.  Safety is as with ``write_new_record``: a record appears only once its
    data is on disk, and linking never replaces a file."""

    def __init__(self, content: Path, known: dict[str, Path], outcome: Outcome, bar: Any):
        self.content, self.known, self.outcome, self.bar = content, known, outcome, bar
        self.staged: list[_Staged] = []
        self.claimed: set[Path] = set()

    def add(self, scrape: Path, sha: str, record: Record) -> None:
        """Write ``record`` to a temporary file at the first free slug (see write_unique)."""
        base = record.slug
        for n in range(1, MAX_SLUG_SUFFIX):
            record.slug = base if n == 1 else f"{base}-{n}"
            target = record_path(self.content, record)
            if target not in self.claimed and not os.path.lexists(target):
                break
        else:
            raise NewsarchiveError(
                f"quá nhiều bản ghi có slug {base!r} trong ngày {record.date}", self.content
            )
        tmp = write_temp(target.parent, record, sync=False)
        self.staged.append(_Staged(scrape, sha, record, base, target, tmp))
        self.claimed.add(target)
        self.known[sha] = target  # a second copy in this batch is skipped
        if len(self.staged) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Sync the batch's temporary files, then link each into place."""
        staged, self.staged = self.staged, []
        self.claimed.clear()
        try:
            synced = self._sync(staged)
            for item in synced:
                self._link(item)
        finally:
            self.discard(staged)

    def _sync(self, staged: list[_Staged]) -> list[_Staged]:
        """The staged records whose data is now on disk (failures are reported)."""
        try:
            sync_files([item.tmp for item in staged])
            return staged
        except OSError:
            pass  # find out which: one by one
        synced = []
        for item in staged:
            try:
                sync_file(item.tmp)
            except OSError as error:
                self._failed(item, error)
            else:
                synced.append(item)
        return synced

    def _link(self, item: _Staged) -> None:
        try:
            try:
                os.link(item.tmp, item.target)
            except FileExistsError:  # taken since it was staged (another process)
                item.record.slug = item.base_slug
                item.target = write_unique(self.content, item.record)
        except (OSError, NewsarchiveError) as error:
            self._failed(item, error)
            return
        finally:
            os.unlink(item.tmp)
        self.known[item.sha] = item.target
        self.outcome.imported += 1

    def _failed(self, item: _Staged, error: Exception) -> None:
        self.known.pop(item.sha, None)
        self.outcome.failed += 1
        message = error.strerror if isinstance(error, OSError) and error.strerror else error
        self.bar.write(f"lỗi: {item.scrape}: {message}", file=sys.stderr)

    def discard(self, staged: list[_Staged] | None = None) -> None:
        """Remove temporary files not linked (after an error or an interruption)."""
        for item in self.staged if staged is None else staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(item.tmp)


BATCH_SIZE = 64
PARALLEL_FROM = 200  # below this, starting worker processes costs more than it saves
CHUNK = 256  # scrapes in flight at once: bounds memory on huge imports

_Parsed = tuple[Path, str, "ParsedArticle | Exception | None"]


def _parse_job(job: tuple[str, bytes, list[str], str]) -> ParsedArticle | NewsarchiveError:
    """Parse one scrape (in a worker process): the article, or the error to report."""
    name, raw, furniture, sha = job
    try:
        return parse_bytes(raw, name, furniture, sha)
    except NewsarchiveError as error:
        return error


def _batches(items: Iterable[Path], size: int) -> Iterator[list[Path]]:
    """``items`` in lists of ``size`` (``itertools.batched`` needs Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _parse_all(
    files: Iterable[Path], known: dict[str, Path], furniture: list[str], jobs: int
) -> Iterator[_Parsed]:
    """Read and parse scrapes in the given order, on ``jobs`` processes: yields
    ``(path, sha256, article | error | None)``; None means already imported (or the same
    bytes earlier in this run).  Order is kept, so slugs come out the same however many
    processes parse."""
    pool = None
    if jobs > 1:
        # imported here: multiprocessing costs ~20 ms of start-up to a one-process import
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
    seen: set[str] = set()
    try:
        for chunk in _batches(files, CHUNK if pool else 1):
            pending: list[tuple[Path, str, bytes | OSError | None]] = []
            for path in chunk:
                try:
                    raw = path.read_bytes()
                except OSError as error:
                    pending.append((path, "", error))
                    continue
                sha = hashlib.sha256(raw).hexdigest()
                duplicate = sha in known or sha in seen
                seen.add(sha)
                pending.append((path, sha, None if duplicate else raw))
            jobs_in = [
                (str(p), raw, furniture, sha) for p, sha, raw in pending if isinstance(raw, bytes)
            ]
            results = iter(
                pool.map(_parse_job, jobs_in, chunksize=16) if pool else map(_parse_job, jobs_in)
            )
            for path, sha, raw in pending:
                if isinstance(raw, OSError):
                    yield path, sha, raw
                elif raw is None:
                    yield path, sha, None
                else:
                    yield path, sha, next(results)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def run(args: argparse.Namespace) -> int:
    files = collect(args.paths)
    site = site_from_args(args, required=False)
    content: Path = args.content or (site.content if site else Path("content"))
    furniture = site.config.furniture if site else []
    known = known_hashes(content)
    imported_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    quiet = not progress.wanted()
    outcome = Outcome()
    bar: Any
    if quiet or len(files) < 2:
        bar = progress.NoBar(files)  # what a disabled tqdm bar does, without tqdm
    else:
        from tqdm import tqdm  # ~15 ms to import: only when a bar is drawn

        bar = tqdm(files, unit="bài", file=sys.stderr)
    writer = _BatchWriter(content, known, outcome, bar)
    jobs = args.jobs or (os.cpu_count() or 1 if len(files) >= PARALLEL_FROM else 1)
    try:
        for path, sha, parsed in _parse_all(bar, known, furniture, jobs):
            if parsed is None:
                outcome.skipped += 1
                earlier = known.get(sha, "một bản cào giống hệt ở trên")
                bar.write(f"bỏ qua: {path}: đã nhập thành {earlier}")
                continue
            try:
                if isinstance(parsed, Exception):
                    raise parsed
                record = parsed.to_record(imported=imported_at, fallback_date=args.date)
                writer.add(path, sha, record)
            except NewsarchiveError as error:
                outcome.failed += 1
                bar.write(f"lỗi: {error}", file=sys.stderr)
            except OSError as error:
                outcome.failed += 1
                bar.write(f"lỗi: {path}: {error.strerror or error}", file=sys.stderr)
        writer.flush()
    finally:
        writer.discard()
    bar.close()
    print(
        f"newsarchive import: đã nhập {outcome.imported}, bỏ qua {outcome.skipped}, "
        f"lỗi {outcome.failed}"
    )
    return 1 if outcome.failed else 0
