"""Client-side full-text search: run Pagefind over the written pages.

Pagefind writes filter values in a random (hash map) order, so two runs over the same
pages differ; :func:`canonicalise_bundle` sorts them and renames the affected files by
content hash, making the whole output reproducible.

Only article pages carry ``data-pagefind-body``, so only articles are indexed.  Pagefind
(>= 1.5) folds diacritics itself, so "dan van" finds "dân vận"; the search page asks it to
rank matches with the query's exact accents first (``ranking.diacriticSimilarity``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.site import cbor

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


def has_indexable_pages(site: Path) -> bool:
    """Whether any page is a full HTML document marking content for the index (a site's
    own templates may be neither; Pagefind then refuses to build)."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "data-pagefind-body" in html and "<html" in html:
            return True
    return False


def build_search_index(site: Path) -> None:
    """Index ``site`` (a folder of written pages) into ``site/pagefind/``; nothing to do
    when no page carries ``data-pagefind-body``."""
    if not has_indexable_pages(site):
        return
    command = [
        str(pagefind_executable()),
        "--site",
        str(site),
        "--output-subdir",
        OUTPUT_SUBDIR,
        "--force-language",
        "vi",
        "--quiet",
    ]
    import subprocess  # here: a build without a search index never runs Pagefind

    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise NewsarchiveError(f"Pagefind failed ({result.returncode}): {detail}")
    canonicalise_bundle(site / OUTPUT_SUBDIR)


_SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> object:
    import gzip  # imported here: only a build with a search index needs it

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise NewsarchiveError("unexpected Pagefind file format", path)
    return cbor.decode(data[len(_SIGNATURE) :])


def _write(folder: Path, stem: str, suffix: str, item: object, digits: int) -> str:
    """Write ``item`` as ``<stem>_<hash>.<suffix>``; return the ``<stem>_<hash>`` part."""
    import gzip

    payload = _SIGNATURE + cbor.encode(item)
    name = f"{stem}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{name}.{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return name


def canonicalise_bundle(bundle: Path) -> None:
    """Sort each filter's values and the meta file's filter list, renaming both by the
    hash of their new contents and updating the references (meta, entry JSON)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)  # type: ignore[misc]
        path.unlink()
        old = path.name.removesuffix(".pf_filter")
        stem = old.rsplit("_", 1)[0]
        renamed[old] = _write(bundle / "filter", stem, "pf_filter", [name, sorted(values)], 7)
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        assert isinstance(meta, list) and len(meta) > 3
        meta[3] = sorted([name, renamed.get(ref, ref)] for name, ref in meta[3])
        meta_path.unlink()
        stem = language["hash"].rsplit("_", 1)[0]
        language["hash"] = _write(bundle, f"pagefind.{stem}", "pf_meta", meta, 10).removeprefix(
            "pagefind."
        )
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
