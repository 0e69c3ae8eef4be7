"""Typed model of an article record, with validation from plain YAML data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from newsarchive.vi.text import fold, nfc, slugify_vi

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$"
)
KNOWN_KEYS = (
    "title",
    "date",
    "slug",
    "authors",
    "credit",
    "speakers",
    "people",
    "quotes",
    "images",
    "source",
    "draft",
)


class RecordValueError(ValueError):
    """A front-matter value is missing or has the wrong type; ``key`` names it."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key


@dataclass(slots=True)
class Person:
    """A person named in an article, with the role they held in it."""

    name: str
    role: str | None = None
    id: str | None = None  # explicit identity, overriding the normalised name (people.yaml)
    honorific: str | None = None  # "đồng chí", "ông", "PGS.TS", … kept apart from the name

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "role": self.role}
        if self.id:
            data["id"] = self.id
        if self.honorific:
            data["honorific"] = self.honorific
        return data


@dataclass(slots=True)
class Quote:
    """A direct quotation attributed to a speaker."""

    speaker: str
    text: str

    def to_data(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text}


@dataclass(slots=True)
class Image:
    """A photo of the article: its caption and, optionally, its file."""

    caption: str
    file: str | None = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"caption": self.caption}
        if self.file:
            data["file"] = self.file
        return data


@dataclass(slots=True)
class Source:
    """Where a record came from: the scrape's file name, its sha256, when it was imported,
    and the raw line the publication date was read from."""

    file: str | None = None
    sha256: str | None = None
    imported: str | None = None
    date_line: str | None = None

    def to_data(self) -> dict[str, Any]:
        return {k: v for k in ("file", "sha256", "imported", "date_line")
                if (v := getattr(self, k)) is not None}


@dataclass
class Record:
    """One article.  ``body`` is Markdown; everything else is front matter."""

    title: str
    date: dt.date
    time: dt.time | None = None
    slug: str = ""
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    speakers: list[Person] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    source: Source | None = None
    draft: bool = False
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept on round-trip

    def __post_init__(self) -> None:
        if not self.slug:
            self.slug = default_slug(self.title)

    @property
    def date_string(self) -> str:
        """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` as written in front matter."""
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()} {self.time.strftime('%H:%M')}"

    def to_data(self) -> dict[str, Any]:
        """Front matter as plain data, in the documented key order, empty fields left out."""
        data: dict[str, Any] = {"title": self.title, "date": self.date_string}
        if self.slug != default_slug(self.title):
            data["slug"] = self.slug
        if self.authors:
            data["authors"] = list(self.authors)
        if self.credit:
            data["credit"] = self.credit
        for key in ("speakers", "people", "quotes", "images"):
            items = getattr(self, key)
            if items:
                data[key] = [item.to_data() for item in items]
        if self.source and self.source.to_data():
            data["source"] = self.source.to_data()
        if self.draft:
            data["draft"] = True
        data.update(self.extra)
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any], body: str = "") -> Record:
        """Validate front-matter data; raise RecordValueError naming the first bad key."""
        title = _text(data, "title", required=True)
        assert title is not None
        day, time = parse_date_value(data.get("date"))
        slug = data.get("slug")
        if slug is not None and (not isinstance(slug, str) or not SLUG_RE.match(slug)):
            raise RecordValueError(
                "slug", f"chỉ gồm chữ thường không dấu, số và dấu gạch ngang, nhưng là {slug!r}"
            )
        draft = data.get("draft", False)
        if not isinstance(draft, bool):
            raise RecordValueError("draft", f"phải là true hoặc false, nhưng là {draft!r}")
        source = data.get("source")
        if source is not None and not isinstance(source, dict):
            raise RecordValueError("source", "phải gồm các khoá file, sha256, imported")
        return cls(
            title=title,
            date=day,
            time=time,
            slug=slug or "",
            authors=_text_list(data, "authors"),
            credit=_text(data, "credit"),
            speakers=[
                Person(**p)
                for p in _mappings(data, "speakers", ("name", "role", "id", "honorific"), "name")
            ],
            people=[
                Person(**p)
                for p in _mappings(data, "people", ("name", "role", "id", "honorific"), "name")
            ],
            quotes=[
                Quote(**q)
                for q in _mappings(data, "quotes", ("speaker", "text"), "speaker", "text")
            ],
            images=[Image(**i) for i in _mappings(data, "images", ("caption", "file"), "caption")],
            source=Source(**_fields(source, "source", ("file", "sha256", "imported", "date_line")))
            if source
            else None,
            draft=draft,
            body=nfc(body),
            extra={k: v for k, v in data.items() if k not in KNOWN_KEYS},
        )


def default_slug(title: str) -> str:
    """The slug a title gets unless the record sets one (python-slugify of the folded title)."""
    folded = fold(nfc(title))
    if folded.isascii() and "&" not in folded:  # nearly every title: see _ascii_slug
        slug = _ascii_slug(folded)
        if slug is not None:
            return slug or "bai-viet"
    return slugify_vi(title, max_length=80) or "bai-viet"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")


def _ascii_slug(folded: str) -> str | None:
    """``slugify(folded, max_length=80, word_boundary=True)`` (what ``slugify_vi`` asks) for
    ASCII text without ``&``, in three steps instead of python-slugify's dozen (~6 µs a
    title), or None for a slug that would need truncating.  On such text its Unicode
    normalisations and transliteration change nothing and its entity patterns cannot
    match; what is left is: lower case, drop a comma between digits, one ``-`` for every
    run of anything but ``[a-z0-9]`` (its quote, disallowed-character and repeated-dash
    steps together), ``-`` stripped at both ends.  ``tests/test_record_fastrecord.py``
    compares the two."""
    text = folded.lower()
    if "," in text:
        text = _DIGIT_COMMA.sub("", text)
    text = _NOT_SLUG.sub("-", text).strip("-")
    return text if len(text) < 80 else None


def parse_date_value(value: Any) -> tuple[dt.date, dt.time | None]:
    """Accept ``YYYY-MM-DD`` with an optional ``HH:MM[:SS]`` time, as text or YAML date."""
    if isinstance(value, dt.datetime):
        return value.date(), value.time().replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return value, None
    if value is None:
        raise RecordValueError("date", "bắt buộc phải có (YYYY-MM-DD)")
    match = _DATE_RE.match(str(value).strip())
    if not match:
        raise RecordValueError("date", f"phải có dạng YYYY-MM-DD, nhưng là {value!r}")
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups()[:6])
    try:
        day_value = dt.date(year, month, day)  # type: ignore[arg-type]
        time = dt.time(hour, minute, second or 0) if hour is not None else None  # type: ignore[arg-type]
    except ValueError as exc:
        raise RecordValueError("date", f"{value!r} không phải ngày có thật ({exc})") from None
    return day_value, time


def _text(data: dict[str, Any], key: str, required: bool = False) -> str | None:
    value = data.get(key)
    if isinstance(value, str):  # nearly always: one strip, one normalisation
        value = value.strip()
    elif value is not None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RecordValueError(key, f"phải là chuỗi chữ, nhưng là {type(value).__name__}")
        value = str(value).strip()
    if not value:
        if required:
            raise RecordValueError(key, "bắt buộc phải có")
        return None
    return nfc(value)


def _text_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise RecordValueError(key, "phải là danh sách tên")
    return [_text({key: v}, key, required=True) or "" for v in value]


def _fields(item: Any, key: str, allowed: tuple[str, ...]) -> dict[str, str | None]:
    if not isinstance(item, dict):
        raise RecordValueError(key, f"mỗi mục phải là các dòng 'khoá: giá trị', nhưng là {item!r}")
    unknown = item.keys() - set(allowed)
    if unknown:
        raise RecordValueError(key, f"trường không rõ: {', '.join(map(str, sorted(unknown)))}")
    return {name: _text(item, name) for name in allowed if name in item}


def _mappings(
    data: dict[str, Any], key: str, allowed: tuple[str, ...], *required: str
) -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordValueError(key, "phải là danh sách")
    items = []
    for entry in value:
        if isinstance(entry, str) and len(required) == 1:
            entry = {required[0]: entry}  # shorthand: "- Lại Xuân Lâm"
        fields = _fields(entry, key, allowed)
        for name in required:
            if not fields.get(name):
                raise RecordValueError(key, f"mỗi mục cần có '{name}'")
        items.append(fields)
    return items
