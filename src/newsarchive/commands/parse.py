"""``newsarchive parse``: show what the parser extracts (issue 3 fills this in)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="show what the parser extracts from scrapes")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("newsarchive parse: not implemented yet")
