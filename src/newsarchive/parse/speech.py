"""Who speaks in a sentence, and the direct quotations attributed to them.

A person speaks when a speech verb follows their mention in the same clause
(``Bộ trưởng Nguyễn Văn Thể cho biết``, ``do PGS.TS Lê Văn Cường trình bày``), when the
sentence opens with one (``Phát biểu khai mạc, đồng chí X…``), after ``Theo X,``, after
a speech noun (``bài phát biểu của X``), or in ``X: “…”``.  A speech verb whose subject is
a pronoun (``Anh chia sẻ``, ``- chị cho hay``) or a bare role (``Thủ tướng yêu cầu``) is
resolved by ``people`` to the person named last (holding that role).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from newsarchive.parse import gazetteer as gz
from newsarchive.parse.names import Head, Mention, Token, heads

_KEY = attrgetter("key")
MAX_GAP = 14  # tokens between a mention and its speech verb
_PRONOUNS = gz.word_keys("ông bà anh chị em cô chú bác cụ người này ấy nam nữ bạn")
_THEO = gz.phrase_key("theo")[0]
_CUA = gz.phrase_key("của")[0]
_VA = gz.phrase_key("và")[0]
_OBJECT_WORDS = gz.word_keys("của cho với gửi tặng giúp nhờ gặp thăm mời về thay")
_SUBJECT_TAGS = frozenset(("R", "R+", "M", "M+", "K", "K+", "O", "O+", "I", "I+"))
_ADVERBS = gz.word_keys("cũng còn đã vừa thêm lại đều")
_QUOTE_OPEN = '“"«'
_QUOTE_MARKS = '“”«»"'
_SPEECH_SENTENCE_START = frozenset(
    gz.phrase_key(w) for w in ("phát biểu", "chia sẻ", "trả lời", "kết luận", "nhận xét về")
)


@dataclass
class SpeechFacts:
    """Speakers of one sentence: mention indices, and whether a pronoun speaks."""

    speaking: set[int]
    pronoun_speaks: bool
    role_subject: str | None = None  # "Thủ tướng yêu cầu": the role that speaks
    verb: int = 0  # token index of the speech verb of a pronoun or role subject


def sentence_speakers(
    sent: list[Token],
    mentions: list[Mention],
    tagged: list[Head] | None = None,
    keys: list[str] | None = None,
) -> SpeechFacts:
    """Which mentions of a tagged sentence speak, and whether an unnamed subject speaks;
    ``tagged`` is what ``names.tag`` returned for it (found again if not given), ``keys``
    the tokens' keys, if at hand."""
    speaking: set[int] = set()
    pronoun = False
    role_subject = None
    verb = 0
    n = len(sent)
    if tagged is None:
        tagged = heads(sent)
    if keys is None:
        keys = list(map(_KEY, sent))
    for v in [v for v, label in tagged if label == "V"]:
        who = _subject_before(sent, mentions, v)
        if who is not None:
            speaking.update(who)
        elif v == 0 and _opening_speech(keys) is not None:
            idx = _first_after_comma(sent, mentions)
            if idx is not None:
                speaking.add(idx)
        else:
            kind = _pronoun_subject(sent, v)
            if kind == "pronoun":
                pronoun, verb = True, v
            elif kind:
                role_subject, verb = kind, v
    colon = ":" in keys  # without one, no ``X: “…”`` and no answer line
    for idx, m in enumerate(mentions):
        before = m.span_start - 1
        while before >= 0 and sent[before].tag in ("H", "H+", "K", "K+"):
            before -= 1
        if before >= 1 and keys[before] == _CUA and _speech_noun_before(sent, keys, mentions, idx):
            speaking.add(idx)  # "Theo lời kể của bà X", "bài phát biểu của ông Y"
        if (
            before >= 0
            and sent[before].key == _THEO
            and m.span_end < n
            and (sent[m.span_end].text == ",")
        ):
            speaking.add(idx)
        if colon and _colon_quote(sent, mentions, idx) and not _is_object(sent, m):
            speaking.add(idx)
        if (colon and _answer_line(sent, m)) or _after_quote(sent, mentions, idx):
            speaking.add(idx)
    return SpeechFacts(speaking, pronoun, role_subject, verb)


def _speech_noun_before(
    sent: list[Token], keys: list[str], mentions: list[Mention], idx: int
) -> bool:
    """A speech noun or verb shortly before ``của X`` (``những bài diễn thuyết … của X``)."""
    stop = mentions[idx - 1].span_end if idx > 0 else 0
    start = mentions[idx].span_start - 2
    firsts = gz.first_syllables(("speech_nouns",))  # longest_match is 0 elsewhere
    for k in range(start, max(stop, start - 12) - 1, -1):
        tok = sent[k]
        if tok.text in ".;:!?" or tok.text in _QUOTE_OPEN:
            return False
        if keys[k] in firsts and gz.longest_match(keys, k, "speech_nouns"):
            return True
        if tok.tag in ("V", "V+") and k >= start - 1:
            return True  # "chia sẻ của bà X": the verb used as a noun, right before "của"
    return False


def _after_quote(sent: list[Token], mentions: list[Mention], idx: int) -> bool:
    """``"…", ông Bảy phấn khởi.``: a name right after a quotation, with only a few words
    (how it was said) before the sentence ends, attributes the quotation."""
    m = mentions[idx]
    k = m.span_start
    if k < 2 or sent[k - 1].text != "," or sent[k - 2].text not in '"”»':
        return False
    if idx + 1 < len(mentions) or _is_object(sent, m):
        return False
    tail = [t for t in sent[m.span_end :] if t.word]
    return len(tail) <= 3 and all(not t.cap for t in tail)


def _answer_line(sent: list[Token], m: Mention) -> bool:
    """``- TS Vương Hữu Nhân: Nguyên nhân chính là…``: an interview answer (or a speaker
    label in a transcript) opens with the name and a colon, then the words said."""
    k = 0
    while k < m.span_start and not sent[k].word and sent[k].text in "-–—•*":
        k += 1
    return (
        k == m.span_start
        and m.span_end + 1 < len(sent)
        and sent[m.span_end].text == ":"
        and sent[m.span_end + 1].word
    )


def _colon_quote(sent: list[Token], mentions: list[Mention], idx: int) -> bool:
    """``X: “…”`` or ``X bàng hoàng nhớ lại: “…”`` (a few words, then a colon and a quote)."""
    end = mentions[idx].span_end
    limit = mentions[idx + 1].span_start if idx + 1 < len(mentions) else len(sent)
    for k in range(end, min(limit, end + 9, len(sent) - 1)):
        tok = sent[k]
        if tok.text == ":":
            return sent[k + 1].text in _QUOTE_OPEN
        if not tok.word:
            return False
    return False


def _subject_before(sent: list[Token], mentions: list[Mention], v: int) -> set[int] | None:
    """The mention (and those listed with it) whose clause a speech verb at ``v`` ends."""
    best = None
    for idx, m in enumerate(mentions):
        if m.span_end <= v and v - m.span_end <= MAX_GAP:
            best = idx
    if best is None:
        return None
    m = mentions[best]
    start = m.span_end
    if m.span_end > m.last and start < v and sent[start].text == ",":
        start += 1  # "A, Role, dự và phát biểu": the comma closing the apposition
    blocked = any(sent[k].text in ',;:.!?"“”' or sent[k].tag in ("K", "H") for k in range(start, v))
    if blocked or _is_object(sent, m):
        inserted = _before_insertion(sent, mentions, v)
        return {inserted} if inserted is not None else None
    group = {best}
    k = best
    while k > 0 and _coordinated(sent, mentions[k - 1], mentions[k]):
        k -= 1
        if _is_object(sent, mentions[k]):
            break
        group.add(k)
    return group


def _before_insertion(sent: list[Token], mentions: list[Mention], v: int) -> int | None:
    """``X, học trò của bà, kể lại`` · ``Con trai bệnh nhân, anh X, cho biết``: the subject
    is separated from its verb by a phrase between commas (no other clause mark inside)."""
    if v < 2 or sent[v - 1].text != ",":
        return None
    k = v - 2
    while k >= 0 and sent[k].text not in ',;:.!?"“”()' and sent[k].tag != "V" and v - k < 14:
        k -= 1
    if k < 0 or sent[k].text != ",":
        return None
    for idx, m in enumerate(mentions):
        if m.span_end == k and not _is_object(sent, m):
            return idx
        if m.span_end == v - 1 and k < m.span_start and not _is_object(sent, m):
            return idx  # the name itself is the phrase between commas
    return None


def _is_object(sent: list[Token], m: Mention) -> bool:
    k = m.span_start - 1
    if k < 0:
        return False
    prev = sent[k]
    return (not prev.cap and prev.key in _OBJECT_WORDS) or m.relational


def _coordinated(sent: list[Token], a: Mention, b: Mention) -> bool:
    """``A, B và C cho biết`` · ``ông A và bà B cho biết``: people listed together share
    the verb (after a bare comma only a bare name continues the list)."""
    between = list(map(_KEY, sent[a.span_end : b.span_start]))
    if between and between[-1] == _VA:
        return between in ([_VA], [",", _VA])  # "ông A và bà B cho biết"
    return b.span_start == b.first and between == [","]


def _opening_speech(keys: list[str]) -> int | None:
    for phrase in _SPEECH_SENTENCE_START:
        if tuple(keys[: len(phrase)]) == phrase:
            return len(phrase)
    return None


def _first_after_comma(sent: list[Token], mentions: list[Mention]) -> int | None:
    comma = next((k for k, t in enumerate(sent) if t.text == ","), None)
    if comma is None:
        return None
    for idx, m in enumerate(mentions):
        if m.span_start == comma + 1 or m.first == comma + 1:
            return idx
        if m.span_start > comma + 1:
            k = comma + 1
            while k < m.first and sent[k].tag in ("H", "H+", "K", "K+", "R", "R+", "M", "M+"):
                k += 1
            return idx if k == m.first else None
    return None


def _pronoun_subject(sent: list[Token], v: int) -> str | None:
    """``Anh chia sẻ`` · ``Nam ca sĩ cho biết`` · ``” - chị cho hay`` → ``"pronoun"``;
    ``Thủ tướng yêu cầu`` → the role's words; otherwise None."""
    k = v - 1
    words: list[Token] = []
    while k >= 0 and sent[k].word and len(words) < 8:
        if sent[k].key in _ADVERBS:
            k -= 1
            continue
        if sent[k].key not in _PRONOUNS and sent[k].tag not in _SUBJECT_TAGS:
            return None
        words.append(sent[k])
        k -= 1
    if not words:
        return None
    if not (k < 0 or sent[k].text in ',-–—”".:'):
        return None
    if any(w.key in _PRONOUNS or w.tag.startswith("K") for w in words):
        return "pronoun"
    if not any(w.tag.startswith("R") for w in words):
        return None
    return " ".join(w.text for w in reversed(words))


def find_quotes(text: str, max_len: int = 3000) -> list[tuple[int, int, str]]:
    """Direct quotations in ``text``: (start, end, inner text), curly or straight quotes.

    Quote marks are paired in one linear pass; a quotation may span paragraphs."""
    result = []
    open_at = -1
    for pos in _quote_marks(text):
        mark = text[pos]
        if open_at < 0:
            if mark in '“«"':
                open_at = pos
            continue
        opener = text[open_at]
        if (mark in "”»" and opener in "“«") or (mark == '"' and opener == '"'):
            inner = text[open_at + 1 : pos].strip()
            inner = " ".join(inner.split())
            if pos - open_at <= max_len and len(inner.split()) >= 4:
                result.append((open_at, pos + 1, inner))
            open_at = -1
        elif mark in "“«":
            open_at = pos
        elif mark == '"' and opener in "“«":
            continue
    return result


def _quote_marks(text: str) -> list[int]:
    """The offsets of the quote marks in ``text``, in order (``str.find`` per mark: much
    cheaper than a regex class over a long non-ASCII text)."""
    found: list[int] = []
    find = text.find
    for mark in _QUOTE_MARKS:
        at = find(mark)
        while at >= 0:
            found.append(at)
            at = find(mark, at + 1)
    found.sort()
    return found
