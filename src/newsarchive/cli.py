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


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of ``command`` (importing one command module,
    not all of them, saves ~0.1 s at the start of every ``build``)."""
    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description="Trình tạo trang tĩnh cho kho lưu trữ báo chí tiếng Việt "
        "(a static site generator for Vietnamese news archives).",
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    names = [command] if command in COMMANDS else COMMANDS
    for name in names:
        module = importlib.import_module(f"newsarchive.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    first = {"import": "import_"}.get(words[0], words[0]) if words else None
    parser = make_parser(first)
    args = parser.parse_args(words)
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
