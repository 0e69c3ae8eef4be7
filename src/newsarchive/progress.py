"""Progress bars for long operations: shown on a terminal, silent in CI or when piped."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def wanted(stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: ``stream`` (default stderr) is a terminal and ``CI`` is unset."""
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


def progress(items: Iterable[T], desc: str = "", total: int | None = None) -> Iterator[T]:
    """Iterate ``items``, drawing a bar on stderr when ``wanted()``; the bar is removed when
    done so the terminal keeps only the results."""
    if not wanted():
        yield from items
        return
    yield from tqdm(items, desc=desc, total=total, leave=False, unit=" tệp", file=sys.stderr)
