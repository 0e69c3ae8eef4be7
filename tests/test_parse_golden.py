"""Golden output of the parser: every fixture scrape parses byte-identically to the
committed ``tests/fixtures/golden/parse.json`` (guards speed work against any change).

Regenerate (only for an intended output change, explained in the commit):
``PYTHONPATH=src:tests python tests/test_parse_golden.py``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import SCRAPE_SUFFIXES, parse_bytes
from newsarchive.parse.people import extract_people
from newsarchive.record.frontmatter import dump_record

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
GOLDEN = FIXTURES / "golden" / "parse.json"
SCRAPE_DIRS = {
    "scrapes": FIXTURES / "scrapes",
    "people_heldout": FIXTURES / "people_heldout",
    "people": FIXTURES / "people",
    "shared_seed": SHARED / "seed",
    "shared_dantri": SHARED / "samples" / "dantri",
}
OPTIONAL = {"shared_seed", "shared_dantri"}  # outside the repository: skipped if absent


def _scrapes() -> list[tuple[str, Path]]:
    found = []
    for label, folder in SCRAPE_DIRS.items():
        if folder.is_dir():
            found += [
                (f"{label}/{p.name}", p)
                for p in sorted(folder.iterdir())
                if p.suffix.lower() in SCRAPE_SUFFIXES and p.name != "README.md"
            ]
    return found


def _people_inputs() -> list[tuple[str, Path]]:
    """``tests/fixtures/people/*.json``: paragraphs, captions, authors for extract_people."""
    return [(f"people_json/{p.name}", p) for p in sorted((FIXTURES / "people").glob("*.json"))]


def _parse_output(path: Path) -> dict[str, Any]:
    try:
        article = parse_bytes(path.read_bytes(), path.name)
    except NewsarchiveError as error:
        return {"error": str(error)}
    out = article.to_json()
    out["sha256"] = article.sha256
    out["time"] = article.time.isoformat() if article.time else None
    if article.date:
        record = article.to_record(imported="2000-01-01T00:00:00Z")
        out["record"] = dump_record(record)
    return out


def _people_output(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    found = extract_people(
        list(data.get("paragraphs", [])),
        list(data.get("captions", [])),
        list(data.get("authors", [])),
    )
    return {
        "people": [
            {"name": p.name, "role": p.role, "honorific": p.honorific} for p in found.people
        ],
        "speakers": [{"name": p.name, "role": p.role} for p in found.speakers],
        "quotes": [q.to_data() for q in found.quotes],
    }


def _current() -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, path in _scrapes():
        result[key] = _parse_output(path)
    for key, path in _people_inputs():
        result[key] = _people_output(path)
    return result


@functools.cache
def _golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def regenerate() -> None:
    """Rewrite the golden file from the current parser (after an intended change)."""
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_current(), ensure_ascii=False, indent=1, sort_keys=True)
    GOLDEN.write_text(text + "\n", encoding="utf-8")


@pytest.mark.parametrize("key,path", _scrapes() + _people_inputs(), ids=lambda v: str(v))
def test_output_matches_golden(key: str, path: Path) -> None:
    golden = _golden()
    if key not in golden:
        if key.split("/")[0] in OPTIONAL:
            pytest.skip(f"{key}: not in the golden file")
        pytest.fail(f"{key}: not in the golden file (regenerate it)")
    output = _parse_output(path) if not key.startswith("people_json/") else _people_output(path)
    assert json.dumps(output, ensure_ascii=False, sort_keys=True) == json.dumps(
        golden[key], ensure_ascii=False, sort_keys=True
    )


def test_golden_covers_the_repository_fixtures() -> None:
    golden = _golden()
    missing = [
        key
        for key, _ in _scrapes() + _people_inputs()
        if key.split("/")[0] not in OPTIONAL and key not in golden
    ]
    assert not missing
    shared = [k for k in golden if k.split("/")[0] in OPTIONAL]
    if SHARED.is_dir():
        assert shared, "the shared samples are present but not in the golden file"


if __name__ == "__main__":  # PYTHONPATH=src:tests python tests/test_parse_golden.py
    regenerate()
