"""People and speakers named in an article (issue 4).

Interface used by the parser: ``extract_people(paragraphs, captions, authors)``.
Mentions come from ``names`` (rules + gazetteers), who speaks from ``speech``; here the
mentions of one person are merged (``ông Dự`` → the full name given earlier), the most
complete role is kept, and quotations are attributed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from newsarchive.parse import names, speech
from newsarchive.record.model import Person, Quote
from newsarchive.vi.text import fold, match_key

MAX_UNITS = 2000  # paragraphs and captions scanned per article
MAX_ARTICLE_CHARS = 300_000  # text scanned per article (longer input is cut)
_WORD = attrgetter("word")


@dataclass
class PeopleResult:
    """What ``extract_people`` found, each list in order of first mention."""

    people: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class _Seen:
    """One mention in document order, with what its sentence says about it."""

    mention: names.Mention
    keys: tuple[str, ...]
    unit: int
    offset: int  # character offset of the mention's name in the document (units joined)
    span_offset: int  # … of its honorific or role written before the name
    end_offset: int  # … of the end of the name and any role written after it
    speaks: bool
    sentence: int  # running number of its sentence in the article


@dataclass
class _Entity:
    """One person: the mentions resolved to them, merged."""

    name: str
    keys: tuple[str, ...]
    roles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)  # used when no role is written
    honorific: str | None = None
    speaks: bool = False
    order: int = 0


def extract_people(paragraphs: list[str], captions: list[str], authors: list[str]) -> PeopleResult:
    """Who is named (``people``), who speaks (``speakers``) and what they said (``quotes``).

    ``paragraphs`` are the body's paragraphs (NFC text), ``captions`` the photo captions,
    ``authors`` the byline's names (never counted as people)."""
    units = [p for p in paragraphs if p and p.strip()] + [c for c in captions if c and c.strip()]
    units = _bounded([u[: names.MAX_UNIT_CHARS] for u in units[:MAX_UNITS]])
    seen, pronoun_events, role_events = _scan(units)
    entities, owner = _resolve(seen)
    for idx, item in enumerate(seen):
        ent = owner.get(idx)
        if ent is None:
            continue
        if item.mention.role:
            ent.roles.append(item.mention.role)
        elif item.mention.description:
            ent.descriptions.append(item.mention.description)
        if item.mention.honorific and not ent.honorific:
            ent.honorific = item.mention.honorific
        ent.speaks = ent.speaks or item.speaks
    said: list[tuple[int, _Entity]] = []  # (offset of the speech verb, who)
    positions = [(item.unit, item.offset) for item in seen]
    for position, verb_at in pronoun_events:
        ent = _last_before(seen, owner, position, positions=positions)
        if ent is not None:
            ent.speaks = True
            said.append((verb_at, ent))
    for position, verb_at, role in role_events:
        ent = _last_before(seen, owner, position, role, positions)
        if ent is not None:
            ent.speaks = True
            said.append((verb_at, ent))
    author_keys = {match_key(a) for a in authors if a}
    kept = [e for e in entities if match_key(e.name) not in author_keys]
    kept.sort(key=lambda e: e.order)
    people = [
        Person(e.name, _best_role(e.roles) or _best_role(e.descriptions), honorific=e.honorific)
        for e in kept
    ]
    speakers = [p for p, e in zip(people, kept, strict=True) if e.speaks]
    quotes = _quotes(units, seen, owner, said, {id(e) for e in kept})
    return PeopleResult(people=people, speakers=speakers, quotes=quotes)


def _bounded(units: list[str]) -> list[str]:
    """The units, cut so that together they hold at most ``MAX_ARTICLE_CHARS``."""
    kept, total = [], 0
    for unit in units:
        if total + len(unit) > MAX_ARTICLE_CHARS:
            break
        kept.append(unit)
        total += len(unit) + 1
    return kept


Event = tuple[tuple[int, int], int]  # ((unit, sentence offset), document offset of the verb)


def _scan(
    units: list[str],
) -> tuple[list[_Seen], list[Event], list[tuple[tuple[int, int], int, str]]]:
    """All mentions in order, and where a pronoun or a bare role (``Thủ tướng``) speaks.

    Offsets are into the document made of the units joined with newlines."""
    seen: list[_Seen] = []
    org_names: list[tuple[str, ...]] = []
    pronoun_events: list[Event] = []
    sentence_no = 0
    role_events: list[tuple[tuple[int, int], int, str]] = []
    base = 0
    for u, text in enumerate(units):
        tokens, all_keys, all_starts = names.tokenize_keyed(text)
        at = 0
        for sent in names.sentences(tokens, all_keys, text):
            sentence_no += 1
            keys = all_keys[at : at + len(sent)]
            starts = all_starts[at : at + len(sent)]  # offsets in the unit
            at += len(sent)
            tagged = names.tag(sent, keys)
            mentions = names.find_mentions(sent, org_names, tagged, keys)
            facts = speech.sentence_speakers(sent, mentions, tagged, keys)
            speaking = facts.speaking
            for idx, m in enumerate(mentions):
                first, last = m.first, max(m.span_end, m.last) - 1
                seen.append(
                    _Seen(
                        m,
                        tuple(compress(keys[first : m.last], map(_WORD, sent[first : m.last]))),
                        u,
                        base + starts[first],
                        base + starts[min(m.span_start, first)],
                        base + starts[last] + len(sent[last].text),
                        idx in speaking,
                        sentence_no,
                    )
                )
            if (facts.pronoun_speaks or facts.role_subject) and not speaking:
                where = (u, base + starts[0])
                verb_at = base + starts[facts.verb]
                if facts.pronoun_speaks:
                    pronoun_events.append((where, verb_at))
                if facts.role_subject:
                    role_events.append((where, verb_at, match_key(facts.role_subject)))
        base += len(text) + 1
    # "Hòa Phát cho biết" after "Tập đoàn Hòa Phát": a name used for an organisation
    # elsewhere in the article is a person only where it has a title of its own.
    orgs = set(org_names)
    titled = {item.keys for item in seen if item.mention.titled}
    seen = [item for item in seen if item.keys not in orgs or item.keys in titled]
    return seen, pronoun_events, role_events


@lru_cache(maxsize=16384)
def _short_forms(full: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Shorter forms a name may be referred to by: its last syllables (``Dự`` for
    ``Phạm Văn Dự``) and, for foreign names, also its first words (``Zara``); cached
    per name."""
    forms = [full[k:] for k in range(1, len(full))]
    if any(map(names.is_foreign, full)):
        forms += [full[:k] for k in range(1, len(full))]
    return tuple(forms)


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` is a shorter form of ``full``."""
    return part in _short_forms(full)


def _resolve(seen: list[_Seen]) -> tuple[list[_Entity], dict[int, _Entity]]:
    """Merge mentions of one person; a short form goes to the nearest full name.

    Weak mentions (no evidence of their own) count only when they name someone found
    with evidence: the same name, a short form of it, or its full form (``Donald Trump``
    after ``ông Trump``)."""
    strong_keys = {item.keys for item in seen if not item.mention.weak}
    accepted = {
        idx
        for idx, item in enumerate(seen)
        if not item.mention.weak
        or (
            len(item.keys) > 1
            and (
                item.keys in strong_keys
                or any(form in strong_keys for form in _short_forms(item.keys))
            )
        )
    }
    _accept_listed(seen, accepted)
    shorter = {form for idx in accepted for form in _short_forms(seen[idx].keys)}
    entities: dict[tuple[str, ...], _Entity] = {}
    folded: dict[str, _Entity] = {}
    owner: dict[int, _Entity] = {}
    for idx in sorted(accepted):
        item = seen[idx]
        if item.keys in shorter:
            continue
        if item.keys not in entities:
            key = fold(item.mention.name).casefold()
            ent = folded.get(key) or _Entity(item.mention.name, item.keys, order=idx)
            entities[item.keys] = folded[key] = ent
        owner[idx] = entities[item.keys]
    # Short forms: the nearest full name before them, else the first one after.
    by_form: dict[tuple[str, ...], list[int]] = {}
    for idx in sorted(owner):
        for form in _short_forms(owner[idx].keys):
            by_form.setdefault(form, []).append(idx)
    for idx, item in enumerate(seen):
        if idx in owner:
            continue
        if item.keys in entities:
            owner[idx] = entities[item.keys]
            continue
        places = by_form.get(item.keys)
        if places:
            k = bisect.bisect_left(places, idx)
            owner[idx] = owner[places[k - 1] if k > 0 else places[0]]
        elif idx in accepted:
            entities[item.keys] = _Entity(item.mention.name, item.keys, order=idx)
            owner[idx] = entities[item.keys]
    unique = list({id(e): e for e in entities.values()}.values())
    first_seen: dict[int, int] = {}
    for i, ent in sorted(owner.items()):
        first_seen.setdefault(id(ent), i)
    for ent in unique:
        ent.order = first_seen[id(ent)]
    return unique, owner


def _accept_listed(seen: list[_Seen], accepted: set[int]) -> None:
    """A name listed next to an accepted one (``A, B và C``) is accepted too."""
    changed = True
    while changed:
        changed = False
        known = {form for i in accepted for form in [seen[i].keys, *_short_forms(seen[i].keys)]}
        for idx in range(1, len(seen)):
            if not seen[idx].mention.listed:
                continue
            pair = [(i, i in accepted or seen[i].keys in known) for i in (idx - 1, idx)]
            for (i, ok), (_, other_ok) in (pair, pair[::-1]):
                if not ok and other_ok and len(seen[i].keys) > 1:
                    accepted.add(i)
                    changed = True


def _last_before(
    seen: list[_Seen],
    owner: dict[int, _Entity],
    position: tuple[int, int],
    role: str = "",
    positions: list[tuple[int, int]] | None = None,
) -> _Entity | None:
    """Who a pronoun before ``position`` refers to: in the last sentence naming someone
    (with ``role`` in their role, if given), its first person — usually the subject."""
    if positions is None:
        positions = [(item.unit, item.offset) for item in seen]
    chosen: int | None = None
    for idx in range(bisect.bisect_left(positions, position) - 1, -1, -1):
        item = seen[idx]
        if idx not in owner or item.mention.relational:
            continue
        if role and not set(role.split()) <= set(match_key(item.mention.role or "").split()):
            continue
        if chosen is not None and item.sentence != seen[chosen].sentence:
            break
        chosen = idx
    return owner[chosen] if chosen is not None else None


def _best_role(roles: list[str]) -> str | None:
    """The most complete role written for a person (most words, first on a tie)."""
    best = None
    for role in roles:
        if best is None or len(role.split()) > len(best.split()):
            best = role
    return best


def _quotes(
    units: list[str],
    seen: list[_Seen],
    owner: dict[int, _Entity],
    said: list[tuple[int, _Entity]],
    kept: set[int],
) -> list[Quote]:
    """Quotations with a speaker right after (``“…” - X nhấn mạnh``, ``"…", chị cho hay``)
    or right before (``X khẳng định: “…”``)."""
    doc = "\n".join(units)
    speaking = sorted(
        (s.span_offset, s.end_offset, owner[i])
        for i, s in enumerate(seen)
        if s.speaks and i in owner
    )
    starts = [item[0] for item in speaking]
    said.sort(key=lambda item: item[0])
    said_at = [verb_at for verb_at, _ in said]
    quotes: list[Quote] = []
    for start, end, inner in speech.find_quotes(doc):
        speaker = None
        if _ATTRIBUTION.match(doc[end : end + 80]):
            k = bisect.bisect_left(starts, end)
            j = bisect.bisect_left(said_at, end)
            if k < len(speaking) and starts[k] <= end + 40 and "\n" not in doc[end : starts[k]]:
                speaker = speaking[k][2]
            elif j < len(said) and said_at[j] <= end + 40:
                speaker = said[j][1]
        if speaker is None:
            k = bisect.bisect_left(starts, start) - 1
            while k >= 0 and start - speaking[k][0] <= 400:
                between = doc[speaking[k][1] : start]
                if speaking[k][1] <= start and len(between) <= 120 and ":" in between:
                    if "\n" not in between:
                        speaker = speaking[k][2]
                    break
                k -= 1
        if speaker is not None and id(speaker) in kept:
            quotes.append(Quote(speaker=speaker.name, text=inner))
    return quotes


_ATTRIBUTION = re.compile(r"^[\s,.!?…]*[-–—,]\s*\S")
