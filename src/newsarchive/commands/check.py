"""``newsarchive check``: find everything wrong with a site before publishing it."""

from __future__ import annotations

import argparse
import sys

from newsarchive.commands._site import add_site_option, site_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="kiểm tra bản ghi, site.yaml, people.yaml và liên kết (check the site)",
        description="Kiểm tra mọi bản ghi, site.yaml và people.yaml, dựng thử trang vào thư "
        "mục tạm, kiểm tra mọi liên kết và ảnh, và liệt kê những người có thể bị trùng.",
        epilog="ví dụ: newsarchive check --strict",
    )
    add_site_option(p)
    p.add_argument("--strict", action="store_true", help="coi cảnh báo (người có thể trùng) là lỗi")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsarchive.site.checks import check_site  # loaded only when checking

    site = site_from_args(args)
    assert site is not None
    report = check_site(site)
    for line in report.errors:
        print(f"lỗi: {line}")
    for line in report.warnings:
        print(f"cảnh báo: {line}")
    summary = (
        f"Đã kiểm tra {report.records} bản ghi: "
        f"{len(report.errors)} lỗi, {len(report.warnings)} cảnh báo."
    )
    print(summary, file=sys.stderr)
    failed = report.errors or (args.strict and report.warnings)
    return 1 if failed else 0
