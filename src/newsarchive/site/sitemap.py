"""``sitemap.xml`` (split behind a sitemap index past the protocol's 50,000 URLs) and
``robots.txt`` pointing at it."""

from __future__ import annotations

from collections.abc import Sequence

from newsarchive.site.xmltext import escape_text

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_LIMIT = 50_000


def _document(root_tag: str, child_tag: str, locations: Sequence[str]) -> str:
    """The document ElementTree writes for these locations (indented, with its XML
    declaration), written directly: ~10× sooner, and a sitemap is written again whenever a
    page comes or goes (``tests/test_reader_outputs.py`` compares the two)."""
    head = f"<?xml version='1.0' encoding='utf-8'?>\n<{root_tag} xmlns=\"{SITEMAP_NS}\""
    if not locations:
        return head + " />\n"
    parts = [head, ">"]
    for location in locations:
        loc = f"<loc>{escape_text(location)}</loc>" if location else "<loc />"
        parts.append(f"\n  <{child_tag}>\n    {loc}\n  </{child_tag}>")
    parts.append(f"\n</{root_tag}>\n")
    return "".join(parts)


def sitemap_names(count: int, limit: int = SITEMAP_LIMIT) -> list[str]:
    """The files ``count`` URLs need: ``sitemap.xml`` alone, or once over ``limit`` URLs
    a ``sitemap.xml`` index followed by ``sitemap-1.xml`` … urlsets."""
    if count <= limit:
        return ["sitemap.xml"]
    return ["sitemap.xml", *(f"sitemap-{n}.xml" for n in range(1, -(-count // limit) + 1))]


def sitemap_file(
    page_urls: Sequence[str], base_url: str, index: int, limit: int = SITEMAP_LIMIT
) -> str:
    """The XML of file number ``index`` of :func:`sitemap_names` (absolute URLs)."""
    names = sitemap_names(len(page_urls), limit)
    if len(names) == 1:
        return _document("urlset", "url", [base_url + u for u in page_urls])
    if index == 0:
        return _document("sitemapindex", "sitemap", [base_url + n for n in names[1:]])
    chunk = page_urls[(index - 1) * limit : index * limit]
    return _document("urlset", "url", [base_url + u for u in chunk])


def sitemap_files(
    page_urls: Sequence[str], base_url: str, limit: int = SITEMAP_LIMIT
) -> list[tuple[str, str]]:
    """Every ``(file, xml)`` pair of the sitemap."""
    names = sitemap_names(len(page_urls), limit)
    return [(name, sitemap_file(page_urls, base_url, i, limit)) for i, name in enumerate(names)]


def robots_txt(base_url: str) -> str:
    """Allow everything and name the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n"
