"""The front-matter fast path reads exactly what YAML reads, or declines."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from newsarchive.record.frontmatter import _Dumper, _fast_front, _RecordLoader

CHARS = list("aăđêƯ ở-:#'\"&*!|>%@`,[]{}?=~<.0123456789eEx+_\t\r\\/") + [
    "\u00a0", "\u0085", "\u2028", "\ufeff", "\x07", "null", "true", "yes", "no", "on", ": ",
    " #", "1.5", "0x1F", "2024-01-02", "1:20", ".inf", "- ", "\n", "  ",
]
TEXT = st.lists(st.sampled_from(CHARS), max_size=12).map("".join)
KEYS = st.sampled_from(["title", "date", "name", "role", "x", "null", "true", "on", "a b",
                        "k:", "-k"])
SCALARS = st.none() | st.booleans() | st.integers() | TEXT
ITEMS = st.dictionaries(KEYS, SCALARS, min_size=1, max_size=4)
VALUES = (SCALARS | st.lists(SCALARS, max_size=3) | st.lists(ITEMS, max_size=3) | ITEMS
          | st.lists(st.lists(SCALARS, max_size=2), max_size=2))
DOCS = st.dictionaries(KEYS, VALUES, max_size=6)


# record-like text: mostly what the fast path takes, with a few things it must weigh
NICE = st.lists(st.sampled_from(list("aăđêƯở TĐ,.;()-'\"/:#0123456789") + ["null", "yes"]),
                max_size=10).map("".join)
NICE_SCALARS = st.none() | NICE
NICE_ITEMS = st.dictionaries(st.sampled_from(["name", "role", "honorific", "id"]),
                             NICE_SCALARS, min_size=1, max_size=4)
NICE_DOCS = st.dictionaries(
    st.sampled_from(["title", "date", "authors", "speakers", "source", "images", "credit"]),
    NICE_SCALARS | st.lists(NICE, max_size=3) | st.lists(NICE_ITEMS, max_size=3)
    | NICE_ITEMS,
    max_size=7,
)


def dump(data: dict, **options: object) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False, **options)
    return text.removesuffix("\n")


def yaml_reading(text: str) -> object:
    try:
        return yaml.load(text, Loader=_RecordLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return "error"


@settings(max_examples=3000, deadline=None)
@given(DOCS | NICE_DOCS)
def test_fast_path_reads_dumped_documents_as_yaml_does(data: dict) -> None:
    text = dump(data)
    fast = _fast_front(text)
    if fast is not None:
        assert fast == yaml_reading(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["title: ", "- ", "  ", "name: ", "'", "a", "ư", ":", "#",
                                 "\n", "\n- ", "\n  ", "[]", "{}", "null", "~", " ", "''",
                                 "\t", "\r", "&x ", "*x", "!!str ", "1", "true", "|", ">"]),
                max_size=30).map("".join))
def test_fast_path_on_arbitrary_text_agrees_or_declines(text: str) -> None:
    fast = _fast_front(text)
    if fast is not None:
        assert fast == yaml_reading(text)


def test_seed_records_take_the_fast_path() -> None:
    records = sorted((ROOT / "content").rglob("*.md"))[:50]
    assert records
    for path in records:
        front = Path(path).read_text(encoding="utf-8").split("\n---\n", 1)[0][4:]
        fast = _fast_front(front)
        assert fast is not None, path
        assert fast == yaml_reading(front)


def test_every_odd_character_is_non_printable() -> None:
    """``has_odd`` skips its regular expression for printable text: sound only if no odd
    character is printable, over all of Unicode."""
    import re

    from newsarchive.record.fastyaml import _ODD, has_odd

    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    assert re.search(_ODD, printable) is None
    assert not has_odd(printable[:5000]) and has_odd("a\x85b") and has_odd("\ufeffx")
    assert has_odd("x\u2028") and not has_odd("Đoạn\xa0văn\n")
