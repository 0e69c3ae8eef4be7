"""Who is who: turning a record's speaker into one person of the archive.

Default identity is the normalised name (``vi.match_key``), so "Thuỷ" and "Thủy" are one
person.  A record's speaker may name an explicit ``id``; an editor's ``people.yaml``
(``site/people_file.py``) splits namesakes by role and merges spelling variants."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.errors import NewsarchiveError
from newsarchive.record import Person
from newsarchive.site.people_file import PeopleFile, PersonEntry
from newsarchive.vi.text import match_key, slugify_vi


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    slug: str


class Identities:
    """Resolves people to identities; without a people.yaml entry, the first spelling seen
    names the person."""

    def __init__(self, people: PeopleFile | None = None) -> None:
        self._by_key: dict[str, Identity] = {}
        self._slugs: set[str] = {"page"}  # reserved: speakers/<slug>/page/N/ paginates
        self._people = people  # its entries' slugs are taken before any default identity
        self._seen: dict[tuple[str | None, str, str | None], Identity] = {}
        self._slugs.update(slugify_vi(e.id) for e in (people.entries if people else ()))

    def resolve(self, person: Person) -> Identity:
        # once resolved, a person's identity is a function of their id and name (and role,
        # which people.yaml entries may match on): archives name the same people again and
        # again
        key = (person.id, person.name, person.role if self._people is not None else None)
        known = self._seen.get(key)
        if known is None:
            known = self._seen[key] = self._resolve(person)
        return known

    def _resolve(self, person: Person) -> Identity:
        entry = self._entry(person)
        if entry is not None:
            return Identity(id=f"@{entry.id}", name=entry.name, slug=slugify_vi(entry.id))
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

    def _entry(self, person: Person) -> PersonEntry | None:
        """The people.yaml entry for ``person``: by explicit id, else by name and role (an
        entry whose roles match wins, then one without roles), else None."""
        if self._people is None:
            return None
        if person.id:
            entry = self._people.by_id(person.id)
            if entry is None:
                raise NewsarchiveError(
                    f"id '{person.id}' của {person.name} không có trong people.yaml"
                )
            return entry
        candidates = self._people.candidates(person.name)
        by_role = [e for e in candidates if e.roles and e.matches_role(person.role)]
        general = [e for e in candidates if not e.roles]
        return (by_role or general or [None])[0]
