"""Tokens, sentences and the personal-name mentions of Vietnamese news text.

A *mention* is a capitalised run of syllables judged to be a person's name by its context:
an honorific or kinship word before it (``ông``, ``PGS.TS``), a role before it
(``Phó Thủ tướng Vũ Đức Đam``) or after it (``Name, Role`` · ``Name - Role`` ·
``Name (Role)``), a family name at its start, or a speech verb after it.  Names inside
organisation, street, school and place names are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import attrgetter

from newsarchive.parse import gazetteer as gz
from newsarchive.vi.text import match_key

MAX_SENTENCE_TOKENS = 160  # longer "sentences" (flattened pages) are cut into pieces
MAX_UNIT_CHARS = 20_000  # text beyond this in one paragraph is not scanned
MAX_NAME = 4  # syllables in a Vietnamese name (foreign names may have up to 4 words too)

_TOKEN = re.compile(
    r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:[.&-][^\W\d_]+(?:['’][^\W\d_]+)*)*"  # words, TS.BS, O'Neill
    r"|\d+(?:[.,/:h-]\d+)*"  # numbers, dates
    r"|\S"  # punctuation
)
_SENTENCE_END = frozenset(".!?…")
_QUOTES = frozenset('"“”«»')
_DASHES = frozenset("-–—")
_OPENERS = _QUOTES | _DASHES  # a phrase after one of these opens a clause
# Words after which a name is the object of something, not a subject.
_BREAK_WORDS = gz.word_keys(
    "của cho với và cùng gửi tại ở trên theo là thì được bị đã do khi nhờ "
    "giúp tặng đến về từ như gặp thăm hỏi mời để vì bởi nhưng hay hoặc rằng "
    "thay trước sau mà cả"
)
_OBJECT_WORDS = gz.word_keys("của cho với gửi tặng giúp nhờ gặp thăm mời về thay bên vì bởi")
_ADDRESS = gz.word_keys("ông bà anh chị em cô chú bác cụ")
_ADVERBS = gz.word_keys("cũng đã thì vừa lại còn")
_DETERMINERS = gz.word_keys("một là những các vị")
_MIDDLE_NAMES = gz.word_keys("Văn Thị")


_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,3}[A-ZĐ]$")  # "bà L.T.H"
_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)


@dataclass(slots=True)
class Token:
    """One word, number or punctuation mark, with its matching key and phrase tag.

    Tokens are shared, so never changed: one object per distinct piece of text (and
    spacing before it), cached with the chunk it came from, wherever it recurs; ``tag``
    puts tagged copies in a sentence's list, and ``tokenize_keyed`` gives the tokens'
    offsets in a list.  (Not a frozen dataclass: its ``__init__`` costs twice as much.)"""

    text: str
    key: str
    word: bool  # a word (not a number or punctuation)
    cap: bool  # begins with an upper-case letter
    name: bool  # capitalised and not an all-capitals acronym: may belong to a name
    acronym: bool  # an all-capitals word such as ``UBND``, ``GTVT``, ``MC``
    spaced: bool  # whitespace (or the start of the text) right before it
    lead: str  # the text, after a space if ``spaced``: how ``_text`` joins it to the last
    tag: str = ""  # H honorific, K kinship, R role, M role modifier, O org head, V speech verb
    tag_len: int = 0  # syllables of the tagged phrase starting here


# Token fields read at C level (``map``) in hot loops.
_KEY = attrgetter("key")
_NAME = attrgetter("name")
_TEXT = attrgetter("text")
_LEAD = attrgetter("lead")
_CAP = attrgetter("cap")
_TAG = attrgetter("tag")
# All fields but the tag: what a tagged copy keeps.
_FIELDS = attrgetter("text", "key", "word", "cap", "name", "acronym", "spaced", "lead")


@dataclass(slots=True)
class Mention:
    """A personal name found in one sentence."""

    name: str
    first: int  # token index of the name's first syllable
    last: int  # token index after the name
    honorific: str | None = None
    role: str | None = None
    span_start: int = 0  # first token of honorific/role before the name
    span_end: int = 0  # token after the name and any role written after it
    relational: bool = False  # after a kinship word such as "vợ", "con gái"
    weak: bool = False  # no evidence of its own: kept only if it names a known person
    listed: bool = False  # listed right after the previous mention ("A, B và C")
    titled: bool = False  # has an honorific, kinship word or role of its own
    description: str | None = None  # ", người lai tạo giống lúa ST25,": a role only if no other
    org: bool = False  # part of an organisation/street/place name: not a person


@lru_cache(maxsize=16384)
def is_foreign(word: str) -> bool:
    """A word written without any Vietnamese letter or tone mark (``McDermott``)."""
    return word.isascii() and not _VI_SYLLABLE.match(word.casefold())


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word, number and punctuation tokens (``TP.Hà`` → ``TP . Hà``)."""
    return tokenize_keyed(text)[0]


def tokenize_keyed(text: str) -> tuple[list[Token], list[str], list[int]]:
    """``tokenize``, the tokens' keys, and their offsets in ``text``.

    Tokens never span whitespace and tile each whitespace-free chunk (``\\S`` matches
    anything the word and number patterns leave).  Each chunk is looked up in ``_CHUNKS``
    (a pure function of the chunk, cached): for each of its tokens, the token, its key and
    its step (its length, plus one after the chunk's last: the space), in one flat tuple.
    The chunks' tuples are chained and each field taken by a slice: a paragraph costs no
    new object per token.  When the chunks are separated by single whitespace characters
    (the usual paragraph), every offset is a running sum of the steps."""
    text = text[:MAX_UNIT_CHARS]
    chunks = text.split()
    if not chunks:
        return [], [], []
    if len(_CHUNKS) > MAX_CACHED_WORDS:
        _CHUNKS.clear()
    flat = list(chain.from_iterable(map(_CHUNKS.__getitem__, chunks)))
    starts = list(accumulate(flat[2::3], initial=0))
    # The steps add up to the chunks' lengths plus one per chunk: the text's length plus
    # one exactly when one whitespace character lies between chunks and none at the ends.
    if starts.pop() != len(text) + 1:
        starts = _spaced_starts(text, chunks)
    return flat[0::3], flat[1::3], starts


class _ChunkCache(dict[str, tuple[object, ...]]):
    """Per whitespace-free chunk: (token, key, step) for each of its tokens, flat (see
    ``tokenize_keyed``).  A letters-only chunk is one word; the others are cut by
    ``_chunk_tokens``."""

    def __missing__(self, chunk: str) -> tuple[object, ...]:
        if chunk.isalpha():  # one word
            word = Token(chunk, *_WORD_INFO[chunk], True, f" {chunk}")
            info = self[chunk] = (word, word.key, len(chunk) + 1)
            return info
        parts = _chunk_tokens(chunk)
        steps = [*map(len, parts[:-1]), len(parts[-1]) + 1]
        tokens = [
            Token(part, *_WORD_INFO[part], k == 0, f" {part}" if k == 0 else part)
            for k, part in enumerate(parts)
        ]
        info = self[chunk] = tuple(
            chain.from_iterable((t, t.key, step) for t, step in zip(tokens, steps, strict=True))
        )
        return info


_CHUNKS = _ChunkCache()


def _chunk_tokens(chunk: str) -> list[str]:
    """The tokens of one whitespace-free chunk that is not all letters (``TP.Hà`` → 3)."""
    core = chunk.strip(_EDGE_MARKS)
    if core.isalpha():  # "Nam," · "(ông" · "đó.”": marks around one word, each a token
        lead = len(chunk) - len(chunk.lstrip(_EDGE_MARKS))
        return [*chunk[:lead], core, *chunk[lead + len(core) :]]
    found = _TOKEN.findall(chunk)
    if "TP." not in chunk and "Tp." not in chunk:
        return found
    out: list[str] = []
    for word in found:
        if "." in word and word[:3] in ("TP.", "Tp.") and len(word) > 3:
            out += [word[:2], "."]
            word = word[3:]
        out.append(word)
    return out


# Marks that are never part of a word or number token (each is one ``\\S`` token).
_EDGE_MARKS = ",.;:!?…\"'“”‘’«»()[]{}-–—/&%*+=<>"


def _spaced_starts(text: str, chunks: list[str]) -> list[int]:
    """The tokens' offsets in text with other whitespace than single spaces between chunks:
    ``find`` gives each chunk's start (only whitespace lies between two chunks)."""
    starts: list[int] = []
    find = text.find
    at = 0
    for chunk in chunks:
        at = find(chunk, at)
        starts += accumulate(_CHUNKS[chunk][2:-3:3], initial=at)  # all steps but the last
        at += len(chunk)
    return starts


@lru_cache(maxsize=16384)
def _key(word: str) -> str:
    """``match_key`` of one word, cached."""
    return match_key(word)


_WordInfo = tuple[str, bool, bool, bool, bool]


def _word_info(word: str) -> _WordInfo:
    """Key, is-a-word, capitalised, may-be-part-of-a-name, acronym of one word."""
    first = word[0]
    is_word = first.isalpha()
    cap = is_word and first.isupper()
    letters = [c for c in word if c.isalpha()]
    name = cap and (
        len(letters) == 1 or not all(c.isupper() for c in letters) or bool(_INITIALS.match(word))
    )
    acronym = is_word and not name and len(word) > 1 and word.isupper()
    return (match_key(word) if is_word else word), is_word, cap, name, acronym


class _WordInfoCache(dict[str, _WordInfo]):
    """``_word_info`` per distinct word: a plain dict look-up on a hit (cheaper than
    ``lru_cache``'s call); emptied when it grows past ``MAX_CACHED_WORDS``."""

    def __missing__(self, word: str) -> _WordInfo:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        info = self[word] = _word_info(word)
        return info


MAX_CACHED_WORDS = 65536
_WORD_INFO = _WordInfoCache()


def sentences(
    tokens: list[Token], keys: list[str] | None = None, text: str | None = None
) -> list[list[Token]]:
    """Cut a paragraph's tokens into sentences (a dot after an initial is no boundary);
    a "sentence" reaching ``MAX_SENTENCE_TOKENS`` tokens is cut there.  ``keys``: the
    tokens' keys, if at hand (a mark's key is the mark itself); ``text``: the text they
    came from, if at hand (only the end marks it holds are searched for)."""
    result: list[list[Token]] = []
    start = 0  # first token of the current sentence
    n = len(tokens)
    if keys is None:
        keys = [t.key for t in tokens]
    if text is None:
        ends = list(compress(count(), map(_SENTENCE_END.__contains__, keys)))
    else:
        ends = _end_marks(keys, [mark for mark in _SENTENCE_END if mark in text])
    for i in ends:
        while i - start >= MAX_SENTENCE_TOKENS:
            result.append(tokens[start : start + MAX_SENTENCE_TOKENS])
            start += MAX_SENTENCE_TOKENS
        if (i > start and _ends_sentence(tokens, i)) or i - start + 1 == MAX_SENTENCE_TOKENS:
            result.append(tokens[start : i + 1])
            start = i + 1
    while n - start >= MAX_SENTENCE_TOKENS:
        result.append(tokens[start : start + MAX_SENTENCE_TOKENS])
        start += MAX_SENTENCE_TOKENS
    if start < n:
        result.append(tokens[start:])
    return result


def _end_marks(keys: list[str], marks: list[str]) -> list[int]:
    """Where the end marks ``marks`` are among ``keys``, in order (``list.index`` scans at C
    level; usually only the dot is searched for)."""
    found: list[int] = []
    index = keys.index
    for mark in marks:
        at = -1
        try:
            while True:
                at = index(mark, at + 1)
                found.append(at)
        except ValueError:
            pass
    if len(marks) > 1:
        found.sort()
    return found


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """The end mark ``tokens[i]`` (not a sentence's first token) ends its sentence."""
    tok = tokens[i]
    prev = tokens[i - 1].text
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    abbreviation = tok.text == "." and (
        (len(prev) == 1 and prev.isupper()) or prev in gz.raw("honorifics")
    )
    return not abbreviation and (nxt is None or nxt.cap or nxt.text in _QUOTES)


def is_name_word(tok: Token) -> bool:
    """A capitalised word that may belong to a name (not an all-capitals acronym)."""
    return tok.name


_ALL_LISTS = (
    "compounds",
    "honorifics",
    "roles",
    "org_heads",
    "institutions",
    "kinship",
    "places",
    "speech_verbs",
    "role_modifiers",
)
_LISTS = (
    ("N", "compounds"),
    ("H", "honorifics"),
    ("R", "roles"),
    ("O", "org_heads"),
    ("I", "institutions"),
    ("K", "kinship"),
)


Head = tuple[int, str]  # (token index, label) of a tagged phrase's first token


def tag(sent: list[Token], keys: list[str] | None = None) -> list[Head]:
    """Mark honorific, role, organisation-head, kinship and speech-verb phrases in place
    (each of their tokens replaced by a tagged copy);
    return where each phrase starts, in order (what ``heads`` would find afterwards).
    ``keys``: the tokens' keys, if at hand."""
    heads: list[Head] = []
    if keys is None:
        keys = list(map(_KEY, sent))
    skip_to = 0
    stopwords = gz.raw("stopwords")
    follow, longest = _entry_starts()
    tagged_get = _TAGGED.get
    # Only where an entry of some list can start: a one-syllable entry, or the first two
    # syllables of a longer one (about one token in six; one in three is a first syllable).
    last = len(keys) - 1
    for i in list(compress(count(), map(follow.__contains__, keys))):
        if i < skip_to:
            continue  # inside a phrase tagged already
        key = keys[i]
        nexts = follow[key]
        if nexts is not None and (i == last or keys[i + 1] not in nexts):
            continue
        size = longest[key]
        present, listed = _PRESENT[tuple(keys[i : i + size]) if size > 1 else key]
        if not present:
            continue
        tok = sent[i]
        if tok.cap and present.get("places", 0) >= 2:
            skip_to = i + present["places"]
            continue
        prev = sent[i - 1] if i else None
        at_start = prev is None or prev.text in _OPENERS
        prev_cap = (
            i > 1 and prev.name and sent[i - 2].text not in _QUOTES and prev.text not in stopwords
        )
        best, best_len = "", 0
        for label, size in listed:
            if size <= best_len:
                continue
            if not ((size == 1 or tok.cap) and label in _FREE_LABELS) and not _allowed(
                sent, i, size, label, at_start, prev_cap
            ):
                continue
            if label == "O" and size == 1 and not tok.cap and not _names_follow(sent, i + 1):
                continue
            best, best_len = label, size
        if not best_len and (not tok.cap or at_start) and "speech_verbs" in present:
            best, best_len = "V", present["speech_verbs"]
        if not best_len and "role_modifiers" in present:
            size = present["role_modifiers"]
            if (not prev_cap or at_start) and (
                gz.longest_match(keys, i + size, "roles")
                or gz.longest_match(keys, i + size, "role_modifiers")
            ):
                best, best_len = "M", size
        if best_len:
            sent[i] = tagged_get((tok.lead, best, best_len)) or _tagged(tok, best, best_len)
            inner = _INNER[best]
            for j in range(i + 1, i + best_len):
                nxt = sent[j]
                sent[j] = tagged_get((nxt.lead, inner, 0)) or _tagged(nxt, inner, 0)
            skip_to = i + best_len
            heads.append((i, best))
    return heads


_FREE_LABELS = frozenset("HIN")  # allowed anywhere (see ``_allowed``) when one word or capitalised
_INNER = {label: label + "+" for label in "NHROIKVM"}  # the tag of a phrase's other tokens


def _tagged(tok: Token, label: str, size: int) -> Token:
    """``tok`` with the tag ``label`` (a phrase of ``size`` tokens starting here), cached by
    its ``lead`` (its text and whether a space comes before it)."""
    key = (tok.lead, label, size)
    found = _TAGGED.get(key)
    if found is None:
        if len(_TAGGED) >= MAX_CACHED_WORDS:
            _TAGGED.clear()
        found = _TAGGED[key] = Token(*_FIELDS(tok), label, size)
    return found


_TAGGED: dict[tuple[str, str, int], Token] = {}


def heads(sent: list[Token]) -> list[Head]:
    """The (index, label) of each tagged phrase's first token in a tagged sentence."""
    return [(i, t.tag) for i, t in enumerate(sent) if t.tag and t.tag[-1] != "+"]


@lru_cache(maxsize=1)
def _entry_starts() -> tuple[dict[str, frozenset[str] | None], dict[str, int]]:
    """Where ``_present`` can find something: each entry's first syllable → None when it
    is a one-syllable entry of ``_ALL_LISTS`` (it starts a match whatever follows), else
    the second syllables of the longer entries starting with it; and
    ``gz.longest_entries`` of the lists."""
    singles: set[str] = set()
    seconds: dict[str, set[str]] = {}
    for name in _ALL_LISTS:
        for phrase in gz.phrases(name):
            if len(phrase) == 1:
                singles.add(phrase[0])
            seconds.setdefault(phrase[0], set()).update(phrase[1:2])
    follow = {
        first: None if first in singles else frozenset(nexts) for first, nexts in seconds.items()
    }
    return follow, gz.longest_entries(_ALL_LISTS)


class _PresentCache(
    dict[tuple[str, ...] | str, tuple[dict[str, int], tuple[tuple[str, int], ...]]]
):
    """Per window of syllables: ``gz.matches_window`` for ``_ALL_LISTS``, and the (label,
    size) of its matches in the ``_LISTS`` in their order (the lists ``tag`` chooses
    among).  A one-syllable window is looked up by its key alone (no tuple to build).
    A plain dict look-up on a hit; emptied past ``MAX_CACHED_WORDS``."""

    def __missing__(
        self, window: tuple[str, ...] | str
    ) -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        present = gz.matches_window((window,) if isinstance(window, str) else window, _ALL_LISTS)
        listed = tuple((label, present[name]) for label, name in _LISTS if present.get(name))
        found = self[window] = (present, listed)
        return found


_PRESENT = _PresentCache()


def _names_follow(sent: list[Token], k: int) -> bool:
    """An organisation head is followed by its name: a capitalised word, acronym or number."""
    return k < len(sent) and (sent[k].cap or sent[k].text[0].isdigit())


def _allowed(
    sent: list[Token], i: int, size: int, label: str, at_start: bool, prev_cap: bool
) -> bool:
    """Whether a gazetteer match at ``i`` is the head word it looks like in this context."""
    tok = sent[i]
    if size > 1 and not tok.cap and any(map(_CAP, sent[i + 1 : i + size])):
        return False  # "miền trung Đoàn Hồng Trang" is no "trung đoàn"
    if label in ("H", "I", "N"):
        return True
    if label == "K":
        if not tok.cap:
            return True
        if tok.text in ("Ông", "Bà"):
            return True
        return at_start
    if tok.acronym:
        return True
    if size == 1:
        # "Trường", "Khoa", "Viện": a head only at the start of a capitalised phrase,
        # never inside a name like "Xuân Trường" or "Nguyễn Văn Khoa".
        if tok.cap:
            if label == "O" and tok.text not in gz.raw("org_heads_capitalised"):
                return False
            return not prev_cap
        if label == "O":
            # "Quốc hội": a lower-case head right after a capitalised word ends a name.
            return not prev_cap
        return True
    return not prev_cap or tok.cap


def _keys(sent: list[Token]) -> list[str]:
    return list(map(_KEY, sent))


def _clause_left(sent: list[Token], start: int, limit: int = 18) -> int:
    """Index where the phrase ending before ``start`` begins (after a break)."""
    j = start
    while j > 0 and start - j < limit:
        prev = sent[j - 1]
        if prev.text == ")" and j >= 3 and sent[j - 3].text == "(" and sent[j - 2].acronym:
            j -= 3  # "Quỹ Tiền tệ Quốc tế (IMF) Kristalina Georgieva"
            continue
        if not prev.word:
            if prev.text in ("&", "/"):
                j -= 1
                continue
            if prev.text[0].isdigit():
                j -= 1
                continue
            break
        if prev.tag in ("H", "K", "V") or prev.tag in ("H+", "K+", "V+"):
            break
        if not prev.cap and not prev.tag and prev.key in _BREAK_WORDS:
            break
        if prev.cap and prev.text in gz.raw("stopwords") and not prev.tag:
            break
        j -= 1
    return j


def _text(sent: list[Token], start: int, end: int) -> str:
    """The words of ``sent[start:end]`` joined back with their original spacing."""
    if start >= end:
        return ""
    if end == start + 1:  # one token (most names and org words)
        return sent[start].text.strip(" ,;-–—")
    return (sent[start].text + "".join(map(_LEAD, sent[start + 1 : end]))).strip(" ,;-–—")


def _is_surname(tok: Token) -> bool:
    """The word is a common Vietnamese family name."""
    return tok.key in gz.single_words("surnames")


def _split_name(run: list[int], sent: list[Token]) -> int:
    """Where the personal name begins inside a capitalised run (-1 when none does)."""
    size = len(run)
    for want in (3, 4, 2):
        pos = size - want
        if (
            pos >= 0
            and _is_surname(sent[run[pos]])
            and all(not _is_surname(sent[run[k]]) or k >= pos for k in range(pos, size))
        ):
            return pos
    return -1


def find_mentions(
    sent: list[Token],
    org_names: list[tuple[str, ...]] | None = None,
    tagged: list[Head] | None = None,
    keys: list[str] | None = None,
) -> list[Mention]:
    """Personal-name mentions of one tagged sentence, in order (``weak`` ones included).

    Names found inside organisation/street/place names are added to ``org_names``;
    ``tagged`` is what ``tag`` returned for the sentence (found again if not given),
    ``keys`` the tokens' keys, if at hand."""
    mentions: list[Mention] = []
    n = len(sent)
    if tagged is None:
        tagged = heads(sent)
    if keys is None:
        keys = list(map(_KEY, sent))
    if org_names is not None:
        org_names.extend(_names_after_heads(sent, tagged, keys))
    next_i = 0
    org_end = -1
    stop_words = gz.single_words("stopwords")
    # A name starts at a capitalised word that is not part of a tagged phrase.
    for i in compress(count(), map(_NAME, sent)):
        if i < next_i or sent[i].tag:
            continue  # inside the run (or the role after it) judged last, or a tagged word
        tok = sent[i]
        if len(tok.text) == 1 and not _initial(sent, i) and not _ede_prefix(sent, i):
            continue
        j = i
        while j < n and not sent[j].tag and sent[j].name:  # (an ``_initial`` is a name word)
            j += 1
            if j < n and sent[j].text == "." and _initial(sent, j - 1):
                j += 1
        if j == i + 1 and tok.key in stop_words:
            next_i = j  # a one-word run that is a stop word: what ``_judge`` would decide
            continue
        mention = _judge(sent, i, j)
        if mention and not mention.org and not mention.titled and org_end >= 0:
            between = keys[org_end : mention.first]
            # "các phố Lê Lợi, Nguyễn Huệ và Đồng Khởi": the list goes on naming streets
            mention.org = between in _LIST_SEPARATORS
        if mention and mention.org:
            if org_names is not None:
                org_names.append(tuple(keys[mention.first : mention.last]))
            org_end = mention.last
            next_i = j
        elif mention:
            mentions.append(mention)
            next_i = max(j, mention.span_end)
        else:
            next_i = j
    for a, b in zip(mentions, mentions[1:], strict=False):
        b.listed = b.span_start == b.first and _listed(keys, a, b)
    if mentions and ":" in keys:  # (the colon after an honorific phrase)
        _share_list_honorific(sent, mentions, tagged)
    # A weak run listed with a person ("Xuân Trường, Tuấn Anh và Hồng Duy") is one too.
    changed = True
    while changed:
        changed = False
        for a, b in zip(mentions, mentions[1:], strict=False):
            weak = a if a.weak else b
            if (
                a.weak != b.weak
                and b.span_start == b.first
                and weak.last - weak.first >= 2
                and _listed(keys, a, b)
            ):
                a.weak = b.weak = False
                changed = True
    return mentions


_LIST_SEPARATORS = ([","], [gz.phrase_key("và")[0]], [",", gz.phrase_key("và")[0]])


def _names_after_heads(
    sent: list[Token], tagged: list[Head], keys: list[str]
) -> list[tuple[str, ...]]:
    """Capitalised runs right after an organisation/place head (``Tập đoàn Hòa Phát``)."""
    found = []
    n = len(sent)
    for i, label in tagged:
        if label != "O":
            continue
        k = i + (sent[i].tag_len or 1)
        while k < n and sent[k].acronym and not sent[k].tag:
            k += 1
        j = k
        while j < n and sent[j].name and not sent[j].tag:
            j += 1
        if j > k:
            found.append(tuple(keys[k:j]))
    return found


def _share_list_honorific(sent: list[Token], mentions: list[Mention], tagged: list[Head]) -> None:
    """``các đồng chí: A, Role; B, Role``: the honorific before the colon applies to all."""
    # The first colon right after a token of an honorific phrase (in or just past one).
    n = len(sent)
    after = [
        k
        for i, label in tagged
        if label == "H"
        for k in range(i + 1, min(i + sent[i].tag_len + 1, n - 1))
        if sent[k].text == ":"
    ]
    for k in after[:1]:
        if sent[k - 1].tag in ("H", "H+"):
            h = k - 1
            while h > 0 and sent[h].tag == "H+":
                h -= 1
            honorific = _text(sent, h, k)
            for m in mentions:
                if m.first > k and not m.honorific:
                    m.honorific = honorific
            return


def _listed(keys: list[str], a: Mention, b: Mention) -> bool:
    """Only a comma or a conjunction between two mentions (``keys``: the sentence's)."""
    between = keys[a.span_end : b.span_start]
    return between in ([","], ["và"], ["-"], ["–"], ["hay"], ["hoặc"], ["cùng"])


def _verb_at(sent: list[Token], k: int) -> bool:
    return k < len(sent) and sent[k].tag == "V"


def _ede_prefix(sent: list[Token], i: int) -> bool:
    """``Y Bhin Niê``: the ``Y`` that opens men's names of the Ê Đê and M'Nông peoples."""
    return (
        sent[i].text == "Y"
        and i + 2 < len(sent)
        and sent[i + 1].name
        and not sent[i + 1].tag
        and sent[i + 2].name
    )


def _initial(sent: list[Token], j: int) -> bool:
    """``L`` in ``Vũ Thế L.``: a one-letter abbreviation of a name's last syllable."""
    tok = sent[j]
    return (
        len(tok.text) == 1
        and tok.cap
        and j + 1 < len(sent)
        and sent[j + 1].text == "."
        and j > 0
        and sent[j - 1].name
    )


def _judge(sent: list[Token], i: int, j: int) -> Mention | None:
    """Decide whether the capitalised run ``sent[i:j]`` names a person."""
    if j == i + 1:  # one word (the usual run)
        run, keys = [i], [sent[i].key]
    else:
        run = [k for k in range(i, j) if sent[k].text != "."]
        keys = [sent[k].key for k in run]
    while len(run) > 1 and keys[0] in _STOP_STARTS:
        size = gz.longest_match(keys, 0, "stopwords")
        if not size or gz.longest_match(keys, 0, "places") > size:
            break  # "Nhật Bản Kishida Fumio": a place, not the word "Nhật"
        if len(run) > 2 and _is_surname(sent[run[0]]) and keys[1] in _MIDDLE_NAMES:
            break  # "Vì Văn Thương": the family name Vì, not the conjunction
        run, keys = run[size:], keys[size:]
    if len(run) == 1 and keys[0] in gz.single_words("stopwords"):
        run = []  # one word left, a stop word ("longest_match" of one key, by a set)
    if not run:
        return None
    first = run[0]
    before = sent[first - 1] if first > 0 else None
    if before is None or (
        not before.tag
        and before.key not in _NOT_PLAIN
        and not before.text[0].isdigit()
    ):
        # nothing, or a plain untagged word or mark (no colon, dot, number or "chuyên")
        # before the run: no credit label, form of address, kinship word or organisation
        # head there
        honorific, kin, adjacent_org = None, None, False
    else:
        # Each helper only where what it looks for can end right before the run: a colon;
        # a dot or a form of address or kinship word; a kinship word.
        if before.text == ":" and _credit_before(sent, first):
            return None  # "(Ảnh: Nguyễn Hùng)": a photo or source credit, not a person
        address = before.text == "." or before.tag in _ADDRESS_TAGS
        honorific = _honorific_before(sent, first) if address else None
        kin = _kin_phrase(sent, first) if before.tag in ("K", "K+") else None
        adjacent_org = _adjacent_org(sent, first)
    honorific_title = before is not None and before.tag in ("H", "H+")
    relational = bool(kin) and not honorific and kin not in _GROUPS
    addressed = bool(honorific) or bool(kin)
    place_len = gz.longest_match(keys, 0, "places") if keys[0] in _PLACE_STARTS else 0
    if place_len == len(run) and not honorific_title:
        if (
            len(run) == 1
            and first > 0
            and sent[first - 1].text == ","
            and _verb_at(sent, first + 1)
        ):
            # '"…", Mỹ chia sẻ': a given name that is also a place, speaking; kept (weak)
            # only if it is the short form of someone named in the article
            return Mention(
                sent[first].text, first, first + 1, span_start=first, span_end=first + 1, weak=True
            )
        return None
    nationality = -1
    if len(run) >= 2 and before is not None and before.key == _NGUOI and not addressed:
        nationality = run[0]
        cut = place_len if 0 < place_len < len(run) else 1
        run = run[cut:]  # "tay đấm người Ireland McGregor": a nationality, then the name
        place_len = 0
    # "Đảng ủy Khối": decided as the branch below would, before the clause is searched
    if (
        adjacent_org
        and not addressed
        and not 3 <= len(run) <= MAX_NAME
        and _split_name(run, sent) <= 0
    ):
        return _org_name(sent, run)
    left = _clause_left(sent, first)
    phrase_tags = list(map(_TAG, sent[left:first])) if left < first else []
    role_at = _role_start(sent, left, first, phrase_tags) if "R" in phrase_tags else None
    if adjacent_org and _holder_after_head(sent, run, role_at):
        adjacent_org = False  # "Chủ tịch UBND tỉnh Võ Quang Tuấn": the holder, not the unit
    if adjacent_org:
        pos = _split_name(run, sent)
        if pos <= 0 and not addressed:
            return _org_name(sent, run)
        run = run[max(pos, 0) :]
        if pos <= 0:
            role_at = None
    elif role_at is None and not addressed and "O" in phrase_tags:  # an org head before
        return _org_name(sent, run)
    if place_len and len(run) - place_len >= 2 and role_at is not None and not addressed:
        run = run[place_len:]  # "Tổng thống Mỹ Donald Trump"
    elif (
        _official_before(sent, run[0])
        and len(run) >= 3
        and all(is_foreign(sent[k].text) for k in run)
        and (sent[run[0]].key,) not in gz.phrases("foreign_given_names")
    ):
        run = run[1:]  # "Thống đốc Bicol Al Francis Bichara": the office's jurisdiction
    if len(run) > MAX_NAME or (len(run) > 2 and not _is_surname(sent[run[0]])):
        pos = _split_name(run, sent)
        if pos > 0 or len(run) > MAX_NAME:
            run = run[pos:] if pos >= 0 else run[-MAX_NAME:]
    if (
        len(run) > 1
        and sent[run[0]].key in _PLACE_STARTS
        and gz.longest_match([sent[k].key for k in run], 0, "places") == len(run)
        and not honorific_title
    ):
        return None  # "Nhà hát Lớn Hà Nội": the run cut down to a place
    first, last = run[0], run[-1] + 1
    if last < len(sent) and sent[last].text == "." and _initial(sent, last - 1):
        last += 1
    if _quoted_title(sent, first, last):
        return None
    words = [sent[k] for k in run]
    single = len(words) == 1
    if single and role_at is not None and gz.longest_match(_keys(sent), first, "portfolios") > 1:
        return None  # "Bộ trưởng Tài chính Mỹ Janet Yellen": a portfolio, not "Tài"
    if single and (words[0].key,) in gz.phrases("places") and not honorific_title:
        return None
    if words[-1].text in gz.raw("foreign_org_words") and not addressed and role_at is None:
        return None
    if single:
        strong = (
            addressed
            or _adjacent_role(sent, first)
            or (
                role_at is not None
                and not any(
                    is_name_word(sent[k]) for k in range(role_at, first) if k != nationality
                )
            )
        )
    else:
        strong = (
            addressed
            or role_at is not None
            or (_is_surname(words[0]) and len(words) <= MAX_NAME and _name_like(words))
            or (
                (words[0].key,) in gz.phrases("foreign_given_names")
                and len(words) <= MAX_NAME
                and all(is_foreign(w.text) for w in words)
                and words[-1].text not in gz.raw("foreign_org_words")
            )
        )
    if (
        not strong
        and not single
        and (_subject(sent, first, last, words) or _evidence_after(sent, last))
    ):
        strong = True
    if not _name_like(words):
        return None  # "NutiFood", "GrowPLUS": brands, not names
    if not honorific and all(map(_INITIALS.match, map(_TEXT, words))):
        return None  # "nhà hàng T.P.": initials name a person only after "ông", "bà"…
    name = _text(sent, first, last)
    role, span_end = _role_after(sent, last)
    if role is None and role_at is None and (honorific or kin):
        role = _role_in_opening_phrase(sent, first - len(kin) if kin else first)
    if role is None and role_at is None:
        role = _role_before_la(sent, first - len(kin) if kin else first - bool(honorific))
    if role_at is not None:
        role_at = _extend_role_left(sent, role_at)
        role_before = _sentence_case(sent, role_at, _text(sent, role_at, first))
        if role_before and (not role or len(role_before.split()) > len(role.split())):
            role = role_before
    # Positional (a third of the cost of keywords), in the fields' order.
    return Mention(
        name,
        first,
        last,
        honorific,
        _trim_role(role),
        role_at if role_at is not None else (first - (1 if honorific else 0)),  # span_start
        min(max(span_end, last), len(sent)),  # span_end
        relational,
        not strong,  # weak
        False,  # listed (decided by find_mentions)
        addressed or role is not None or role_at is not None,  # titled
        _description_after(sent, last) if role is None else None,
    )


_NGUOI = gz.phrase_key("người")[0]
_PLACE_STARTS = gz.first_syllables(("places",))  # longest_match of "places" is 0 elsewhere
_STOP_STARTS = gz.first_syllables(("stopwords",))  # … of "stopwords" too
_LA, _TRONG, _VA = (gz.phrase_key(w)[0] for w in ("là", "trong", "và"))
_GROUPS = frozenset(
    gz.phrase_key(w)
    for w in ("gia đình", "chị em", "anh em", "vợ chồng", "bố con", "mẹ con", "cặp đôi", "nhà")
)


def _org_name(sent: list[Token], run: list[int]) -> Mention:
    """A name that is part of an organisation, street or place name (never a person)."""
    first, last = run[0], run[-1] + 1
    # name, first, last, honorific, role, span_start, span_end, relational, weak, listed,
    # titled, description, org (positional: a third of the cost of keywords)
    return Mention(
        _text(sent, first, last), first, last, None, None, first, first, False, False, False,
        False, None, True
    )  # fmt: skip


_CREDIT_WORDS = gz.word_keys("ảnh nguồn video clip photo đồ họa hoạ thiết kế tranh")


def _credit_before(sent: list[Token], first: int) -> bool:
    """The run follows ``Ảnh:``, ``Nguồn:``, ``Đồ họa:`` (a credit line)."""
    return (
        first >= 2
        and sent[first - 1].text == ":"
        and sent[first - 2].key in _CREDIT_WORDS
        and (first == 2 or not sent[first - 3].word or sent[first - 3].key in _CREDIT_WORDS)
    )


def _kin_phrase(sent: list[Token], first: int) -> tuple[str, ...] | None:
    """The kinship phrase (``con gái``, ``vợ chồng``) right before a name, if any."""
    k = first - 1
    if k < 0 or sent[k].tag not in ("K", "K+"):
        return None
    while k > 0 and sent[k].tag == "K+":
        k -= 1
    return tuple(map(_KEY, sent[k:first]))


_FOREIGN_NAME = re.compile(
    r"^(?:Mc|Mac|O'|O’|D'|D’|Di|De|La|Le|[A-Z]['’])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$"
)
_APOSTROPHE_PREFIX = re.compile(r"^[A-Z]['’]")  # H'Hen, K'Long
_ROLE_STOP = gz.word_keys("đã đang sẽ được bị từng")
_ROLE_TAIL = gz.word_keys("cũng đã đang sẽ vừa mới còn vẫn đều")


def _name_like(words: list[Token]) -> bool:
    """Each word is written like a name: ``Xuân``, ``McDermott``, ``H'Hen`` (not ``GrowPLUS``)."""
    return all(map(_name_like_word, map(_TEXT, words)))


@lru_cache(maxsize=16384)
def _name_like_word(text: str) -> bool:
    if is_foreign(text):
        return bool(
            _FOREIGN_NAME.match(text)
            or _INITIALS.match(text)
            or (len(text) == 1 and text.isupper())
        )
    return not any(c.isupper() for c in _APOSTROPHE_PREFIX.sub("", text)[1:])


def _subject(sent: list[Token], first: int, last: int, words: list[Token]) -> bool:
    """A Vietnamese name-like run opening a clause, followed by a lower-case word."""
    if len(words) > 3 or any(is_foreign(w.text) for w in words) or not _name_like(words):
        return False
    opens = first == 0 or sent[first - 1].text in (",", ":") or sent[first - 1].text in _QUOTES
    if not opens or last >= len(sent):
        return False
    nxt = sent[last]
    return (nxt.word and not nxt.cap and nxt.tag not in ("O", "K")) or nxt.text == "("


def _extend_role_left(sent: list[Token], k: int) -> int:
    """``ca sĩ, nhạc sĩ Hà Chương``: take in a role listed before the role found."""
    while k >= 2 and sent[k - 1].text == ",":
        j = k - 2
        steps = 0
        while j >= 0 and sent[j].word and steps < 6 and sent[j].tag != "R":
            if sent[j].tag in ("H", "K", "V") or sent[j].key in _BREAK_WORDS:
                return k
            j -= 1
            steps += 1
        if j < 0 or sent[j].tag != "R":
            return k
        while j > 0 and sent[j - 1].tag in ("M", "M+"):
            j -= 1
        if j > 0 and sent[j - 1].word and sent[j - 1].key not in _DETERMINERS | _BREAK_WORDS:
            return k  # "Giải trình ý kiến đại biểu, Phó Chủ tịch X": an object, not a role
        k = j
    return k


def _role_in_opening_phrase(sent: list[Token], k: int) -> str | None:
    """``Đại diện Công ty Điện lực Hà Nội, ông Phạm Văn Hải cho biết``: the role opens
    the sentence (or clause) and the addressed name follows after a comma."""
    while k > 0 and sent[k - 1].text == ".":
        k -= 1
    while k > 0 and sent[k - 1].tag in ("H+", "H"):
        k -= 1
    if k < 2 or sent[k - 1].text != ",":
        return None
    start = k - 1
    while (
        start > 0 and sent[start - 1].text not in ",;:.!?()" and sent[start - 1].text not in _QUOTES
    ):
        start -= 1
    head = start
    while head < k - 1 and sent[head].tag in ("M", "M+"):
        head += 1
    if sent[head].tag != "R" or k - 1 - start > 15:
        return None
    return _sentence_case(sent, start, _text(sent, start, k - 1))


def _role_before_la(sent: list[Token], k: int) -> str | None:
    """``Một hành khách là anh Lý Quốc Bảo chia sẻ``: a role, then ``là`` and the name."""
    if k < 2 or sent[k - 1].key != _LA:
        return None
    j = k - 1
    while j > 0 and sent[j - 1].word and sent[j - 1].tag not in ("V", "V+", "H", "K") and k - j < 9:
        j -= 1
    if j > 0 and sent[j - 1].text not in ",;:" and sent[j - 1].text not in _QUOTES:
        return None  # the phrase must open the sentence or a clause
    head = j
    while head < k - 1 and sent[head].key in _DETERMINERS:
        head += 1
    if head >= k - 1 or sent[head].tag not in ("R", "M") or _names_someone(sent, head):
        return None
    return _sentence_case(sent, head, _text(sent, head, k - 1))


def _sentence_case(sent: list[Token], k: int, role: str) -> str:
    """``Ca sĩ Lam Trường`` opening a sentence: the occupation is "ca sĩ" (a title such as
    "Bộ trưởng" or "Cựu Tổng thống" keeps its capital)."""
    if k > 0 and sent[k - 1].text not in _QUOTES or sent[k].tag != "R" or not role:
        return role
    size = sent[k].tag_len
    form = gz.written("roles").get(tuple(map(_KEY, sent[k : k + size])), "")
    return role[0].lower() + role[1:] if form[:1].islower() else role


def _trim_role(role: str | None) -> str | None:
    """Drop leading determiners and trailing adverbs (``một …``, ``… cũng``)."""
    if not role:
        return None
    words = role.split()
    while words and _key(words[-1]) in _ROLE_TAIL:
        words.pop()
    while words and _key(words[0]) in _DETERMINERS:
        words.pop(0)
    if tuple(map(_key, words[:2])) in _RESIDENTS:
        return None  # "người dân phường Cái Khế": where the person lives, like an address
    return " ".join(words) or None


_RESIDENTS = frozenset(gz.phrase_key(w) for w in ("người dân", "cư dân"))


def _official_before(sent: list[Token], first: int) -> bool:
    """An official title (written capitalised in roles.txt) right before ``first``."""
    k = first - 1
    while k > 0 and sent[k].tag == "R+":
        k -= 1
    if k < 0 or sent[k].tag != "R":
        return False
    form = gz.written("roles").get(tuple(map(_KEY, sent[k:first])), "")
    return form[:1].isupper()


def _adjacent_role(sent: list[Token], first: int) -> bool:
    """A role head right before the name (``bầu Đức``, ``HLV Park Hang Seo``)."""
    return first > 0 and sent[first - 1].tag in ("R", "R+")


def _honorific_before(sent: list[Token], first: int) -> str | None:
    """The form of address or title right before the name (``ông``, ``PGS.TS``, ``TS.``)."""
    j = first
    while j > 0 and sent[j - 1].text == ".":
        j -= 1
    if j == 0:
        return None
    k = j - 1
    while k > 0 and sent[k].tag in ("H+", "K+"):
        k -= 1
    if sent[k].tag not in ("H", "K"):
        return None
    text = _text(sent, k, first)
    if sent[k].tag == "K" and sent[k].key not in _ADDRESS:
        return None
    # "Ông" at the start of a sentence is written in capitals; keep the lower-case form.
    if sent[k].tag == "K":
        return text.lower()
    form = gz.written("honorifics").get(tuple(t.key for t in sent[k:first] if t.word), "")
    return text[0].lower() + text[1:] if form[:1].islower() else text


_HOLDER_HEADS = frozenset(
    gz.phrase_key(w)
    for w in (
        "tỉnh", "thành phố", "TP", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường",
        "chương trình", "dự án", "đề tài", "hội nghị", "hội thảo", "cuộc thi", "giải",
    )
)  # fmt: skip


def _holder_after_head(sent: list[Token], run: list[int], role_at: int | None) -> bool:
    """``Chủ tịch UBND tỉnh Võ Quang Tuấn`` · ``Tổng đạo diễn chương trình Lê Hoàng Quân``:
    after a role and a lower-case unit or event head, a full personal name (family name
    and two or three more syllables, no place) is the role's holder."""
    if role_at is None or not 3 <= len(run) <= MAX_NAME:
        return False
    words = [sent[k] for k in run]
    if not _is_surname(words[0]) or not _name_like(words) or any(is_foreign(w.text) for w in words):
        return False
    if gz.longest_match([w.key for w in words], 0, "places"):
        return False
    k = run[0] - 1
    while k > 0 and sent[k].tag == "O+":
        k -= 1
    if k < 0 or sent[k].tag != "O" or sent[k].cap:
        return False
    return tuple(t.key for t in sent[k : run[0]]) in _HOLDER_HEADS


_SCHOOL_QUALIFIERS = gz.word_keys("chuyên")
# Keys of an untagged token before a run that a credit label (``:``), a form of address
# (``TS.``) or an organisation head (``Trường THPT chuyên``) may end with.
_NOT_PLAIN = _SCHOOL_QUALIFIERS | {":", "."}
_ADDRESS_TAGS = frozenset(("H", "H+", "K", "K+"))  # what _honorific_before looks back over


def _adjacent_org(sent: list[Token], first: int) -> bool:
    """An organisation or place head directly precedes the run (numbers may come between:
    ``ngõ 36 Giang Văn Minh``; an acronym between is the organisation's own name;
    ``Trường THPT chuyên Lê Quý Đôn``)."""
    k = first - 1
    while k >= 0 and sent[k].text[0].isdigit():
        k -= 1
    if k > 0 and not sent[k].cap and sent[k].key in _SCHOOL_QUALIFIERS:
        k -= 1
    while k > 0 and sent[k].tag == "O+":
        k -= 1
    return k >= 0 and sent[k].tag == "O"


def _role_start(
    sent: list[Token], left: int, first: int, tags: list[str] | None = None
) -> int | None:
    """Index of the earliest role head (with its modifiers) in the phrase before a name;
    ``tags``: the tags of ``sent[left:first]``, if at hand."""
    if tags is None:
        tags = list(map(_TAG, sent[left:first]))
    for k in compress(count(left), map("R".__eq__, tags)):
        if _other_name_between(sent, k, first):
            continue  # "HLV Hiroshi Tanaka tung tân binh … Daniel Passira"
        while k > left and sent[k - 1].tag in ("M", "M+"):
            k -= 1
        return k
    return None


def _other_name_between(sent: list[Token], k: int, first: int) -> bool:
    """A personal name (family name or foreign given name first, two or more words) ends
    between the role head at ``k`` and the name at ``first``: the role is that person's."""
    while k < first:
        if not (sent[k].name and not sent[k].tag):
            k += 1
            continue
        j = k
        while j < first and sent[j].name and not sent[j].tag:
            j += 1
        if j == first:
            return False
        words = sent[k:j]
        keys = [w.key for w in words]
        place = gz.longest_match(keys, 0, "places")
        if 0 < place < len(words):  # "người Tây Ban Nha Carlos Alcaraz"
            words, keys = words[place:], keys[place:]
        if (
            len(words) >= 2
            and (
                _is_surname(words[0])
                or (keys[0],) in gz.phrases("foreign_given_names")
                or (len(words) <= 3 and all(is_foreign(w.text) for w in words))
            )
            and gz.longest_match(keys, 0, "places") < len(words)
            and _name_like(words)
        ):
            return True
        k = j
    return False


def _quoted_title(sent: list[Token], first: int, last: int) -> bool:
    """The run fills a quotation on its own: a title or catchphrase, not a name."""
    return (
        first > 0
        and last < len(sent)
        and sent[first - 1].text in _QUOTES
        and sent[last].text in _QUOTES
    )


def _evidence_after(sent: list[Token], last: int) -> bool:
    """A speech verb, an age in brackets or a role right after the run."""
    k = last
    while k < len(sent) and not sent[k].tag and not sent[k].cap and sent[k].word and k - last < 3:
        if sent[k].key not in _ADVERBS:
            break
        k += 1
    if k >= len(sent):
        return False
    tok = sent[k]
    if tok.tag == "V":
        return True
    if tok.text == "(" and k + 3 < len(sent):
        nxt = " ".join(t.text.lower() for t in sent[k + 1 : k + 6])
        return "tuổi" in nxt or "sinh năm" in nxt
    if tok.text in ",-–" and k + 1 < len(sent):
        return _role_begins(sent, k + 1) and not _names_someone(sent, k + 1)
    return False


def _role_begins(sent: list[Token], k: int) -> bool:
    """A role head (after determiners such as ``một``) starts at ``k``."""
    while k < len(sent) and not sent[k].cap and sent[k].key in _DETERMINERS:
        k += 1
    return k < len(sent) and sent[k].tag in ("R", "M")


def _role_after(sent: list[Token], last: int) -> tuple[str | None, int]:
    """A role written after the name (``, Role`` · ``- Role`` · ``(…, Role, …)``)."""
    n = len(sent)
    if last >= n:
        return None, last
    tok = sent[last]
    if tok.key not in _ROLE_AFTER_STARTS:
        return None, last  # none of the openings below (a mark's key is the mark itself)
    if tok.text == "(":
        close = last + 1
        while close < n and sent[close].text != ")" and close - last < 30:
            close += 1
        seg_start = last + 1
        for k in range(last + 1, close + 1):
            if k == close or sent[k].text == ",":
                if (
                    seg_start < k
                    and sent[seg_start].tag == "R"
                    or (seg_start < k and sent[seg_start].tag == "M")
                ):
                    return _text(sent, seg_start, k), close + 1
                seg_start = k + 1
        if close + 1 < n and sent[close + 1].text == ",":
            # "bị cáo X (39 tuổi, ngụ quận Hoàng Mai), kế toán trưởng công ty, …"
            role, after = _role_after(sent, close + 1)
            if role:
                return role, after
        return None, min(close + 1, n)
    if tok.key == _LA:
        k = last + 1
        while k < n and (
            sent[k].key in _DETERMINERS or sent[k].key == _TRONG or sent[k].text[0].isdigit()
        ):
            k += 1
        if k < n and sent[k].tag == "R" and not _names_someone(sent, k):
            end = k
            while (
                end < n and end - k < 15 and sent[end].text not in ",;:.!?" and sent[end].key != _VA
            ):
                end += 1
            return _text(sent, k, end), last
        return None, last
    if tok.text not in (",", "-", "–", "—"):
        return None, last
    if tok.text == "," and _personal_detail(sent, last + 1):
        end = last + 1
        while end < n and sent[end].text not in ",;:.!?()" and end - last < 25:
            end += 1
        if end < n and sent[end].text == ",":
            role, after = _role_after(sent, end)
            return role, after
        return None, end
    k = last + 1
    while k < n and not sent[k].cap and sent[k].key in _DETERMINERS:
        k += 1
    dash = tok.text != ","
    if k >= n or not (sent[k].tag in ("R", "M") or (dash and sent[k].tag == "O" and sent[k].cap)):
        return None, last
    if _names_someone(sent, k):
        return None, last  # "…, HLV Ronald Koeman chia sẻ": another person, not a role
    start = k
    end = k
    while end < n and end - start < 30:
        cur = sent[end]
        if cur.tag == "V" or cur.text in (";", ":", ".", "!", "?") or cur.text in _QUOTES:
            break
        if not cur.cap and cur.key in _ROLE_STOP:
            break
        if cur.text == "(":
            close = end + 1
            while close < n and sent[close].text != ")" and close - end < 20:
                close += 1
            end = close + 1
            continue
        if cur.text in (",", "-", "–", "—"):
            nxt = sent[end + 1] if end + 1 < n else None
            if nxt is None or not (
                nxt.tag in ("R", "M")
                or (nxt.tag == "O" and nxt.cap)
                or _continues_org(nxt)
                or _unit_follows(sent, end + 1)
            ):
                break
        end += 1
    end = min(end, n)
    return _text(sent, start, end) or None, end


_ROLE_AFTER_STARTS = frozenset(("(", ",", "-", "–", "—", _LA))
_DETAIL_STARTS = frozenset(
    (
        gz.phrase_key("trú tại"),
        gz.phrase_key("trú ở"),
        gz.phrase_key("ngụ tại"),
        gz.phrase_key("ngụ ở"),
        gz.phrase_key("quê ở"),
        gz.phrase_key("sinh năm"),
        gz.phrase_key("sống tại"),
        gz.phrase_key("ở"),
        gz.phrase_key("quê"),
        gz.phrase_key("SN"),
    )
)
_TUOI = gz.phrase_key("tuổi")


def _names_someone(sent: list[Token], k: int) -> bool:
    """The role head at ``k`` is directly followed by a person's name (``HLV Ronald Koeman``)."""
    while k < len(sent) and sent[k].tag in ("M", "M+", "R", "R+"):
        k += 1
    j = k
    while j < len(sent) and sent[j].name and not sent[j].tag:
        j += 1
    words = sent[k:j]
    if not words or not _name_like(words) or words[-1].text in gz.raw("foreign_org_words"):
        return False
    if _is_surname(words[0]) and 2 <= len(words) <= MAX_NAME:
        return True
    return 2 <= len(words) <= 3 and all(is_foreign(w.text) for w in words)


def _personal_detail(sent: list[Token], k: int) -> bool:
    """``, 45 tuổi,`` · ``, trú tại xã…,`` · ``, sinh năm 1990,``: an age or an address."""
    if k + 1 < len(sent) and sent[k].text[0].isdigit() and (sent[k + 1].key,) == _TUOI:
        return True
    keys = tuple(map(_KEY, sent[k : k + 2]))
    return keys[:1] in _DETAIL_STARTS or keys in _DETAIL_STARTS


_FORMER = gz.word_keys("nguyên cựu")
_UNITS = frozenset(
    gz.phrase_key(w)
    for w in ("tỉnh", "thành phố", "TP", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
)


def _unit_follows(sent: list[Token], k: int) -> bool:
    """``…, xã Phúc Trạch``: an administrative unit with its name continues a role."""
    for size in (2, 1):
        if tuple(map(_KEY, sent[k : k + size])) in _UNITS:
            return k + size < len(sent) and sent[k + size].name and sent[k].tag == "O"
    return False


def _continues_org(tok: Token) -> bool:
    """``…, Nguyên Phó Chủ tịch …``: a capitalised "former" continues a list of roles."""
    return tok.cap and tok.key in _FORMER


def _description_after(sent: list[Token], last: int) -> str | None:
    """``X, người lai tạo giống lúa ST25, khuyên…``: a ``người …`` phrase between commas
    describing the person (kept as the role only when no role is written for them)."""
    n = len(sent)
    if last + 2 >= n or sent[last].text != "," or sent[last + 1].key != _NGUOI:
        return None
    nxt = sent[last + 2]
    if not nxt.word or nxt.cap or nxt.tag in ("K", "K+"):
        return None  # "người Mỹ": a nationality; "người thân": kin
    end = last + 2
    while end < n and sent[end].text not in ",;:.!?()" and sent[end].text not in _QUOTES:
        if end - last > 12:
            return None
        end += 1
    if end >= n or sent[end].text != ",":
        return None
    return _text(sent, last + 1, end)
