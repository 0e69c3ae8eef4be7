"""``newsarchive import``: scrapes → records (issue 3 fills this in)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import scrapes as records")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("newsarchive import: not implemented yet")
