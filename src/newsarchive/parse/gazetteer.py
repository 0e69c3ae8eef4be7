"""Word lists for people extraction, shipped as ``parse/data/*.txt`` and loaded once.

Every list is kept as a set of ``match_key`` tuples (one key per syllable) so lookups are
case- and tone-placement-insensitive; ``longest_match`` finds multi-word entries.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from newsarchive.vi.text import match_key

Phrase = tuple[str, ...]


def phrase_key(text: str) -> Phrase:
    """``"Phó Bí thư"`` → ``("phó", "bí", "thư")`` in ``match_key`` form."""
    return tuple(match_key(text).split())


def word_keys(words: str) -> frozenset[str]:
    """Keys of the space-separated single words ``words`` (for small built-in word sets)."""
    return frozenset(match_key(w) for w in words.split())


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
def written(name: str) -> dict[Phrase, str]:
    """Entry keys of ``data/NAME.txt`` → the entry as written there."""
    return {phrase_key(line): line for line in _lines(f"{name}.txt")}


@cache
def single_words(name: str) -> frozenset[str]:
    """The keys of the one-syllable entries of ``data/NAME.txt``: ``longest_match`` of a
    single key is 1 exactly when it is one of them."""
    return frozenset(phrase[0] for phrase in phrases(name) if len(phrase) == 1)


@cache
def raw(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` exactly as written (case-sensitive)."""
    return frozenset(_lines(f"{name}.txt"))


@cache
def _index(name: str) -> dict[str, tuple[int, ...]]:
    """First syllable → lengths of the entries starting with it, longest first."""
    index: dict[str, set[int]] = {}
    for phrase in phrases(name):
        index.setdefault(phrase[0], set()).add(len(phrase))
    return {k: tuple(sorted(v, reverse=True)) for k, v in index.items()}


@cache
def lists_by_first_syllable(names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Syllable → which of the lists ``names`` have an entry starting with it."""
    table: dict[str, set[str]] = {}
    for name in names:
        for key in _index(name):
            table.setdefault(key, set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}


_TABLES: dict[str, tuple[dict[str, tuple[int, ...]], frozenset[Phrase]]] = {}


def longest_match(keys: list[str], start: int, name: str) -> int:
    """Number of syllables of the longest entry of ``name`` starting at ``keys[start]``."""
    if start >= len(keys):
        return 0
    tables = _TABLES.get(name)
    if tables is None:
        tables = _TABLES[name] = (_index(name), phrases(name))
    sizes = tables[0].get(keys[start])
    if not sizes:
        return 0
    table = tables[1]
    room = len(keys) - start
    for size in sizes:
        if size == 1 or (size <= room and tuple(keys[start : start + size]) in table):
            return size
    return 0


@cache
def _longest_entry(names: tuple[str, ...]) -> dict[str, int]:
    """First syllable → the most syllables of an entry of the lists ``names`` starting with it."""
    table: dict[str, int] = {}
    for name in names:
        for key, sizes in _index(name).items():
            table[key] = max(table.get(key, 0), sizes[0])
    return table


_NO_MATCH: dict[str, int] = {}


@cache
def first_syllables(names: tuple[str, ...]) -> frozenset[str]:
    """The syllables an entry of one of the lists ``names`` starts with."""
    return frozenset(_longest_entry(names))


def longest_entries(names: tuple[str, ...]) -> dict[str, int]:
    """First syllable → the most syllables of an entry of the lists ``names`` starting with
    it (a syllable not in the table starts no entry); see ``matches_window``."""
    return _longest_entry(names)


def matches_at(keys: list[str], start: int, names: tuple[str, ...]) -> dict[str, int]:
    """List name → syllables of its longest entry starting at ``keys[start]``, for each of
    ``names`` with one (cached per run of syllables: one look-up instead of one per list)."""
    size = _longest_entry(names).get(keys[start]) if start < len(keys) else None
    if not size:
        return _NO_MATCH
    return matches_window(tuple(keys[start : start + size]), names)


@lru_cache(maxsize=65536)
def matches_window(window: Phrase, names: tuple[str, ...]) -> dict[str, int]:
    """``matches_at`` for the syllables ``window`` (as many as ``longest_entries`` gives
    for its first one), cached per window."""
    keys = list(window)
    found = {}
    for name in names:
        size = longest_match(keys, 0, name)
        if size:
            found[name] = size
    return found
