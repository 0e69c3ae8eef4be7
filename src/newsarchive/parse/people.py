"""People and speakers named in an article (issue 4 fills this in).

Interface used by the parser: ``extract_people(paragraphs, captions, authors)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsarchive.record.model import Person, Quote


@dataclass
class PeopleResult:
    people: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def extract_people(paragraphs: list[str], captions: list[str], authors: list[str]) -> PeopleResult:
    """Who is named (``people``), who speaks (``speakers``) and what they said (``quotes``).

    ``paragraphs`` are the body's paragraphs (NFC text), ``captions`` the photo captions,
    ``authors`` the byline's names (never counted as people)."""
    return PeopleResult()
