"""The ``newsarchive`` command line: a thin layer over the packages below it.

Each sub-command lives in ``newsarchive.commands.<name>`` and provides ``register(subparsers)``
(which sets ``func`` on its parser) .  Errors the user can fix print as one line, never a
traceback, and exit non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsarchive import __version__
from newsarchive.errors import BuildFailed, NewsarchiveError

COMMANDS = ("build", "parse", "import_", "init", "new", "serve", "check")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description="Trình tạo trang tĩnh cho kho lưu trữ báo chí tiếng Việt "
        "(a static site generator for Vietnamese news archives).",
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"newsarchive.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BuildFailed as failed:
        for problem in failed.problems:
            print(f"lỗi: {problem}", file=sys.stderr)
        print(f"newsarchive: {len(failed.problems)} lỗi, không ghi gì.", file=sys.stderr)
        return 1
    except NewsarchiveError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsarchive: đã dừng (interrupted).", file=sys.stderr)
        return 130
