"""Who is who: turning a record's speaker into one person of the archive.

Default identity is the normalised name (``vi.match_key``), so "Thuỷ" and "Thủy" are one
person.  A record's speaker may name an explicit ``id``."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.record import Person
from newsarchive.vi.text import match_key, slugify_vi


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    slug: str


class Identities:
    """Resolves people to identities; the first spelling seen names the person."""

    def __init__(self) -> None:
        self._by_key: dict[str, Identity] = {}
        self._slugs: set[str] = {"page"}  # reserved: speakers/<slug>/page/N/ paginates

    def resolve(self, person: Person) -> Identity:
        key = person.id or match_key(person.name)
        found = self._by_key.get(key)
        if found is None:
            base = slugify_vi(person.id or person.name) or "nguoi"
            slug, n = base, 1
            while slug in self._slugs:  # "Lâm" and "Lam" fold alike but are two people
                n += 1
                slug = f"{base}-{n}"
            self._slugs.add(slug)
            found = Identity(id=key, name=person.name, slug=slug)
            self._by_key[key] = found
        return found
