"""The record writer's own front-matter emitter writes exactly what PyYAML writes."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.parse.article import parse_file
from newsarchive.record import frontmatter
from newsarchive.record.frontmatter import _dump_front_fast, _dump_front_yaml

FIXTURES = Path(__file__).parent / "fixtures"

# Letters, digits, YAML indicators, spaces of several kinds, line breaks, quotes, BOM,
# control characters and an emoji: every branch of the style choice.
_ALPHABET = list("aĐđếữ ỳZ09-_.:#,?[]{}&*!|>'\"%@`~=<+\t\n\r\x85\u2028\u00a0\u3000\ufeff\x00\x7f😀")
_WORDS = [
    "null", "Null", "~", "yes", "No", "on", "OFF", "true", "12", "0x1F", "1_000", "3.5",
    ".inf", "2024-06-21", "2024-06-21 10:13", "2000-01-01T00:00:00Z", "<<", "=", "---",
    "...", "- a", "a: b", "a #b", "a:", "Nguyễn Văn A", "PGS.TS", "(Ảnh: X)", "'q'",
]  # fmt: skip
_CLEAN = list("aĐữ Z19:#'\"-.?,&*!|>%@~=<[]{}") + ["\u00a0", "\t"]
_text = st.one_of(
    st.text(st.sampled_from(_CLEAN), max_size=6),
    st.text(st.sampled_from(_ALPHABET), max_size=12),
    st.lists(st.sampled_from(_WORDS + _ALPHABET), max_size=6).map("".join),
    st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join),
    st.text(max_size=8),
)
_scalar = st.one_of(_text, st.none(), st.booleans())
_keys = st.sampled_from(["name", "role", "text", "caption", "file", "null", "a b", "x: y"])
_mapping = st.dictionaries(_keys, _scalar, max_size=3)
_value = st.one_of(
    _scalar,
    st.lists(_text, max_size=3),
    st.lists(_mapping, max_size=3),
    _mapping,
    st.integers(),
)
_front = st.dictionaries(st.one_of(_keys, st.sampled_from(["title", "date", "source"])), _value)


@settings(max_examples=1500)
@given(_front)
def test_fast_front_matter_is_what_pyyaml_writes(data: dict) -> None:
    fast = _dump_front_fast(data)
    if fast is not None:
        assert fast == _dump_front_yaml(data)
        assert yaml.safe_load(fast) == data


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join))
def test_common_strings_take_the_fast_path(text: str) -> None:
    data = {"title": text, "people": [{"name": text, "role": None}], "source": {"file": text}}
    fast = _dump_front_fast(data)
    if fast is not None:
        assert fast == _dump_front_yaml(data)


def test_fixture_records_are_written_by_the_fast_path() -> None:
    scrapes = sorted((FIXTURES / "scrapes").glob("*.txt"))
    assert scrapes
    fast = 0
    for path in scrapes:
        article = parse_file(path)
        if not article.date:
            continue
        data = article.to_record(imported="2000-01-01T00:00:00Z").to_data()
        front = _dump_front_fast(data)
        if front is not None:
            fast += 1
            assert front == _dump_front_yaml(data), path.name
    assert fast >= len(scrapes) // 2


def test_dumper_is_libyaml() -> None:
    assert frontmatter._Dumper is yaml.CSafeDumper


def test_known_keys_are_plain() -> None:
    assert all(frontmatter._fast_scalar(key) == key for key in frontmatter._PLAIN_KEYS)
