"""The faster tokeniser, sentence and line splitters give what the plain versions gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.parse import gazetteer as gz
from newsarchive.parse import names
from newsarchive.parse.names import MAX_SENTENCE_TOKENS, Token, sentences, tokenize
from newsarchive.parse.structure import _INVISIBLE, split_lines

_WORDS = ["Ông", "bà", "Nguyễn", "Văn", "A", "TS", "TP.Hà", "Nội", "12,5", "O'Neill", "x-y"]
_MARKS = [".", "!", "?", "…", ",", '"', "“", "”", "(", ")", "-", "  ", "\n", "\u00a0"]


def _plain_tokenize(text: str) -> list[tuple[str, int]]:
    """The original: one regex pass over the whole text."""
    out = []
    for m in names._TOKEN.finditer(text[: names.MAX_UNIT_CHARS]):
        word, start = m.group(), m.start()
        if "." in word and word[:3] in ("TP.", "Tp.") and len(word) > 3:
            out += [(word[:2], start), (".", start + 2)]
            word, start = word[3:], start + 3
        out.append((word, start))
    return out


def _plain_sentences(tokens: list[Token]) -> list[list[Token]]:
    """The original token-by-token loop."""
    result: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        boundary = False
        if tok.text in names._SENTENCE_END and len(current) > 1:
            prev = current[-2].text
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            abbreviation = tok.text == "." and (
                (len(prev) == 1 and prev.isupper()) or prev in gz.raw("honorifics")
            )
            boundary = not abbreviation and (nxt is None or nxt.cap or nxt.text in names._QUOTES)
        if boundary or len(current) >= MAX_SENTENCE_TOKENS:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


_texts = st.lists(st.sampled_from(_WORDS + _MARKS), max_size=60).map(" ".join) | st.text()
# Marks glued to words ("Nam," · "(ông" · "TP.Hà,"), single-spaced like real paragraphs.
_glued = st.lists(
    st.lists(
        st.sampled_from(_WORDS + _MARKS[:12] + ["'", "’", "&", "/", "%"]), min_size=1, max_size=4
    ).map("".join),
    max_size=40,
).map(" ".join)
_long = st.lists(st.sampled_from(_WORDS + _MARKS[:4]), min_size=100, max_size=700).map(" ".join)


@settings(max_examples=300)
@given(_texts | _glued)
def test_tokenize_matches_one_regex_pass(text: str) -> None:
    tokens, keys, starts = names.tokenize_keyed(text)
    assert [t.text for t in tokenize(text)] == [t.text for t in tokens]
    assert list(zip([t.text for t in tokens], starts, strict=True)) == _plain_tokenize(text)
    assert keys == [t.key for t in tokens]
    # "spaced": whitespace (or the text's start) before the token, what ``_text`` keeps
    assert [t.spaced for t in tokens] == [s == 0 or text[s - 1].isspace() for s in starts]


@settings(max_examples=200)
@given(_texts | _long)
def test_sentences_match_the_token_loop(text: str) -> None:
    tokens, keys, _ = names.tokenize_keyed(text)
    assert sentences(tokens) == _plain_sentences(tokens)
    assert sentences(tokens, keys, text) == _plain_sentences(tokens)  # end marks by index


def test_long_runs_are_cut_at_the_cap() -> None:
    tokens = tokenize(" ".join(["từ"] * (2 * MAX_SENTENCE_TOKENS + 5)) + " .")
    assert [len(s) for s in sentences(tokens)] == [MAX_SENTENCE_TOKENS] * 2 + [6]
    for before in range(MAX_SENTENCE_TOKENS - 5, 2 * MAX_SENTENCE_TOKENS + 5):
        for after in (0, 1, MAX_SENTENCE_TOKENS - 1, MAX_SENTENCE_TOKENS):
            tokens = tokenize(" ".join(["từ"] * before + ["."] + ["Từ"] * after))
            assert sentences(tokens) == _plain_sentences(tokens), (before, after)


@settings(max_examples=300)
@given(st.text(alphabet="aệ \n\u00a0\t\u200b\u3000") | st.text())
def test_split_lines_collapses_whitespace_as_split_join(text: str) -> None:
    plain = [" ".join(raw.split()) for raw in _INVISIBLE.sub("", text).split("\n")]
    assert [line.text for line in split_lines(text)] == plain
