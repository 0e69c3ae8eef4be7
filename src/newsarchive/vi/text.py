"""Normalisation, diacritic folding and placement-insensitive matching keys."""

from __future__ import annotations

import functools
import re
import unicodedata

# Combining tone marks: huyền, sắc, hỏi, ngã, nặng.  Their order here is the traditional
# dictionary order used by ``collate`` (ngang < huyền < hỏi < ngã < sắc < nặng).
TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Strip every diacritic, mapping Đ/đ to D/d: ``"Lại Xuân Lâm"`` → ``"Lai Xuan Lam"``.

    Fast path: a table maps each Latin letter (and combining mark) to its folded ASCII
    form; when that gives ASCII it is the exact result (decomposition works per character,
    canonical reordering only moves the marks that are dropped, and NFC leaves ASCII as
    it is).  Other text takes the full Unicode route, ``_fold_unicode``."""
    if text.isascii():
        return text
    folded = text.translate(_FOLD_TABLE)
    return folded if folded.isascii() else _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _fold_table() -> dict[int, str]:
    """Character → its ``_fold_unicode`` form, for the Latin letters and combining marks
    whose form is ASCII (all of Vietnamese)."""
    table = {}
    for block in ((0x00A0, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00)):
        for code in range(*block):
            form = _fold_unicode(chr(code))
            if form.isascii():
                table[code] = form
    return table


_FOLD_TABLE = _fold_table()


def split_tone(syllable: str) -> tuple[str, int]:
    """Split a syllable into its toneless NFC letters and its tone number (0 = ngang)."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _syllable_key(match: re.Match[str]) -> str:
    return _word_key(match.group(0))


@functools.lru_cache(maxsize=1 << 14)  # a language has a few thousand syllables
def _word_key(word: str) -> str:
    letters, tone = split_tone(word)
    return f"{letters}{tone}" if tone else letters


@functools.lru_cache(maxsize=1 << 16)  # the same names are matched across thousands of records
def match_key(text: str) -> str:
    """A comparison key insensitive to case, spacing and old/new tone placement.

    ``match_key("Hoà") == match_key("hòa")`` and ``match_key("Thuỷ") == match_key("thủy")``,
    while different tones or letters (``Lâm``/``Lam``) still differ.  The author's text is
    never rewritten; only keys are built this way.
    """
    text = _SPACE.sub(" ", nfc(text).strip()).casefold()
    return _WORD.sub(_syllable_key, text)


_PLAIN_WORDS = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def slugify_vi(text: str, max_length: int = 0) -> str:
    """ASCII slug for a URL: ``"Đảng ủy Khối"`` → ``"dang-uy-khoi"`` (Đ folds to d)."""
    folded = fold(nfc(text))
    if not max_length and _PLAIN_WORDS.fullmatch(folded):
        # letters and digits in words one space apart (a person's name, say): what
        # python-slugify makes of them, ~10× sooner (the property test compares the two)
        return folded.lower().replace(" ", "-")
    from slugify import slugify  # on first use: ~2.5 ms to import, and rarely needed

    return slugify(folded, max_length=max_length, word_boundary=bool(max_length))
