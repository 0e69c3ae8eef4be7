"""Checking a built site: every internal link and image must point at a file that exists."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page's path relative to the site root
    target: str  # the href/src as written

    def __str__(self) -> str:
        return f"{self.page}: liên kết hỏng → {self.target}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "link" and values.get("rel") not in ("stylesheet", "icon", "alternate"):
            return  # canonical links are absolute and point at the published host
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(values[name] or "")


def page_links(html: str) -> tuple[list[str], set[str]]:
    """The href/src targets and the element ids of a page."""
    collector = _Collector()
    collector.feed(html)
    return collector.targets, collector.ids


def resolve_target(site: Path, page: Path, target: str) -> Path | None:
    """The file an internal link points at, or None for external links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "data:")):
        return None
    if not parts.path:
        return page  # "#fragment" on the same page
    path = unquote(parts.path)
    base = site if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def find_broken_links(site: Path) -> list[BrokenLink]:
    """Every internal href/src of every HTML page that does not resolve to a file (or to a
    fragment id that exists).  Root-relative links (``/x``) are resolved against the site."""
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    ids_cache: dict[Path, set[str]] = {}
    broken: list[BrokenLink] = []
    parsed = {}
    for page in pages:
        targets, ids = page_links(page.read_text(encoding="utf-8"))
        parsed[page] = targets
        ids_cache[page] = ids
    for page in pages:
        if page.name == "404.html" and page.parent == site:
            continue  # served at any URL; its links are absolute to the base path
        for target in parsed[page]:
            resolved = resolve_target(site, page, target)
            if resolved is None:
                continue
            fragment = urlsplit(target).fragment
            ok = resolved.is_file() and (site == resolved or site in resolved.parents)
            if ok and fragment and resolved.suffix == ".html":
                ids = ids_cache.get(resolved)
                ok = ids is not None and unquote(fragment) in ids
            if not ok:
                broken.append(BrokenLink(str(page.relative_to(site)), target))
    return broken
