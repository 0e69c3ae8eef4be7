"""``newsarchive build``: records → static site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive.site import BuildOptions, build_site


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build the static site from the records",
        description="Dựng trang tĩnh từ các bản ghi (build the static site).",
        epilog="ví dụ: newsarchive build --base-url https://example.org/archive/",
    )
    p.add_argument("--content", type=Path, default=Path("content"), help="records folder")
    p.add_argument("--output", type=Path, default=Path("public"), help="output folder")
    p.add_argument("--base-url", default="/", help="where the site will be hosted")
    p.add_argument(
        "--keep-going", action="store_true", help="build the good records, report the bad"
    )
    p.add_argument(
        "--no-search", action="store_true", help="skip the Pagefind full-text search index"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = build_site(
        BuildOptions(
            content=args.content,
            output=args.output,
            base_url=args.base_url,
            keep_going=args.keep_going,
            search=not args.no_search,
        )
    )
    for problem in result.problems:
        print(f"lỗi: {problem}", file=sys.stderr)
    print(f"Đã dựng {result.pages} trang cho {result.articles} bài vào {args.output}/")
    if result.problems:
        print(f"newsarchive: {len(result.problems)} bản ghi lỗi bị bỏ qua.", file=sys.stderr)
        return 1
    return 0
