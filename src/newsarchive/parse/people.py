"""People and speakers named in an article (issue 4).

Interface used by the parser: ``extract_people(paragraphs, captions, authors)``.
Mentions come from ``names`` (rules + gazetteers), who speaks from ``speech``; here the
mentions of one person are merged (``ông Dự`` → the full name given earlier), the most
complete role is kept, and quotations are attributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsarchive.parse import names, speech
from newsarchive.record.model import Person, Quote
from newsarchive.vi.text import fold, match_key

MAX_UNITS = 2000  # paragraphs and captions scanned per article


@dataclass
class PeopleResult:
    people: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
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
    name: str
    keys: tuple[str, ...]
    roles: list[str] = field(default_factory=list)
    honorific: str | None = None
    speaks: bool = False
    order: int = 0


def extract_people(paragraphs: list[str], captions: list[str], authors: list[str]) -> PeopleResult:
    """Who is named (``people``), who speaks (``speakers``) and what they said (``quotes``).

    ``paragraphs`` are the body's paragraphs (NFC text), ``captions`` the photo captions,
    ``authors`` the byline's names (never counted as people)."""
    units = [p for p in paragraphs if p and p.strip()] + [c for c in captions if c and c.strip()]
    units = [u[: names.MAX_UNIT_CHARS] for u in units[:MAX_UNITS]]
    seen, pronoun_events, role_events = _scan(units)
    entities, owner = _resolve(seen)
    for idx, item in enumerate(seen):
        ent = owner.get(idx)
        if ent is None:
            continue
        if item.mention.role:
            ent.roles.append(item.mention.role)
        if item.mention.honorific and not ent.honorific:
            ent.honorific = item.mention.honorific
        ent.speaks = ent.speaks or item.speaks
    said: list[tuple[int, _Entity]] = []  # (offset of the speech verb, who)
    for position, verb_at in pronoun_events:
        ent = _last_before(seen, owner, position)
        if ent is not None:
            ent.speaks = True
            said.append((verb_at, ent))
    for position, verb_at, role in role_events:
        ent = _last_before(seen, owner, position, role)
        if ent is not None:
            ent.speaks = True
            said.append((verb_at, ent))
    author_keys = {match_key(a) for a in authors if a}
    kept = [e for e in entities if match_key(e.name) not in author_keys]
    kept.sort(key=lambda e: e.order)
    people = [Person(e.name, _best_role(e.roles), honorific=e.honorific) for e in kept]
    speakers = [p for p, e in zip(people, kept, strict=True) if e.speaks]
    quotes = _quotes(units, seen, owner, said, {id(e) for e in kept})
    return PeopleResult(people=people, speakers=speakers, quotes=quotes)


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
        for sent in names.sentences(names.tokenize(text)):
            sentence_no += 1
            names.tag(sent)
            mentions = names.find_mentions(sent, org_names)
            facts = speech.sentence_speakers(sent, mentions)
            for idx, m in enumerate(mentions):
                seen.append(
                    _Seen(
                        mention=m,
                        keys=tuple(t.key for t in sent[m.first : m.last] if t.word),
                        unit=u,
                        offset=base + sent[m.first].start,
                        span_offset=base + sent[min(m.span_start, m.first)].start,
                        end_offset=base + sent[max(m.span_end, m.last) - 1].end,
                        speaks=idx in facts.speaking,
                        sentence=sentence_no,
                    )
                )
            where = (u, base + sent[0].start)
            if facts.pronoun_speaks and not facts.speaking:
                pronoun_events.append((where, base + facts.verb_at))
            if facts.role_subject and not facts.speaking:
                role_events.append((where, base + facts.verb_at, match_key(facts.role_subject)))
        base += len(text) + 1
    # "Hòa Phát cho biết" after "Tập đoàn Hòa Phát": a name used for an organisation
    # elsewhere in the article is a person only where it has a title of its own.
    orgs = set(org_names)
    titled = {item.keys for item in seen if item.mention.titled}
    seen = [item for item in seen if item.keys not in orgs or item.keys in titled]
    return seen, pronoun_events, role_events


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` is a shorter form of ``full``: its last syllables, or (foreign) its first."""
    if len(part) >= len(full):
        return False
    if full[-len(part) :] == part:
        return True
    return full[: len(part)] == part and any(names.is_foreign(k) for k in full)


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
            and (item.keys in strong_keys or any(_contains(item.keys, k) for k in strong_keys))
        )
    }
    changed = True
    while changed:
        changed = False
        known = {seen[i].keys for i in accepted}
        for idx in range(1, len(seen)):
            if not seen[idx].mention.listed:
                continue
            pair = [
                (i, i in accepted or any(_contains(k, seen[i].keys) for k in known))
                for i in (idx - 1, idx)
            ]
            for (i, ok), (_, other_ok) in (pair, pair[::-1]):
                if not ok and other_ok and len(seen[i].keys) > 1:
                    accepted.add(i)
                    changed = True
    distinct = {seen[idx].keys for idx in accepted}
    entities: dict[tuple[str, ...], _Entity] = {}
    folded: dict[str, _Entity] = {}
    owner: dict[int, _Entity] = {}
    for idx in sorted(accepted):
        item = seen[idx]
        if any(_contains(k, item.keys) for k in distinct):
            continue
        if item.keys not in entities:
            key = fold(item.mention.name).casefold()
            ent = folded.get(key) or _Entity(item.mention.name, item.keys, order=idx)
            entities[item.keys] = folded[key] = ent
        owner[idx] = entities[item.keys]
    for idx, item in enumerate(seen):
        if idx in owner:
            continue
        if item.keys in entities:
            owner[idx] = entities[item.keys]
            continue
        target = _nearest(seen, owner, idx)
        if target is not None:
            owner[idx] = target
        elif idx in accepted:
            entities[item.keys] = _Entity(item.mention.name, item.keys, order=idx)
            owner[idx] = entities[item.keys]
    unique = list({id(e): e for e in entities.values()}.values())
    for ent in unique:
        ent.order = min(i for i, e in owner.items() if e is ent)
    return unique, owner


def _nearest(seen: list[_Seen], owner: dict[int, _Entity], idx: int) -> _Entity | None:
    part = seen[idx].keys
    for j in range(idx - 1, -1, -1):
        ent = owner.get(j)
        if ent is not None and _contains(ent.keys, part):
            return ent
    for j in range(idx + 1, len(seen)):
        ent = owner.get(j)
        if ent is not None and _contains(ent.keys, part):
            return ent
    return None


def _last_before(
    seen: list[_Seen], owner: dict[int, _Entity], position: tuple[int, int], role: str = ""
) -> _Entity | None:
    """Who a pronoun before ``position`` refers to: in the last sentence naming someone
    (with ``role`` in their role, if given), its first person — usually the subject."""
    chosen: int | None = None
    for idx in range(len(seen) - 1, -1, -1):
        item = seen[idx]
        if (item.unit, item.offset) >= position or idx not in owner or item.mention.relational:
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
    speaking = [(i, s) for i, s in enumerate(seen) if s.speaks and i in owner]
    quotes: list[Quote] = []
    for start, end, inner in speech.find_quotes(doc):
        speaker = None
        tail = doc[end : end + 80]
        if _ATTRIBUTION.match(tail):
            after = [owner[i] for i, s in speaking if end <= s.span_offset <= end + 40]
            pronoun = [ent for verb_at, ent in said if end <= verb_at <= end + 40]
            if after and not doc[end : _first_offset(seen, speaking, end)].count("\n"):
                speaker = after[0]
            elif pronoun:
                speaker = pronoun[0]
        if speaker is None:
            before = [
                owner[i]
                for i, s in speaking
                if s.end_offset <= start
                and start - s.end_offset <= 120
                and ":" in doc[s.end_offset : start]
                and "\n" not in doc[s.end_offset : start]
            ]
            speaker = before[-1] if before else None
        if speaker is not None and id(speaker) in kept:
            quotes.append(Quote(speaker=speaker.name, text=inner))
    return quotes


_ATTRIBUTION = re.compile(r"^[\s,.!?…]*[-–—,]\s*\S")


def _first_offset(seen: list[_Seen], speaking: list[tuple[int, _Seen]], end: int) -> int:
    return min((s.span_offset for _, s in speaking if s.span_offset >= end), default=end)
