"""A fast path for reading the front matter our own dumper writes, with YAML as the rule.

``dump_record`` writes block-style YAML of a fixed shape: top-level ``key: scalar`` lines,
lists (``- scalar`` or ``- key: scalar`` items with ``  key: scalar`` continuation lines)
and one level of nested mapping, every scalar plain or single-quoted on one line.  PyYAML,
even with libyaml, spends ~0.5 ms a record building that in Python; this reader takes only
that shape and returns None for anything else — a double-quoted or multi-line scalar, a
comment, an anchor, a flow collection, deeper nesting, a plain scalar that YAML would read
as anything but a string or null — and the caller then asks YAML.  Plain scalars are typed
by YAML's own resolver patterns (with the record loader's rules), tried as
``Resolver.resolve`` tries them.  ``tests/test_perf_fastyaml.py``
compares it with ``yaml.load`` on generated documents."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?\Z")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` \t")
# anything YAML might read otherwise than as text: line breaks besides "\n" (CR, NEL, LS,
# PS), tabs, control and non-printable characters, a BOM
_ODD = "[^\x20-\x7e\n\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"


@cache
def _odd() -> re.Pattern[str]:
    return re.compile(_ODD)  # ~3 ms to compile (a bitmap of the BMP): on first need only


def has_odd(text: str) -> bool:
    """Whether ``text`` holds one of the ``_ODD`` characters.  Every one of them is
    non-printable (``tests/test_perf_fastyaml.py`` checks all of Unicode), so a printable
    text has none, without the regular expression."""
    return not text.isprintable() and _odd().search(text) is not None
_NULL = "tag:yaml.org,2002:null"


class _Fail(Exception):
    """Not the shape this reader takes: let YAML read it."""


def make_scalar(implicit_resolvers: dict) -> tuple[Any, Any]:
    """``(scalar, plain)``: the value of a one-line scalar (``scalar(text)``: single-quoted,
    ``[]``, ``{}`` or plain) and of a plain one (``plain(text)``), typed by these resolvers
    with the record loader's rules; both raise ``_Fail`` for what they do not take."""

    # what ``Resolver.resolve`` tries for a plain scalar, by its first character (the
    # patterns filed under it, then those filed under None); most characters have none,
    # so most text is a string without a call
    wildcard = list(implicit_resolvers.get(None, []))
    by_first = {first: tuple(resolvers) + tuple(wildcard)
                for first, resolvers in implicit_resolvers.items() if first is not None}
    default = tuple(wildcard)

    @lru_cache(maxsize=4096)
    def plain(value: str) -> str | None:
        if (not value or value[0] in _INDICATORS or value[-1] in " \t:" or ": " in value
                or " #" in value or "\t" in value):
            raise _Fail
        for tag, regexp in by_first.get(value[0], default):
            if regexp.match(value):
                if tag == _NULL and value in ("null", "~", "Null", "NULL"):
                    return None
                raise _Fail  # booleans, numbers, …: rare in records, YAML knows best
        return value

    def scalar(text: str | None) -> Any:
        if text is None:
            raise _Fail  # a nested block after "key:" is handled by the caller
        if text.startswith("'"):
            inner = text[1:-1]
            if len(text) < 2 or not text.endswith("'") or "'" in inner.replace("''", ""):
                raise _Fail
            return inner.replace("''", "'")
        if text == "[]":
            return []
        if text == "{}":
            return {}
        return plain(text)

    return scalar, plain


def make_reader(implicit_resolvers: dict) -> Any:
    """A ``fast_front(text) -> dict | None`` typing plain scalars with these resolvers."""

    scalar, plain = make_scalar(implicit_resolvers)

    def pair(line: str) -> tuple[str, str | None]:
        match = _KEY.match(line)
        if match is None or plain(match[1]) != match[1]:  # "true:" is a boolean key
            raise _Fail
        return match[1], match[2]

    def fast_front(text: str) -> dict | None:
        if has_odd(text):
            return None
        try:
            return _read(text.split("\n"))
        except _Fail:
            return None

    def _read(lines: list[str]) -> dict:
        data: dict[str, Any] = {}
        i, count = 0, len(lines)
        while i < count:
            key, rest = pair(lines[i])
            i += 1
            if rest is not None:
                data[key] = scalar(rest)
                continue
            if i < count and lines[i].startswith("- "):
                data[key], i = _sequence(lines, i)
            elif i < count and lines[i].startswith("  ") and lines[i][2:3] not in (" ", "-"):
                nested: dict[str, Any] = {}
                while i < count and lines[i].startswith("  "):
                    k, v = pair(lines[i][2:])
                    nested[k] = scalar(v)
                    i += 1
                data[key] = nested
            else:
                raise _Fail  # "key:" alone is null in YAML, or something else: ask YAML
        return data

    def _sequence(lines: list[str], i: int) -> tuple[list, int]:
        items: list[Any] = []
        count = len(lines)
        while i < count and lines[i].startswith("- "):
            first = lines[i][2:]
            i += 1
            match = _KEY.match(first)
            if match is None or match[2] is None and first.endswith(":"):
                if i < count and lines[i].startswith("  "):
                    raise _Fail
                items.append(scalar(first))
                continue
            item = {match[1]: scalar(match[2])}
            while i < count and lines[i].startswith("  "):
                k, v = pair(lines[i][2:])
                item[k] = scalar(v)
                i += 1
            items.append(item)
        return items, i

    return fast_front
