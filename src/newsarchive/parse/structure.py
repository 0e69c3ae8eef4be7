"""The layout of a text scrape: furniture cut, title, date line, photo captions, byline and
body paragraphs.  Works line by line in linear time, whatever the site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsarchive.parse.byline import (
    Byline,
    lead_credit,
    parse_byline,
    parse_labelled_byline,
)
from newsarchive.parse.dates import FoundDate, parse_date_line
from newsarchive.parse.furniture import (
    furniture_key,
    is_comment_heading,
    is_footer,
    is_furniture,
    is_masthead,
    is_section_end,
)
from newsarchive.vi.text import match_key

MAX_TITLE = 250
MAX_CAPTION = 300
_TERMINAL = (".", "!", "?", "…", '"', "”", "»", ":", ";", ")")
_END_MARK = re.compile(r"\s*\.?\s*/\s*\.\s*$")  # "./." closing a Vietnamese article
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s|$)")
_INVISIBLE_MARKS = "\u200b\u200c\u200d\ufeff"  # zero-width characters, dropped
_INVISIBLE = re.compile(f"[{_INVISIBLE_MARKS}]")
_BODY_END = re.compile(r"(?:[.:…]|[^.]\.\.\.)[\"”’)\]]*$")
# A caption's photo credit at its end: "… Ảnh: Ngọc Thành", "… (Ảnh: TTXVN)".
_CAPTION_CREDIT = re.compile(
    r"(?:^|[\s.(\-–])\(?(?i:ảnh|nguồn ảnh|ảnh minh họa)\s*:\s*[^.:]{1,60}\)?$"
)
_PHOTO_CREDIT = re.compile(r"^\(?(?:ảnh|nguồn|video|clip)\s*:", re.IGNORECASE)


@dataclass
class Layout:
    """What the scrape's lines were found to hold."""

    title: str | None = None
    date: FoundDate | None = None
    date_line: str | None = None
    byline: Byline = field(default_factory=Byline)
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class _Line:
    text: str  # whitespace-normalised
    photo: bool = False  # a line holding only no-break spaces: a photo was here

    @property
    def blank(self) -> bool:
        return not self.text and not self.photo


def split_lines(text: str) -> list[_Line]:
    """Lines with whitespace collapsed; NBSP-only lines flagged as photo markers."""
    if any(mark in text for mark in _INVISIBLE_MARKS):
        text = _INVISIBLE.sub("", text)
    lines = []
    for raw in text.split("\n"):
        clean = raw if _collapsed(raw) else " ".join(raw.split())
        lines.append(_Line(clean, photo=not clean and "\u00a0" in raw))
    return lines


def _collapsed(line: str) -> bool:
    """``line`` is its own whitespace-collapsed form: no whitespace but single inner spaces
    (every whitespace character but the space is unprintable)."""
    return line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "


def word_count(text: str, limit: int = 50) -> int:
    """Words in ``text``, counting at most ``limit`` (cheap on huge lines)."""
    return len(text[: limit * 12].split(maxsplit=limit))


def ends_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL)


def analyse(
    text: str, title: str | None = None, extra_furniture: frozenset[str] = frozenset()
) -> Layout:
    """Find the parts of a decoded scrape; ``title`` is given when HTML metadata had one;
    ``extra_furniture`` holds ``furniture_key``s of a site's own chrome lines (site.yaml)."""
    lines = split_lines(text)
    if extra_furniture:
        lines = [ln for ln in lines if furniture_key(ln.text) not in extra_furniture]
    layout = Layout()
    start = _find_title(lines, layout, given=title)
    body = _cut_tail(lines[start:])
    head_byline = _take_head_byline(body)
    _take_date(lines[:start], body, layout)
    _take_captions(body, layout)
    _take_byline(body, layout)
    if head_byline:
        layout.byline = _merge(head_byline, layout.byline)
    layout.paragraphs = _paragraphs(body)
    _finish_flattened(layout)
    if layout.paragraphs and not layout.byline.credit:
        layout.byline.credit = lead_credit(layout.paragraphs[0])
    return layout


def _find_title(lines: list[_Line], layout: Layout, given: str | None) -> int:
    """Set the title; return the index of the first line after it."""
    if given:
        given = " ".join(given.split())
        for i, line in enumerate(lines[:40]):
            if line.text == given:
                layout.title = given
                return i + 1
        layout.title = given
        return 0
    candidates: list[int] = []
    body_found = False
    for i, line in enumerate(lines):
        if i > 80:
            break
        if line.photo and candidates:
            body_found = True  # a photo: the article has started
            break
        if line.blank or line.photo or is_furniture(line.text) or parse_date_line(line.text):
            continue
        if is_masthead(line.text):
            continue
        if looks_like_body(line.text):
            body_found = True
            break
        candidates.append(i)
    chosen = _pick_title(lines, candidates) if body_found else None
    if chosen is None:
        chosen = _first_title_line(lines)
    if chosen is None:
        return len(lines)
    layout.title = lines[chosen].text
    return chosen + 1


def looks_like_body(text: str) -> bool:
    """A line of article text rather than a headline: a long sentence ending with a period
    (or a colon), or a line far too long for a headline."""
    if len(text) > MAX_TITLE or word_count(text, 45) >= 45:
        return True
    return word_count(text) >= 8 and bool(_BODY_END.search(text[-6:]))


def _pick_title(lines: list[_Line], candidates: list[int]) -> int | None:
    """The headline among the lines before the first body line: the last one that is not a
    byline, a photo credit or a short menu item (the lines above it are menus, mastheads and
    category labels)."""
    usable = [
        i
        for i in candidates
        if not (
            parse_labelled_byline(lines[i].text)
            or _PHOTO_CREDIT.match(lines[i].text)
            or _CAPTION_CREDIT.search(lines[i].text[-80:])
        )
    ]
    if not usable:
        return None
    named = [i for i in usable if not (i != usable[0] and parse_byline(lines[i].text))]
    usable = named or usable
    # A short sentence ending with a period is the start of the body, not a headline.
    headlines = [i for i in usable if not _BODY_END.search(lines[i].text[-6:])]
    usable = headlines or usable
    long_ones = [i for i in usable if _letter_words(lines[i].text) >= 3]
    return (long_ones or usable)[-1]


def _letter_words(text: str) -> int:
    """Words holding a letter (``"Thứ Năm, 31/2/2024"`` has two)."""
    return sum(any(c.isalpha() for c in w) for w in text[:600].split(maxsplit=50))


def _first_title_line(lines: list[_Line]) -> int | None:
    """The old rule, when no body line follows the candidates: the first line of three words
    or more after the furniture, else the first line at all."""
    fallback = None
    for i, line in enumerate(lines):
        if line.blank or line.photo or is_furniture(line.text) or parse_date_line(line.text):
            continue
        if is_masthead(line.text):
            continue
        if fallback is None:
            fallback = i
        if word_count(line.text) >= 3:
            return i
        if i > 60:
            break
    return fallback


def _cut_tail(lines: list[_Line]) -> list[_Line]:
    """Drop furniture lines, and after a heading like "Các tin khác" the list of other
    stories that follows it (headline-like lines), up to the next real paragraph.  Readers'
    comments and the site footer end the article once it has had its body."""
    remaining = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        remaining[i] = remaining[i + 1] + len(lines[i].text)
    kept: list[_Line] = []
    skipping = False
    body_lines = kept_chars = 0
    for i, line in enumerate(lines):
        if line.blank or line.photo:
            if not skipping:
                kept.append(line)
            continue
        if (is_comment_heading(line.text) or is_footer(line.text)) and (
            body_lines >= 2 and remaining[i + 1] < kept_chars
        ):
            break  # comments or the footer: the article is over
        if is_section_end(line.text):
            last = next((k.text for k in reversed(kept) if k.text), "")
            if last and parse_byline(last):
                break  # the article ended with its byline: the rest is other stories
            skipping = True
            continue
        if is_furniture(line.text):
            continue
        if skipping and not (
            line.text.endswith((".", "…", '"', "”")) and word_count(line.text) >= 8
        ):
            continue
        skipping = False
        kept.append(line)
        kept_chars += len(line.text)
        body_lines += looks_like_body(line.text)
    return _cut_after_byline(kept)


def _cut_after_byline(body: list[_Line]) -> list[_Line]:
    """After the last body paragraph, a byline ends the article: the lines after it that are
    not sentences (headlines of other stories, footer lines) are dropped; date lines stay."""
    last_body = -1
    for i, line in enumerate(body):
        if line.text and looks_like_body(line.text):
            last_body = i
    if last_body < 0:
        return body
    byline_at = None
    for i in range(last_body + 1, len(body)):
        text = body[i].text
        if text and not parse_date_line(text) and parse_byline(text):
            byline_at = i
            break
    kept = body[: last_body + 1]
    for i in range(last_body + 1, len(body)):
        line = body[i]
        text = line.text
        if text and is_footer(text):
            continue
        if (
            byline_at is not None
            and i > byline_at
            and text
            and not ends_sentence(text)
            and not parse_date_line(text)
            and not parse_byline(text)
        ):
            continue
        kept.append(line)
    return kept


def _take_date(head: list[_Line], body: list[_Line], layout: Layout) -> None:
    """The publication date: a date line after the title (just below it) wins over one in the
    page header before it, which may be the day the page was scraped; else one at the end."""
    after = []
    seen = 0
    for i, line in enumerate(body):
        if line.blank or line.photo:
            continue
        seen += 1
        if seen > 4:
            break
        if parse_date_line(line.text):
            after.append(i)
    before = [line for line in head if not line.photo and parse_date_line(line.text)]
    if after:
        chosen = body[after[0]]
    elif before:
        chosen = before[-1]
    else:
        tail = [i for i, line in enumerate(body) if line.text][-4:]
        hits = [i for i in tail if parse_date_line(body[i].text)]
        if not hits:
            return
        after = hits[:1]
        chosen = body[hits[0]]
    for i in after:
        body[i] = _Line("")
    layout.date = parse_date_line(chosen.text)
    layout.date_line = chosen.text


def _take_captions(body: list[_Line], layout: Layout) -> None:
    """A photo marker is followed by its caption (one line, or two when the second
    continues the first); captions leave the body."""
    i = 0
    while i < len(body):
        if not body[i].photo:
            i += 1
            continue
        body[i] = _Line("")
        j = i + 1
        while j < len(body) and body[j].blank:
            j += 1
        if j >= len(body) or body[j].photo or not _could_be_caption(body[j].text):
            i = j
            continue
        if parse_byline(body[j].text) and _only_blank_after(body, j + 1):
            i = j
            continue
        caption = body[j].text
        body[j] = _Line("")
        k = j + 1
        if k < len(body) and body[k].text and _continues_caption(caption, body[k].text):
            caption = f"{caption} {body[k].text}"
            body[k] = _Line("")
            k += 1
        layout.captions.append(caption)
        i = k


def _could_be_caption(text: str) -> bool:
    """Short enough for a caption, and not a paragraph of several sentences (a photo marker
    with no caption is followed directly by the body)."""
    if len(text) > MAX_CAPTION:
        return False
    sentences = len(_SENTENCE_END.findall(text))
    return sentences <= 1 or len(text) < 150 or bool(_CAPTION_CREDIT.search(text[-80:]))


def _only_blank_after(body: list[_Line], start: int) -> bool:
    return all(line.blank for line in body[start:])


def _continues_caption(first: str, second: str) -> bool:
    if len(first) + len(second) > MAX_CAPTION:
        return False
    return second[:1].islower() or second.startswith(("(Ảnh", "(ảnh", "Ảnh:", "(Nguồn"))


def _take_byline(body: list[_Line], layout: Layout) -> None:
    """Byline lines at the very end (a labelled one may be followed by one more)."""
    filled = [i for i, line in enumerate(body) if line.text]
    for i in reversed(filled[-3:]):
        found = parse_byline(body[i].text)
        if not found:
            break
        if layout.byline.authors or layout.byline.credit:
            merged = Byline(
                found.authors + layout.byline.authors, _join(found.credit, layout.byline.credit)
            )
        else:
            merged = found
        layout.byline = merged
        body[i] = _Line("")


def _take_head_byline(body: list[_Line]) -> Byline | None:
    """A byline among the first lines under the title: a labelled one (``Tác giả: X``), or a
    bare name next to the date line (``Lê Thanh Hương`` / ``12/08/2024 06:00 GMT+7``)."""
    filled = [i for i, line in enumerate(body) if line.text][:4]
    for n, i in enumerate(filled[:3]):
        found = parse_labelled_byline(body[i].text)
        if not found and not ends_sentence(body[i].text):
            neighbours = filled[max(0, n - 1) : n] + filled[n + 1 : n + 2]
            dated = any(parse_date_line(body[j].text) for j in neighbours)
            # or the very first line under the title, with the body right after it
            leads = n == 0 and n + 1 < len(filled) and looks_like_body(body[filled[1]].text)
            if dated or leads:
                found = parse_byline(body[i].text)
                found = found if found and found.authors else None
        if found:
            body[i] = _Line("")
            return found
    return None


def _merge(first: Byline, second: Byline) -> Byline:
    authors = list(first.authors)
    keys = {match_key(a) for a in authors}
    authors.extend(a for a in second.authors if match_key(a) not in keys)
    return Byline(authors, first.credit or second.credit)


def _join(first: str | None, second: str | None) -> str | None:
    return ", ".join(c for c in (first, second) if c) or None


def _paragraphs(body: list[_Line]) -> list[str]:
    """Non-blank lines become paragraphs; a hard-wrapped line continued by a lower-case line
    is joined to it."""
    paragraphs: list[str] = []
    previous_blank = True
    for line in body:
        if not line.text:
            previous_blank = True
            continue
        if (
            paragraphs
            and not previous_blank
            and line.text[:1].islower()
            and not ends_sentence(paragraphs[-1])
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
        else:
            paragraphs.append(line.text)
        previous_blank = False
    return paragraphs


def _finish_flattened(layout: Layout) -> None:
    """Strip "./.", split a byline off the last words of a flattened body, and split an
    over-long title line (a whole article on one line) after its first sentence."""
    if layout.title and len(layout.title) > MAX_TITLE:
        head, rest = split_first_sentence(layout.title)
        layout.title = head
        if rest:
            layout.paragraphs.insert(0, rest)
    if not layout.paragraphs:
        return
    last = layout.paragraphs[-1]
    if not (layout.byline.authors or layout.byline.credit):
        text, found = _trailing_byline(last)
        if found:
            layout.byline = found
            last = text
    last = _END_MARK.sub(".", last) if _END_MARK.search(last[-8:]) else last
    if last.strip():
        layout.paragraphs[-1] = last
    else:
        layout.paragraphs.pop()


def _trailing_byline(paragraph: str) -> tuple[str, Byline | None]:
    """``"… được giao./. Hà Thanh"`` → (``"… được giao./."``, Byline(["Hà Thanh"]))."""
    tail = paragraph[-160:]
    ends = list(_SENTENCE_END.finditer(tail)) + list(re.finditer(r"/\.", tail))
    if not ends:
        return paragraph, None
    cut = max(m.end() for m in ends)
    remainder = tail[cut:].strip()
    if not remainder or cut == 0:
        return paragraph, None
    found = parse_byline(remainder)
    if not found:
        return paragraph, None
    keep = paragraph[: len(paragraph) - len(tail) + cut].rstrip()
    if not keep:
        return paragraph, None
    return keep, found


def split_first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, rest) when the first sentence fits a title; else a word-boundary cut."""
    match = _SENTENCE_END.search(text, 0, MAX_TITLE + 1)
    if match and match.end() >= 10:
        return text[: match.end()], text[match.end() :].strip()
    cut = text.rfind(" ", 0, MAX_TITLE)
    cut = cut if cut > 0 else MAX_TITLE
    return text[:cut], text[cut:].strip()
