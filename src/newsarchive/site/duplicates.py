"""Likely duplicate people across records: spelling variants an editor may want to merge.

Three signs: the same name with and without diacritics (``vi.fold``), old/new tone
placement or case only (``vi.match_key``: Thủy/Thuỷ), and a one-letter difference between
folded names of at least two words (Nguyễn Văn Hùng/Nguyễn Văn Dùng)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsarchive.site.people_file import PeopleFile
from newsarchive.vi.text import fold, match_key, nfc


@dataclass(frozen=True)
class LikelyDuplicate:
    first: str
    second: str
    reason: str
    first_file: Path
    second_file: Path

    def __str__(self) -> str:
        advice = (
            "trang đã coi là một người; nên thống nhất cách viết"
            if self.reason == TONE_OR_CASE
            else "nếu là một người, gộp trong people.yaml"
        )
        return (
            f"{self.first_file}: có thể trùng người: '{self.first}' và '{self.second}' "
            f"({self.second_file}): {self.reason}; {advice}"
        )


TONE_OR_CASE = "khác vị trí dấu thanh hoặc chữ hoa"
DIACRITICS = "khác dấu (có dấu/không dấu)"
ONE_LETTER = "khác một chữ cái"


def likely_duplicates(
    mentions: Iterable[tuple[str, Path]], people: PeopleFile | None = None
) -> list[LikelyDuplicate]:
    """Pairs of distinct spellings that are probably one person; pairs already merged into
    one people.yaml entry are left out.  ``mentions`` are (name, file) pairs."""
    first_file: dict[str, Path] = {}
    for name, path in mentions:
        first_file.setdefault(_clean(name), path)
    order = {name: i for i, name in enumerate(first_file)}  # first seen first
    found: list[tuple[str, str, str]] = []
    by_key = _groups(list(first_file), match_key)
    for group in by_key.values():
        found += [(group[0], other, TONE_OR_CASE) for other in group[1:]]
    by_fold = _groups([group[0] for group in by_key.values()], _folded)
    for group in by_fold.values():
        plain = [n for n in group if fold(n) == n]  # written without any diacritic
        found += [_ordered(order, a, b, DIACRITICS) for a in group if a not in plain for b in plain]
    folded = {key: group[0] for key, group in by_fold.items()}
    for a, b in _one_edit_pairs([k for k in folded if len(k.split()) >= 2]):
        found.append(_ordered(order, folded[a], folded[b], ONE_LETTER))
    return [
        LikelyDuplicate(a, b, reason, first_file[a], first_file[b])
        for a, b, reason in sorted(found, key=lambda f: (order[f[0]], order[f[1]]))
        if not _merged(people, a, b)
    ]


def _ordered(order: dict[str, int], a: str, b: str, reason: str) -> tuple[str, str, str]:
    return (a, b, reason) if order[a] < order[b] else (b, a, reason)


def _clean(name: str) -> str:
    return " ".join(nfc(name).split())


def _folded(name: str) -> str:
    return fold(name).casefold()


def _groups(names: list[str], key: object) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[key(name)].append(name)  # type: ignore[operator]
    return {k: v for k, v in groups.items()}


def _one_edit_pairs(words: list[str]) -> set[tuple[str, str]]:
    """Pairs at edit distance exactly 1, found through a single-deletion index."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in words:
        index[word].add(word)
        for i in range(len(word)):
            index[word[:i] + word[i + 1 :]].add(word)
    pairs = set()
    for bucket in index.values():
        for a in bucket:
            for b in bucket:
                if a < b and _within_one_edit(a, b):
                    pairs.add((a, b))
    return pairs


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _merged(people: PeopleFile | None, a: str, b: str) -> bool:
    if people is None:
        return False
    ka, kb = match_key(a), match_key(b)
    return any(ka in e.keys and kb in e.keys for e in people.entries)
