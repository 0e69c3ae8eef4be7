"""Client-side full-text search: run Pagefind over the written pages.

Only article pages carry ``data-pagefind-body``, so only articles are indexed.  Pagefind
(>= 1.5) folds diacritics itself, so "dan van" finds "dân vận"; the search page asks it to
rank matches with the query's exact accents first (``ranking.diacriticSimilarity``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from newsarchive.errors import NewsarchiveError

OUTPUT_SUBDIR = "pagefind"


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind[extended]`` Python package."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None  # type: ignore[assignment]
    binary = get_executable() if get_executable else None
    if binary is None:
        raise NewsarchiveError(
            "Pagefind not found: install 'pagefind[extended]' or build with --no-search"
        )
    return binary


def build_search_index(site: Path) -> None:
    """Index ``site`` (a folder of written pages) into ``site/pagefind/``."""
    command = [
        str(pagefind_executable()),
        "--site", str(site),
        "--output-subdir", OUTPUT_SUBDIR,
        "--force-language", "vi",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise NewsarchiveError(f"Pagefind failed ({result.returncode}): {detail}")
