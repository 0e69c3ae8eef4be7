"""``newsarchive import``: scrapes → records under ``content/YYYY/MM/DD/<slug>.md``."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from newsarchive import progress
from newsarchive.commands._site import add_site_option, site_from_args
from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import SCRAPE_SUFFIXES, parse_bytes
from newsarchive.record.frontmatter import write_new_record
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
    return content / f"{day.year:04d}" / f"{day.month:02d}" / f"{day.day:02d}" / f"{record.slug}.md"


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


def run(args: argparse.Namespace) -> int:
    files = collect(args.paths)
    site = site_from_args(args, required=False)
    content: Path = args.content or (site.content if site else Path("content"))
    furniture = site.config.furniture if site else []
    known = known_hashes(content)
    imported_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    quiet = not progress.wanted()
    outcome = Outcome()
    bar = tqdm(files, unit="bài", disable=quiet or len(files) < 2, file=sys.stderr)
    for path in bar:
        try:
            raw = path.read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
            if sha in known:
                outcome.skipped += 1
                bar.write(f"bỏ qua: {path}: đã nhập thành {known[sha]}")
                continue
            article = parse_bytes(raw, str(path), furniture)
            record = article.to_record(imported=imported_at, fallback_date=args.date)
            written = write_unique(content, record)
        except NewsarchiveError as error:
            outcome.failed += 1
            bar.write(f"lỗi: {error}", file=sys.stderr)
            continue
        except OSError as error:
            outcome.failed += 1
            bar.write(f"lỗi: {path}: {error.strerror or error}", file=sys.stderr)
            continue
        known[sha] = written
        outcome.imported += 1
    bar.close()
    print(
        f"newsarchive import: đã nhập {outcome.imported}, bỏ qua {outcome.skipped}, "
        f"lỗi {outcome.failed}"
    )
    return 1 if outcome.failed else 0
