"""``people.yaml``: the editors' list of who is who.

Each entry is a person with an ``id`` (their speaker page's slug) and a display ``name``;
``roles`` split namesakes (a speaker named ``name`` whose role contains one of these
strings is this person) and ``aliases`` merge spelling variants into this person."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.record import Record
from newsarchive.site.yamlfile import Lines, line_of, load_yaml
from newsarchive.vi.text import match_key, nfc

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_ID = "page"  # speakers/<id>/page/N/ paginates; no person may be called that
ENTRY_KEYS = ("id", "name", "roles", "aliases")


@dataclass(frozen=True)
class PersonEntry:
    id: str
    name: str
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    line: int = 0

    @property
    def keys(self) -> set[str]:
        """The name keys (``vi.match_key``) this entry answers to."""
        return {match_key(n) for n in (self.name, *self.aliases)}

    def matches_role(self, role: str | None) -> bool:
        wanted = match_key(role or "")
        return any(match_key(r) in wanted for r in self.roles)


@dataclass
class PeopleFile:
    """The validated entries of one ``people.yaml``."""

    path: Path | None = None
    entries: list[PersonEntry] = field(default_factory=list)

    def by_id(self, person_id: str) -> PersonEntry | None:
        return next((e for e in self.entries if e.id == person_id), None)

    def candidates(self, name: str) -> list[PersonEntry]:
        key = match_key(name)
        return [e for e in self.entries if key in e.keys]


def load_people(path: Path) -> PeopleFile:
    """Read and validate ``people.yaml``; every problem is reported with its line."""
    data, lines = load_yaml(path)
    if data is None:
        return PeopleFile(path)
    if not isinstance(data, list):
        raise NewsarchiveError(
            "people.yaml phải là một danh sách, mỗi người bắt đầu bằng '- id: …'", path, 1
        )
    problems: list[NewsarchiveError] = []
    entries: list[PersonEntry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        try:
            entry = _entry(item, index, lines, path)
        except NewsarchiveError as error:
            problems.append(error)
            continue
        if entry.id in seen:
            problems.append(
                NewsarchiveError(
                    f"id '{entry.id}' đã dùng ở dòng {seen[entry.id]}", path, entry.line
                )
            )
            continue
        seen[entry.id] = entry.line
        entries.append(entry)
    if problems:
        raise BuildFailed(problems) if len(problems) > 1 else problems[0]
    return PeopleFile(path, entries)


def _entry(item: Any, index: int, lines: Lines, path: Path) -> PersonEntry:
    line = line_of(lines, index)
    if not isinstance(item, dict):
        raise NewsarchiveError("mỗi người phải có dạng 'id: …' và 'name: …'", path, line)
    for key in item:
        if key not in ENTRY_KEYS:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1, cutoff=0.5)
            hint = f"; có phải ý bạn là '{close[0]}'?" if close else ""
            raise NewsarchiveError(
                f"khoá không rõ '{key}'{hint} (hợp lệ: {', '.join(ENTRY_KEYS)})",
                path,
                line_of(lines, index, key),
            )
    person_id, name = item.get("id"), item.get("name")
    if not isinstance(person_id, str) or not ID_RE.match(person_id):
        raise NewsarchiveError(
            f"'id' phải gồm chữ thường không dấu, số và dấu gạch ngang "
            f"(ví dụ tran-hong-ha), nhưng đang là {person_id!r}",
            path,
            line_of(lines, index, "id"),
        )
    if person_id == RESERVED_ID:
        raise NewsarchiveError(
            f"'id' không được là '{RESERVED_ID}' (dành cho địa chỉ phân trang /page/N/)",
            path,
            line_of(lines, index, "id"),
        )
    if not isinstance(name, str) or not name.strip():
        raise NewsarchiveError("thiếu 'name' (tên hiển thị)", path, line_of(lines, index, "name"))
    lists = {}
    for key in ("roles", "aliases"):
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise NewsarchiveError(
                f'\'{key}\' phải là danh sách chuỗi chữ, ví dụ ["…", "…"]',
                path,
                line_of(lines, index, key),
            )
        lists[key] = tuple(nfc(v.strip()) for v in value)
    return PersonEntry(person_id, nfc(name.strip()), lists["roles"], lists["aliases"], line)


def unknown_ids(records: list[tuple[Path, Record]], people: PeopleFile) -> list[NewsarchiveError]:
    """One error per speaker or person whose explicit ``id`` is not in ``people.yaml``."""
    problems = []
    known = {e.id for e in people.entries}
    for path, record in records:
        for person in (*record.speakers, *record.people):
            if person.id and person.id not in known:
                problems.append(
                    NewsarchiveError(
                        f"id '{person.id}' của {person.name} không có trong people.yaml",
                        path,
                        _id_line(path, person.id),
                    )
                )
    return problems


def people_for_build(
    path: Path | None,
    records: list[tuple[Path, Record]],
    problems: list[NewsarchiveError],
    keep_going: bool,
) -> tuple[PeopleFile | None, list[tuple[Path, Record]]]:
    """Load ``people.yaml`` (if any) for a build and check the records' explicit ids:
    unknown ones are added to ``problems`` and raise BuildFailed unless ``keep_going``, in
    which case their records are left out."""
    if path is None:
        return None, records
    people = load_people(path)
    unknown = unknown_ids(records, people)
    problems += unknown
    if problems and not keep_going:
        raise BuildFailed(problems)
    bad = {p.path for p in unknown}
    return people, [(file, r) for file, r in records if str(file) not in bad]


def _id_line(path: Path, person_id: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*(?:-\s*)?id:\s*['\"]?{re.escape(person_id)}['\"]?\s*$")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
