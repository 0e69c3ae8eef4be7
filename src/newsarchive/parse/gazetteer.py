"""Word lists for people extraction, shipped as ``parse/data/*.txt`` and loaded once.

Every list is kept as a set of ``match_key`` tuples (one key per syllable) so lookups are
case- and tone-placement-insensitive; ``longest_match`` finds multi-word entries.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsarchive.vi.text import match_key

Phrase = tuple[str, ...]


def phrase_key(text: str) -> Phrase:
    """``"Phó Bí thư"`` → ``("phó", "bí", "thư")`` in ``match_key`` form."""
    return tuple(match_key(text).split())


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("newsarchive.parse").joinpath("data", name).read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def phrases(name: str) -> frozenset[Phrase]:
    """The entries of ``data/NAME.txt`` as syllable-key tuples."""
    return frozenset(phrase_key(line) for line in _lines(f"{name}.txt"))


@cache
def max_len(name: str) -> int:
    """Length in syllables of the longest entry of ``data/NAME.txt``."""
    return max((len(p) for p in phrases(name)), default=0)


@cache
def raw(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` exactly as written (case-sensitive)."""
    return frozenset(_lines(f"{name}.txt"))


def longest_match(keys: list[str], start: int, name: str) -> int:
    """Number of syllables of the longest entry of ``name`` starting at ``keys[start]``."""
    table = phrases(name)
    for size in range(min(max_len(name), len(keys) - start), 0, -1):
        if tuple(keys[start : start + size]) in table:
            return size
    return 0


def longest_match_ending(keys: list[str], end: int, name: str) -> int:
    """Number of syllables of the longest entry of ``name`` ending just before ``keys[end]``."""
    table = phrases(name)
    for size in range(min(max_len(name), end), 0, -1):
        if tuple(keys[end - size : end]) in table:
            return size
    return 0
