"""``newsarchive parse``: show what the parser extracts from scrapes."""

from __future__ import annotations

import argparse
import json
import sys

from newsarchive.commands._site import add_site_option, site_from_args
from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import ParsedArticle, parse_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="show what the parser extracts from scrapes",
        description="Cho xem trình phân tích đọc được gì từ các bản cào (không ghi gì).",
        epilog="ví dụ: newsarchive parse --json bai-1.txt bai-2.html",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    add_site_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per line per file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    site = site_from_args(args, required=False)
    furniture = site.config.furniture if site else []
    failed = 0
    for name in args.files:
        try:
            article = parse_file(name, furniture)
        except NewsarchiveError as error:
            failed += 1
            sys.stdout.flush()
            print(f"lỗi: {error}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(article.to_json(), ensure_ascii=False))
        else:
            print(summary(article))
    return 1 if failed else 0


def summary(article: ParsedArticle) -> str:
    """A readable account of one parse."""
    date = article.date.isoformat() if article.date else "—"
    rows = [
        f"== {article.source}",
        f"Tiêu đề (title):   {article.title}",
        f"Ngày (date):       {date}" + (f"   ← {article.date_line!r}" if article.date_line else ""),
        f"Tác giả (authors): {', '.join(article.authors) or '—'}",
        f"Nguồn (credit):    {article.credit or '—'}",
        f"Ảnh (captions):    {len(article.captions)}",
    ]
    rows.extend(f"  - {caption}" for caption in article.captions)
    words = sum(len(p.split()) for p in article.paragraphs)
    rows.append(f"Nội dung (body):   {len(article.paragraphs)} paragraphs, {words} words")
    if article.paragraphs:
        first = article.paragraphs[0]
        rows.append(f"  {first[:160]}{'…' if len(first) > 160 else ''}")
    for label, people in (
        ("Người nói (speakers)", article.speakers),
        ("Nhân vật (people)", article.people),
    ):
        if people:
            rows.append(
                f"{label}: "
                + "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people)
            )
    return "\n".join(rows) + "\n"
