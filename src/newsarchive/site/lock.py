"""One build at a time per output folder: an advisory lock beside it (never inside it)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsarchive.errors import NewsarchiveError


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold ``.<output>.lock`` while building; a second build on the same output is refused
    with a clear message instead of racing the first."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NewsarchiveError(
                "một lần dựng khác đang ghi vào thư mục này; hãy đợi nó xong", output
            ) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock
