"""Reading and writing records: YAML front matter between ``---`` lines, then Markdown."""

from __future__ import annotations

import functools
import itertools
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from newsarchive.errors import NewsarchiveError, yaml_error
from newsarchive.record.fastrecord import make_record_reader
from newsarchive.record.fastyaml import make_reader
from newsarchive.record.model import Record, RecordValueError
from newsarchive.vi.text import nfc

try:  # libyaml is much faster; both loaders are safe (no object construction)
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FENCE = "---"


class _RecordLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves dates as text, so ``Record`` validates them itself (an
    impossible ``2024-02-31`` becomes a clear error, not a crash inside YAML)."""


_RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


_fast_front = make_reader(_RecordLoader.yaml_implicit_resolvers)
# text in NFC → Record, or None: the importer's shape in one pass (``fastrecord``)
fast_record = make_record_reader(_RecordLoader.yaml_implicit_resolvers)


def parse_record(text: str, path: str | Path = "<record>") -> Record:
    """Parse a record's text; raise NewsarchiveError with ``path:line`` on any problem."""
    text = nfc(text.removeprefix("\ufeff"))
    return fast_record(text) or parse_general(text, path)


def parse_general(text: str, path: str | Path = "<record>") -> Record:
    """``parse_record`` of text already in NFC, without ``fast_record`` (what it is
    checked against)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != FENCE:
        raise NewsarchiveError("bản ghi phải bắt đầu bằng dòng '---' (phần đầu YAML)", path, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") in (FENCE, "...")), None)
    if end is None:
        raise NewsarchiveError(
            "phần đầu YAML mở ở dòng 1 nhưng không có dòng '---' đóng lại", path, 1
        )
    front = "\n".join(lines[1:end])
    data = _fast_front(front)  # the shape dump_record writes, or None: ask YAML
    try:
        if data is None:
            data = yaml.load(front, Loader=_RecordLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, first_line=2) from None
    if not isinstance(data, dict):
        raise NewsarchiveError(
            f"phần đầu phải là các dòng 'khoá: giá trị', nhưng là {type(data).__name__}", path, 2
        )
    body = "\n".join(lines[end + 1 :]).strip("\n")
    try:
        return Record.from_data(data, body + "\n" if body else "")
    except RecordValueError as exc:
        raise NewsarchiveError(str(exc), path, _key_line(lines[1:end], exc.key)) from None


def _key_line(front_lines: list[str], key: str) -> int:
    for number, line in enumerate(front_lines, start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def load_record(path: str | Path) -> Record:
    """Read a record file (UTF-8, BOM tolerated)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NewsarchiveError(f"không đọc được bản ghi: {exc.strerror}", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NewsarchiveError(
            f"bản ghi không ở dạng UTF-8 (byte 0x{raw[exc.start]:02x}); hãy lưu lại bằng UTF-8",
            path,
            line,
        ) from None
    return parse_record(text, path)


def dump_record(record: Record) -> str:
    """The record as text: front matter in documented key order, then the Markdown body."""
    data = record.to_data()
    front = _dump_front_fast(data)
    if front is None:
        front = _dump_front_yaml(data)
    body = record.body.strip("\n")
    return f"{FENCE}\n{front}{FENCE}\n\n{body}\n" if body else f"{FENCE}\n{front}{FENCE}\n"


def _dump_front_yaml(data: dict[str, Any]) -> str:
    """Front matter written by PyYAML (libyaml's emitter)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )


# A record's front matter has one shape: a mapping of scalars, of lists of scalars or of
# one-level mappings, and of one-level mappings.  ``_dump_front_fast`` writes that shape
# byte for byte as ``_dump_front_yaml`` does, for the strings whose YAML style is certain:
# plain, or single-quoted when plain would read back as another type (``'2024-06-21'``)
# or an indicator forbids it (``': '``, ``' #'``, a leading ``"``).  Anything else (line
# breaks, control or unusual characters, leading or trailing spaces, very long strings,
# empty collections, other types) gives None and PyYAML writes the whole front matter.
# tests/test_record_fastdump.py checks the equality with hypothesis.
_SAFE_CHARS = "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+"


@functools.cache
def _safe_chars() -> re.Pattern[str]:
    return re.compile(_SAFE_CHARS)  # ~1.5 ms to compile: only when records are written
_PLAIN_FIRST_BAD = frozenset("#,[]{}&*!|>'\"%@`?:-. ")
_QUOTE_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
_MAX_FAST_CHARS = 4000  # far below the emitter's line width (10 000)
_STR_TAG = "tag:yaml.org,2002:str"
_resolve = _Dumper.resolve
# The resolver tries only the patterns filed under a scalar's first character (and None's).
_RESOLVED_FIRST = frozenset(k for k in _Dumper.yaml_implicit_resolvers if k is not None)
_ANY_FIRST = None in _Dumper.yaml_implicit_resolvers
# PyYAML's implicit types (bool, null, numbers, dates…) are all spelt in ASCII: when no
# pattern can match a character outside ASCII (ASCII pattern, no class escape or bare dot,
# case-sensitive), a string holding one (most Vietnamese text) is a plain string.
_ASCII_TYPES = all(
    regexp.pattern.isascii()
    and not regexp.flags & re.IGNORECASE
    and not re.search(r"\\[dDsSwWbB]|(?<!\\)\.", regexp.pattern)
    for resolvers in _Dumper.yaml_implicit_resolvers.values()
    for _, regexp in resolvers
)


def _fast_scalar(value: object) -> str | None:
    """``value`` as the emitter writes it after ``key: `` or ``- ``, or None if unsure."""
    if type(value) is str:
        if len(value) > _MAX_FAST_CHARS or not _safe_chars().fullmatch(value):
            return None
        first, last = value[0], value[-1]
        if first == " " or last == " ":
            return None
        if first in _QUOTE_FIRST or ": " in value or " #" in value or last == ":":
            return "'" + value.replace("'", "''") + "'"  # an indicator: never plain
        if first in _PLAIN_FIRST_BAD:
            return None
        if (
            (first in _RESOLVED_FIRST or _ANY_FIRST)
            and not (_ASCII_TYPES and not value.isascii())
            and _resolve(_Dumper, yaml.ScalarNode, value, (True, False)) != _STR_TAG
        ):
            return "'" + value.replace("'", "''") + "'"  # "2024-06-21", "null", "12"
        return value
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return None


def _fast_key(key: object) -> str | None:
    """``key`` if the emitter writes it plain, else None."""
    if key in _PLAIN_KEYS:
        return key  # type: ignore[return-value]
    return key if type(key) is str and _fast_scalar(key) == key else None


_PLAIN_KEYS = frozenset(
    ("title", "date", "slug", "authors", "credit", "speakers", "people", "quotes", "images")
    + ("source", "draft", "name", "role", "id", "honorific", "speaker", "text", "caption")
    + ("file", "sha256", "imported", "date_line")
)


def _dump_front_fast(data: dict[str, Any]) -> str | None:
    """``_dump_front_yaml(data)`` for the usual record, else None (see above)."""
    out: list[str] = []
    add = out.append
    for key, value in data.items():
        if _fast_key(key) is None:
            return None
        if type(value) is list or type(value) is dict:
            if not value:
                return None
            add(f"{key}:\n")
            items = [value] if type(value) is dict else value
            lead, rest = ("  ", "  ") if type(value) is dict else ("- ", "  ")
            for item in items:
                if type(item) is dict:
                    if not item:
                        return None
                    prefix = lead
                    for sub_key, sub_value in item.items():
                        text = _fast_scalar(sub_value)
                        if text is None or _fast_key(sub_key) is None:
                            return None
                        add(f"{prefix}{sub_key}: {text}\n")
                        prefix = rest
                elif items is value:
                    text = _fast_scalar(item)
                    if text is None:
                        return None
                    add(f"- {text}\n")
                else:
                    return None
            continue
        text = _fast_scalar(value)
        if text is None:
            return None
        add(f"{key}: {text}\n")
    return "".join(out) if out else None


def write_new_record(path: Path, record: Record) -> None:
    """Write a record atomically and never over an existing file (FileExistsError if any):
    the text goes to a temporary file in the same folder, is synced, then hard-linked to
    ``path`` (linking never replaces a file), so a crash leaves no partial record."""
    tmp = write_temp(path.parent, record)
    try:
        os.link(tmp, path)  # fails with FileExistsError rather than replacing
    finally:
        os.unlink(tmp)


def write_temp(folder: Path, record: Record, sync: bool = True) -> str:
    """Write ``record`` to a new hidden temporary file in ``folder`` (made if missing) and
    return its path; with ``sync=False`` the caller must ``sync_file`` it before linking."""
    data = dump_record(record).encode("utf-8")
    try:
        fd, tmp = _create_temp(folder)
    except (FileNotFoundError, NotADirectoryError):  # no folder yet: make it (once)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(folder)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def sync_files(paths: list[str]) -> None:
    """Flush the written files ``paths`` to disk: on Linux one ``syncfs`` per file system
    they are on (one journal commit for a whole batch), elsewhere ``fsync`` each.
    OSError if that fails (the caller may then ``sync_file`` each to find which)."""
    syncfs = _load_syncfs()
    if syncfs is None:
        for path in paths:
            sync_file(path)
        return
    folders = {os.path.dirname(path) for path in paths}
    devices = {os.stat(folder).st_dev: folder for folder in folders}
    for folder in devices.values():
        fd = os.open(folder, os.O_RDONLY | _O_CLOEXEC)
        try:
            if syncfs(fd) != 0:
                import ctypes

                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), folder)
        finally:
            os.close(fd)


@functools.cache
def _load_syncfs() -> Any:
    """libc's ``syncfs`` (Linux), or None; loaded on first use (ctypes takes ~5 ms to
    import, and only ``newsarchive import`` writes records)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None



def sync_file(path: str) -> None:
    """Flush a written file's data to disk (``fsync``)."""
    fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_temp_numbers = itertools.count()


def _create_temp(folder: Path) -> tuple[int, str]:
    """A new ``.tmp-PID-N.md`` in ``folder`` opened for writing, mode 0644 (what
    ``tempfile.mkstemp`` did, without its random names and extra calls)."""
    while True:
        tmp = os.path.join(folder, f".tmp-{os.getpid()}-{next(_temp_numbers)}.md")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _O_CLOEXEC, 0o644)
        except FileExistsError:
            continue  # left by a crashed process that had the same id
        os.fchmod(fd, 0o644)  # whatever the umask, as before
        return fd, tmp


_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
