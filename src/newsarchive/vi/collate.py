"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y."""

from __future__ import annotations

import unicodedata

from newsarchive.vi.text import TONE_MARKS

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}


def _letter_rank(ch: str) -> int:
    """Rank of one toneless lower-case letter; letters outside the alphabet sort after it."""
    if ch in _RANK:
        return _RANK[ch]
    if ch.isdigit():
        return -10 + int(ch)
    return len(ALPHABET) + ord(ch)


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key for Vietnamese text: letters first, then tones (ngang < huyền < hỏi < ngã <
    sắc < nặng), then the text itself as a final tie-break."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ch in TONE_MARKS:
            if tones:
                tones[-1] = TONE_MARKS[ch]
            continue
        if unicodedata.combining(ch):
            # breve, circumflex, horn: recompose with the preceding base letter
            if letters:
                base = ALPHABET[letters[-1]] if 0 <= letters[-1] < len(ALPHABET) else ""
                composed = unicodedata.normalize("NFC", base + ch)
                letters[-1] = _letter_rank(composed)
            continue
        letters.append(_letter_rank(ch))
        tones.append(0)
    return tuple(letters), tuple(tones), text


def first_letter(name: str) -> str:
    """The navigation letter of a name sorted by given name (``"Lại Xuân Lâm"`` → ``"L"``,
    ``"Trần Văn Ẩn"`` → ``"Â"``): tones dropped, Ă Â Đ Ê Ô Ơ Ư kept as letters."""
    words = name.split()
    initial = (words[-1] if words else name)[:1].upper()
    base = "".join(c for c in unicodedata.normalize("NFD", initial) if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base)


def name_sort_key(name: str) -> tuple:
    """Order people as Vietnamese lists do: by given name (the last word), then by family
    and middle names, so Trần Hồng Hà < Nguyễn Lam < Lại Xuân Lâm."""
    words = name.split()
    if not words:
        return (sort_key(name),)
    return (sort_key(words[-1]), sort_key(" ".join(words[:-1])))
