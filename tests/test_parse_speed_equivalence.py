"""Shortcuts taken for import speed give what the plain versions gave."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.errors import NewsarchiveError
from newsarchive.parse import decode, names, speech
from newsarchive.parse import gazetteer as gz
from newsarchive.parse.names import Mention
from newsarchive.record import frontmatter

_TEXT = st.text(
    alphabet=st.sampled_from(list('ab “”«»"\n,.Đờ') + ["\x07", "\x85", "µ", "Ñ", "ä", "ă"]),
    max_size=60,
)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_quote_marks_match_the_regex(text: str) -> None:
    assert speech._quote_marks(text) == [m.start() for m in re.finditer('[“”«»"]', text)]


def _two_pass_refusal(text: str) -> str | None:
    """The checks of decode_bytes before the one-pass pre-check: the error, if any."""
    if decode._CONTROL.search(text[: decode._SAMPLE]):
        return "control"
    try:
        decode._refuse_legacy(text, "x")
    except NewsarchiveError:
        return "legacy"
    return None


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_one_pass_decode_checks_refuse_what_two_passes_did(text: str) -> None:
    if not text.strip() or "\r" in text:
        return
    try:
        decode.decode_bytes(text.encode("utf-8"))
        got = None
    except NewsarchiveError as error:
        got = "control" if "điều khiển" in str(error) else "legacy"
    assert got == _two_pass_refusal(text)


@pytest.mark.parametrize("name", ["stopwords", "places", "surnames"])
def test_single_words_are_one_key_matches(name: str) -> None:
    keys = {phrase[0] for phrase in gz.phrases(name)} | {"xyz"}
    for key in keys:
        assert (key in gz.single_words(name)) == (gz.longest_match([key], 0, name) == 1)


def test_non_ascii_scalars_resolve_to_strings() -> None:
    assert frontmatter._ASCII_TYPES
    for value in ("Nguyễn Văn A", "Trúe", "nụll", "1ă", "2024-06-2ỉ", "Yés", "ñó", "~é"):
        tag = frontmatter._resolve(frontmatter._Dumper, yaml.ScalarNode, value, (True, False))
        assert tag == frontmatter._STR_TAG
        assert frontmatter._fast_scalar(value) == value


@pytest.mark.parametrize("name", ["places", "stopwords", "speech_nouns"])
def test_longest_match_is_zero_off_first_syllables(name: str) -> None:
    """``_judge`` and ``_speech_noun_before`` skip ``longest_match`` at other keys."""
    firsts = gz.first_syllables((name,))
    assert firsts == {phrase[0] for phrase in gz.phrases(name)}
    for key in ["xyz", "của", "và", "nguyen", *list(firsts)[:50]]:
        if key not in firsts:
            assert gz.longest_match([key, "a", "b"], 0, name) == 0


def test_mention_fields_in_the_order_judge_passes_them() -> None:
    """``_judge`` and ``_org_name`` build a ``Mention`` positionally."""
    assert [f.name for f in fields(Mention)] == [
        "name", "first", "last", "honorific", "role", "span_start", "span_end",
        "relational", "weak", "listed", "titled", "description", "org",
    ]  # fmt: skip


def test_single_spaced_offsets_by_the_steps_sum() -> None:
    """One whitespace character of any kind between chunks: offsets by running sums."""
    for text in ("Ông A, b.", "Ông\tA,\u00a0b.", "Ông  A", " Ông A", "Ông A "):
        tokens, _, starts = names.tokenize_keyed(text)
        assert [text[s : s + len(t.text)] for t, s in zip(tokens, starts, strict=True)] == [
            t.text for t in tokens
        ]
