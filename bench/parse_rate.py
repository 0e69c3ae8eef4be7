"""Parse rate on distinct articles: every scrape of the shared samples and the held-out
people fixtures, parsed and dumped as records (no files written).

Unlike ``import_rate.py`` (copies of one seed), no two bodies are alike, so caches keyed by
text do not flatter the figure.  Run: ``PYTHONPATH=src python bench/parse_rate.py [ROUNDS]
[--cold]``.  Prints the best CPU (process time) of ROUNDS passes after one warm-up pass;
``--cold`` empties the parser's per-word caches (bounded ``lru_cache``s and cache dicts of
``newsarchive.parse``; not the word lists loaded once) before every pass.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import ModuleType

from newsarchive.parse import (
    byline,
    dates,
    furniture,
    gazetteer,
    names,
    people,
    speech,
    structure,
)
from newsarchive.parse.article import parse_bytes
from newsarchive.record.frontmatter import dump_record

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT.parent / "shared" / "samples" / "dantri", ROOT / "tests/fixtures/people_heldout")


def scrapes() -> list[tuple[str, bytes]]:
    files = sorted(f for folder in FOLDERS if folder.is_dir() for f in folder.glob("*.txt"))
    return [(f.name, f.read_bytes()) for f in files]


def one_pass(items: list[tuple[str, bytes]]) -> None:
    for name, raw in items:
        article = parse_bytes(raw, name)
        if article.date:
            dump_record(article.to_record(imported="2000-01-01T00:00:00Z"))


_MODULES: tuple[ModuleType, ...] = (
    byline, dates, furniture, gazetteer, names, people, speech, structure
)  # fmt: skip


def empty_caches() -> None:
    """Empty the per-word caches: bounded ``lru_cache``s and module-level cache dicts."""
    for module in _MODULES:
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if params is not None and params()["maxsize"] is not None:
                value.cache_clear()  # an lru_cache (``@cache`` ones load the word lists)
            elif isinstance(value, dict) and type(value) is not dict:
                value.clear()  # a dict subclass filling itself (``__missing__``)
    names._TAGGED.clear()


def main(rounds: int, cold: bool = False) -> None:
    items = scrapes()
    one_pass(items)
    best = float("inf")
    for _ in range(rounds):
        if cold:
            empty_caches()
        start = time.process_time()
        one_pass(items)
        best = min(best, time.process_time() - start)
    size = sum(len(raw) for _, raw in items) / 1024
    print(
        f"{len(items)} distinct articles ({size:.0f} KB){' (caches emptied)' if cold else ''}:"
        f" best CPU {best * 1000:.1f} ms"
        f" = {len(items) / best:.0f} articles/s"
    )


if __name__ == "__main__":
    counts = [arg for arg in sys.argv[1:] if arg.isdigit()]
    main(int(counts[0]) if counts else 7, cold="--cold" in sys.argv)
