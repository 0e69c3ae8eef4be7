"""``newsarchive init``: create a site folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsarchive.site.scaffold import create_site


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="tạo thư mục trang mới (create a site folder)",
        description="Tạo thư mục trang: site.yaml, content/, templates/, static/, people.yaml.",
        epilog='ví dụ: newsarchive init luu-tru --title "Kho lưu trữ tin bài"',
    )
    p.add_argument("dir", type=Path, metavar="DIR", help="thư mục sẽ tạo")
    p.add_argument("--title", default="Kho lưu trữ tin bài", help="tên trang")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for path in create_site(args.dir, args.title):
        print(f"đã tạo {path}{'/' if path.is_dir() else ''}")
    print(f'Tiếp theo: cd {args.dir} && newsarchive new --title "…" --date YYYY-MM-DD')
    return 0
