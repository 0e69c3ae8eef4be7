"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y."""

from __future__ import annotations

import functools
import unicodedata

from newsarchive.vi.text import TONE_MARKS

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}


def _letter_rank(ch: str) -> int:
    """Rank of one toneless lower-case letter; letters outside the alphabet sort after it."""
    if ch in _RANK:
        return _RANK[ch]
    if ch.isdecimal():  # not isdigit: "¹" is a digit int() refuses
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
                if len(composed) == 1:  # "b" + circumflex composes to nothing: ignored
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
    and middle names, so Trần Hồng Hà < Nguyễn Lam < Lại Xuân Lâm.  (``sort_key`` of the
    given name and of the rest, made of each word's memoised key: names repeat words.)"""
    words = name.split()
    if not words:
        return (sort_key(name),)
    given = words[-1]
    return ((*_word_sort_key(given), given), _words_sort_key(words[:-1]))


@functools.lru_cache(maxsize=1 << 14)
def _word_sort_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters, tones, _text = sort_key(word)
    return letters, tones


_SPACE_RANK = _letter_rank(" ")


def _words_sort_key(words: list[str]) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """``sort_key(" ".join(words))``: a space is a letter of tone 0 between the words' keys
    (a word starting with a combining mark, which would join the space, takes the long
    way)."""
    text = " ".join(words)
    letters: list[int] = []
    tones: list[int] = []
    for i, word in enumerate(words):
        head = unicodedata.normalize("NFD", word.casefold())[:1]
        if head in TONE_MARKS or unicodedata.combining(head):
            return sort_key(text)
        if i:
            letters.append(_SPACE_RANK)
            tones.append(0)
        word_letters, word_tones = _word_sort_key(word)
        letters += word_letters
        tones += word_tones
    return tuple(letters), tuple(tones), text
