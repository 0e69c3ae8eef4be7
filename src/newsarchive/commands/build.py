"""``newsarchive build``: records → static site."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="build the static site")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("newsarchive build: not implemented yet")
