"""``newsarchive build``: records → static site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive.commands._site import add_site_option, site_from_args
from newsarchive.site.config import build_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build the static site from the records",
        description="Dựng trang tĩnh từ các bản ghi (build the static site).",
        epilog="ví dụ: newsarchive build --base-url https://example.org/archive/",
    )
    add_site_option(p)
    p.add_argument("--content", type=Path, help="records folder (default: the site's content/)")
    p.add_argument("--output", type=Path, help="output folder (default: the site's public/)")
    p.add_argument("--base-url", help="where the site will be hosted (default: site.yaml)")
    p.add_argument(
        "--keep-going", action="store_true", help="build the good records, report the bad"
    )
    p.add_argument(
        "--no-search", action="store_true", help="skip the Pagefind full-text search index"
    )
    p.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N",
        help="render with N processes (default: one per core)",
    )
    p.add_argument(
        "--no-cache", action="store_true",
        help="ignore the record cache and build manifest: a cold, full build",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsarchive.site.build import BuildOptions, build_site  # the renderer: loaded only here

    site = site_from_args(args, required=False)
    flags = {"content": args.content, "output": args.output, "base_url": args.base_url}
    if site is not None:
        options = build_options(site, keep_going=args.keep_going, **flags)
    else:  # no site.yaml: plain content/ → public/ in the current folder
        options = BuildOptions(keep_going=args.keep_going)
        for name, value in flags.items():
            if value is not None:
                setattr(options, name, value)
    options.search = not args.no_search
    options.jobs = args.jobs
    options.cache = not args.no_cache
    result = build_site(options)
    for problem in result.problems:
        print(f"lỗi: {problem}", file=sys.stderr)
    print(f"Đã dựng {result.pages} trang cho {result.articles} bài vào {options.output}/")
    if result.problems:
        print(f"newsarchive: {len(result.problems)} bản ghi lỗi bị bỏ qua.", file=sys.stderr)
        return 1
    return 0
