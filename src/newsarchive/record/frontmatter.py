"""Reading and writing records: YAML front matter between ``---`` lines, then Markdown."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from newsarchive.errors import NewsarchiveError
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


def parse_record(text: str, path: str | Path = "<record>") -> Record:
    """Parse a record's text; raise NewsarchiveError with ``path:line`` on any problem."""
    text = nfc(text.removeprefix("\ufeff"))
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != FENCE:
        raise NewsarchiveError("bản ghi phải bắt đầu bằng dòng '---' (phần đầu YAML)", path, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") in (FENCE, "...")), None)
    if end is None:
        raise NewsarchiveError(
            "phần đầu YAML mở ở dòng 1 nhưng không có dòng '---' đóng lại", path, 1
        )
    front = "\n".join(lines[1:end])
    try:
        data = yaml.load(front, Loader=_RecordLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        raise NewsarchiveError(f"YAML không hợp lệ: {exc.problem or exc}", path, line) from None
    except yaml.YAMLError as exc:
        raise NewsarchiveError(f"YAML không hợp lệ: {exc}", path, 1) from None
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
    front = yaml.dump(
        record.to_data(),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
    body = record.body.strip("\n")
    return f"{FENCE}\n{front}{FENCE}\n\n{body}\n" if body else f"{FENCE}\n{front}{FENCE}\n"


def write_new_record(path: Path, record: Record) -> None:
    """Write a record atomically and never over an existing file (FileExistsError if any)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".md", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dump_record(record))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.link(tmp, path)  # fails with FileExistsError rather than replacing
    finally:
        os.unlink(tmp)
