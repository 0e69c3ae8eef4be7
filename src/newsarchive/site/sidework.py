"""Work a rebuild does on another core while it loads: listing the content, checking output.

A rebuild must list and stat every record file (which changed?) and stat every output file
(which did someone else change or remove?): ~25 + ~30 ms at 3,000 articles, ~80 + ~100 ms
at 10,000.  Neither needs the records, so where ``fork`` is available a child process does
both while this one unpickles the record cache and lays out the archive, and sends each
answer as soon as it has it (``ForkedTasks``); elsewhere, or if the child fails, each task
is done here when its answer is asked for."""

from __future__ import annotations

import os
import pickle
import struct
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsarchive.site.cache import folders_file, scan_content

if TYPE_CHECKING:
    from newsarchive.site.manifest import Manifest

_LENGTH = struct.Struct("<Q")


def changed_files(root: str, files: dict[str, tuple[str, int, int]]) -> set[str]:
    """The relative paths in ``files`` (path → (fingerprint, size, mtime_ns)) whose file
    under ``root`` is missing or not of that size and mtime."""
    prefix = os.path.join(root, "")
    stat = os.stat
    out = set()
    for relative, (_fingerprint, size, mtime) in files.items():
        try:
            found = stat(prefix + relative)
        except OSError:
            out.add(relative)
            continue
        if found.st_size != size or found.st_mtime_ns != mtime:
            out.add(relative)
    return out


class ForkedTasks:
    """Run ``tasks`` (functions of no arguments, with picklable results) in order on a
    forked child, now; ``result(i)`` is task ``i``'s result, as if it were called here."""

    def __init__(self, tasks: list[Callable[[], Any]]):
        self.tasks = tasks
        self._results: list[Any] = []  # received so far, in order
        self._pid = 0
        self._pipe = -1
        self._buffer = b""
        if tasks and hasattr(os, "fork") and _single_threaded():
            self._start()

    @property
    def forked(self) -> bool:
        return bool(self._pid) or self._pipe >= 0

    def _start(self) -> None:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: answer each task in turn, then leave without clean-up
            code = 1
            try:
                os.close(read)
                for task in self.tasks:
                    data = pickle.dumps(task(), protocol=5)
                    view = memoryview(_LENGTH.pack(len(data)) + data)
                    while view:
                        view = view[os.write(write, view):]
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self, index: int) -> Any:
        """Task ``index``'s result: the child's (waiting for it), or computed here."""
        while len(self._results) <= index and self._pipe >= 0:
            message = self._receive()
            if message is None:  # the child failed: the rest is done here
                self.close()
                break
            self._results.append(pickle.loads(message))
        if len(self._results) <= index:
            return self.tasks[index]()
        return self._results[index]

    def _receive(self) -> bytes | None:
        """The next message from the child, or None if it ended before sending it whole."""
        while True:
            if len(self._buffer) >= _LENGTH.size:
                (length,) = _LENGTH.unpack_from(self._buffer)
                end = _LENGTH.size + length
                if len(self._buffer) >= end:
                    message, self._buffer = self._buffer[_LENGTH.size:end], self._buffer[end:]
                    return message
            chunk = os.read(self._pipe, 1 << 20)
            if not chunk:
                return None
            self._buffer += chunk

    def close(self) -> None:
        """Stop listening to the child and reap it (idempotent)."""
        if self._pipe >= 0:
            os.close(self._pipe)  # a child still writing gets EPIPE and leaves
            self._pipe = -1
        if self._pid:
            pid, self._pid = self._pid, 0
            os.waitpid(pid, 0)


def _single_threaded() -> bool:
    """Forking a process with other threads running can copy a lock some thread holds (the
    development server builds from its watcher thread): check here then."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class Sidework:
    """A rebuild's side work, on a ``ForkedTasks`` child: ``scanned()`` is the content
    scan (``cache.scan_content``) when the record cache is used, ``changed()`` the output
    files changed since the ``last`` build's manifest (``changed_files``)."""

    def __init__(self, content: Path, cache_dir: Path | None, last: Manifest | None):
        tasks: list[Callable[[], Any]] = []
        self._scan = self._check = -1
        if cache_dir is not None:
            self._scan = len(tasks)
            tasks.append(partial(scan_content, content, folders_file(cache_dir)))
        if last is not None:
            self._check = len(tasks)
            tasks.append(partial(changed_files, str(last.output), last.files))
        self.tasks = ForkedTasks(tasks)

    def scanned(self) -> tuple | None:
        return self.tasks.result(self._scan) if self._scan >= 0 else None

    def changed(self) -> set[str]:
        if self._check < 0:
            raise RuntimeError("no manifest to check the output against")
        return self.tasks.result(self._check)

    def close(self) -> None:
        self.tasks.close()
