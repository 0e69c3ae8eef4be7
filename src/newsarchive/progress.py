"""Progress bars for long operations: shown on a terminal, silent in CI or when piped."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def wanted(stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: ``stream`` (default stderr) is a terminal and ``CI`` is unset."""
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


class NoBar:
    """What the commands use of a disabled ``tqdm`` bar, without importing tqdm."""

    def __init__(self, items: Iterable[T]):
        self.items = items

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    @staticmethod
    def write(text: str, file: TextIO | None = None) -> None:
        """``tqdm.write``: the line on ``file`` (default stdout)."""
        print(text, file=file or sys.stdout)

    def close(self) -> None:
        pass


def progress(items: Iterable[T], desc: str = "", total: int | None = None) -> Iterator[T]:
    """Iterate ``items``, drawing a bar on stderr when ``wanted()``; the bar is removed when
    done so the terminal keeps only the results."""
    if not wanted():
        yield from items
        return
    from tqdm import tqdm  # ~15 ms to import: only when a bar is drawn

    yield from tqdm(items, desc=desc, total=total, leave=False, unit=" tệp", file=sys.stderr)
