"""From a record's text straight to its ``Record``, for the front matter the importer writes.

The general path reads the front matter into plain data (``fastyaml``'s reader, else YAML)
and ``Record.from_data`` validates that: ~80 µs a record, most of it building and walking
dicts that are thrown away.  ``dump_record`` (and so the importer) writes one shape: the
known keys at most once each — ``title``, ``date``, ``slug``, ``credit`` as ``key: scalar``,
``authors`` as a list of scalars, ``speakers``, ``people``, ``quotes``, ``images`` as lists
of mappings (or of names / captions), ``source`` as one nested mapping — every scalar
one-line plain or single-quoted.  ``make_record_reader`` reads that shape into the
``Record`` in one pass, typing scalars exactly as ``fastyaml`` does and applying the rules
of ``from_data``; anything else — another key or shape, a repeated key, ``draft``, a value
``from_data`` would reject, a character ``fastyaml`` leaves to YAML — gives None, and the
general path reads the record (and reports its error, with its line).

Each line is read once per process: what a line says (``token``) depends on the line
alone, and an archive repeats most of its lines (people, roles, credits, import times), so
tokens are memoised by line (a bounded table).

Strings are not normalised again.  The caller passes text already in NFC, and every value
is a slice of it cut next to a space, an apostrophe, a line break or other white space
(``str.strip``): characters that take part in no canonical composition and have combining
class 0, so no normalisation step reaches across them and the slice is in NFC too (the
body likewise, cut at line breaks).  ``tests/test_record_fastrecord.py`` checks that, and
that this reader gives what the general path gives on generated records."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from newsarchive.record.fastyaml import _KEY, _Fail, has_odd, make_scalar
from newsarchive.record.model import (
    SLUG_RE,
    Image,
    Person,
    Quote,
    Record,
    RecordValueError,
    Source,
    parse_date_value,
)

# token kinds: what one line of front matter is
_TOP = 0  # "key: value" (value: the raw scalar text) or "key:" (value None: a block)
_FIRST = 1  # "- field: value", the first line of a list's mapping item (value: its text)
_ITEM = 2  # "- value", a list's scalar item (value: its text)
_MORE = 3  # "  field: value": an item's or a nested mapping's next field (value: its text)

# the blocks: their fields in the model's order, how many lead as required, and whether
# "- text" stands for an item of the first field alone
_PERSON = ("name", "role", "id", "honorific")
_BLOCKS: dict[str, tuple[tuple[str, ...], int, bool]] = {
    "speakers": (_PERSON, 1, True),
    "people": (_PERSON, 1, True),
    "quotes": (("speaker", "text"), 2, False),
    "images": (("caption", "file"), 1, True),
    "source": (("file", "sha256", "imported", "date_line"), 0, False),
}
_SCALAR_KEYS = frozenset(("title", "date", "slug", "credit"))
_FIELD_INDEX = {key: {name: at for at, name in enumerate(fields)}
                for key, (fields, _, _) in _BLOCKS.items()}
MEMO_LINES = 50_000  # lines whose tokens are remembered (then the table starts again)


def make_record_reader(implicit_resolvers: dict) -> Callable[..., Record | None]:
    """``fast_record(text, people=None) -> Record | None`` (see the module's docstring).

    ``text`` is a record's whole text, BOM removed, in NFC.  With a ``people`` table the
    record shares what recurs across records: equal people are one ``Person`` (the table
    maps (name, role, id, honorific) to it), and authors, credits and the import's time
    and date line are interned strings; without one every ``Person`` is new.
    ``fast_record.forget()`` lets the memoised lines go (up to ~10 MB)."""
    scalar, plain = make_scalar(implicit_resolvers)
    plain = plain.__wrapped__  # lines are memoised here, values need not be too
    intern = sys.intern
    tokens: dict[str, tuple[int, str, Any]] = {}

    @lru_cache(maxsize=8192)
    def date_of(value: str) -> tuple[Any, Any]:
        """``parse_date_value(value)`` (dates and times are immutable: shared safely)."""
        if (len(value) == 10 and value[4] == "-" == value[7] and value.isascii()
                and value[:4].isdigit() and value[5:7].isdigit() and value[8:].isdigit()):
            try:  # YYYY-MM-DD: what _DATE_RE takes apart
                return dt.date(int(value[:4]), int(value[5:7]), int(value[8:])), None
            except ValueError:
                pass  # not a day: parse_date_value says so
        return parse_date_value(value)

    def text(raw: str) -> str | None:
        """A string field's value (``model._text`` of a string or null)."""
        # quoted, or plain: "[]" and "{}" (errors for from_data) are not plain
        value = scalar(raw) if raw[:1] == "'" else plain(raw)
        if value is None:
            return None
        return value.strip() or None

    def token(line: str) -> tuple[int, str, Any]:
        """What ``line`` says, as fastyaml's reader would read it; _Fail if unsure."""
        if has_odd(line):
            raise _Fail  # a character YAML might read otherwise than as text
        if line.startswith("- "):
            first = line[2:]
            match = _KEY.match(first)
            if match is None:
                return _ITEM, "", text(first)
            if match[2] is None:
                raise _Fail  # "- key:" starts a nested block, or is an odd scalar
            return _FIRST, match[1], text(match[2])
        if line.startswith("  "):
            match = _KEY.match(line, 2)
            if match is None or match[2] is None:
                raise _Fail
            return _MORE, match[1], text(match[2])
        match = _KEY.match(line)
        if match is None or not (match[1] in _SCALAR_KEYS or match[1] in _BLOCKS
                                 or match[1] == "authors"):
            raise _Fail  # an unknown key (kept in ``extra``), draft, …: the general path
        return _TOP, match[1], match[2]

    def fast_record(text_: str, people: dict | None = None) -> Record | None:
        if not text_.startswith("---\n"):
            return None
        end = text_.find("\n---\n", 3)
        if end >= 0:
            # the text after the fence less its leading and trailing line breaks, then one
            # line break: one slice when the text ends with a line break (as written)
            start, stop = end + 5, len(text_)
            while start < stop and text_[start] == "\n":
                start += 1
            while stop > start and text_[stop - 1] == "\n":
                stop -= 1
            if stop == start:
                body = ""
            elif stop < len(text_):
                body = text_[start : stop + 1]
            else:
                body = text_[start:] + "\n"
        elif text_.endswith("\n---"):
            end, body = len(text_) - 4, ""
        else:
            return None
        front = text_[4:end]
        if not front:
            return None
        try:
            return read(front.split("\n"), body, people)
        except (_Fail, RecordValueError):
            return None

    def read(lines: list[str], body: str, people: dict | None) -> Record:
        found: dict[str, Any] = {}
        memo = tokens
        if len(memo) > MEMO_LINES:
            memo.clear()
        block: str | None = None  # the block being read
        items: list = []  # its items (lists of field values), or the authors
        values: list | None = None  # the mapping item being read, or the nested mapping
        index: dict[str, int] = {}  # the block's fields
        got = 0  # the fields of ``values`` seen, by bit
        for line in lines:
            found_token = memo.get(line)
            if found_token is None:
                found_token = memo[line] = token(line)
            kind, name, value = found_token
            if kind == _TOP:
                if block is not None:
                    finish(found, block, items)
                    block = None
                if name in found:
                    raise _Fail  # a repeated key: YAML keeps the last, we decline
                if value is not None:
                    if name not in _SCALAR_KEYS:
                        raise _Fail  # an inline list or mapping
                    found[name] = value
                elif name in _SCALAR_KEYS:
                    raise _Fail  # "title:" with a block under it
                else:  # a block follows
                    found[name] = None
                    block, items, values, got = name, [], None, 0
                    index = _FIELD_INDEX.get(name, {})
            elif block is None:
                raise _Fail
            elif kind == _MORE:
                if values is None:
                    if block != "source" or items:
                        raise _Fail  # a list's field without "- ", or after "- text"
                    values = [None, None, None, None]
                    items.append(values)
                at = index.get(name)
                if at is None or got >> at & 1:
                    raise _Fail  # not a field of this block, or a repeated one
                got |= 1 << at
                values[at] = value
            elif block == "source":
                raise _Fail  # a list where the source's fields go
            elif block == "authors":
                if kind != _ITEM or value is None:
                    raise _Fail
                items.append(value)
            elif kind == _FIRST:
                at = index.get(name)
                if at is None:
                    raise _Fail
                values = [None] * len(index)
                values[at] = value
                got = 1 << at
                items.append(values)
            else:  # "- text": a name or a caption alone, which no field may follow
                if not _BLOCKS[block][2] or value is None:
                    raise _Fail
                item = [None] * len(index)
                item[0] = value
                items.append(item)
                values = None
        if block is not None:
            finish(found, block, items)
        return build(found, body, people)

    def finish(found: dict, block: str, items: list) -> None:
        if not items:
            raise _Fail  # "key:" alone is null; a nested block we do not take
        if block != "authors":
            required = _BLOCKS[block][1]
            for item in items:
                for at in range(required):
                    if item[at] is None:
                        raise _Fail
        found[block] = items

    def build(found: dict, body: str, people: dict | None) -> Record:
        raw_title = found.get("title")
        title = text(raw_title) if raw_title is not None else None
        if title is None:
            raise _Fail
        raw_date = found.get("date")
        if raw_date is None:
            raise _Fail
        date_text = scalar(raw_date)
        if type(date_text) is not str:
            raise _Fail
        day, time = date_of(date_text)
        slug = found.get("slug")
        if slug is not None:
            slug = scalar(slug)
            if slug is None:
                slug = ""
            elif type(slug) is not str or not SLUG_RE.match(slug):
                raise _Fail
        raw_credit = found.get("credit")
        credit = text(raw_credit) if raw_credit is not None else None
        authors = found.get("authors") or []
        source = found.get("source")
        if people is not None:
            authors = [intern(a) for a in authors]
            if credit:
                credit = intern(credit)
            if source is not None:
                source = source[0]
                if source[2]:
                    source[2] = intern(source[2])
                if source[3]:
                    source[3] = intern(source[3])
        elif source is not None:
            source = source[0]
        return Record(
            title=title,
            date=day,
            time=time,
            slug=slug or "",
            authors=authors,
            credit=credit,
            speakers=persons(found.get("speakers"), people),
            people=persons(found.get("people"), people),
            quotes=[Quote(*q) for q in found.get("quotes") or ()],
            images=[Image(*m) for m in found.get("images") or ()],
            source=Source(*source) if source is not None else None,
            body=body,
        )

    def persons(found: list[list] | None, people: dict | None) -> list[Person]:
        if not found:
            return []
        if people is None:
            return [Person(*fields) for fields in found]
        out = []
        for fields in found:
            person = people.get(tuple(fields))
            if person is None:
                key = tuple(intern(v) if v is not None else None for v in fields)
                person = people[key] = Person(*key)
            out.append(person)
        return out

    fast_record.forget = tokens.clear  # type: ignore[attr-defined]  # the memoised lines
    return fast_record
