"""Feeds, sitemaps, robots.txt, page metadata and reproducible builds."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.cli import main
from newsarchive.site import BuildOptions, build_site, cbor
from newsarchive.site.archive import build_archive
from newsarchive.site.content import load_records
from newsarchive.site.identity import Identities
from newsarchive.site.links import find_broken_links
from newsarchive.site.pages import archive_pages
from newsarchive.site.sitemap import SITEMAP_NS, sitemap_files
from test_reader_navigation import write_records

BASE = "https://example.org/kho/"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs") / "content"
    write_records(folder)
    return folder


@pytest.fixture(scope="module")
def site(content: Path) -> Path:
    out = content.parent / "public"
    build_site(BuildOptions(content=content, output=out, base_url=BASE, search=False,
                            per_page=50))
    return out


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_site_feed_is_valid_atom_with_the_newest_50(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Kho lưu trữ tin bài"
    assert len(feed.entries) == 50
    first = feed.entries[0]
    assert first.id == first.link and first.link.startswith(BASE + "2024/")
    assert first.title.startswith("Tin số ") and "& <đời sống>" in first.title
    assert first.updated == first.published and first.updated.endswith("+07:00")
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len({e.id for e in feed.entries}) == 50
    assert feed.feed.updated == dates[0]  # from the newest article, not the clock


def test_speaker_feed_lists_only_that_speakers_articles(site: Path) -> None:
    feed = feedparser.parse((site / "speakers/tran-thi-bich/feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title.startswith("Trần Thị Bích")
    assert len(feed.entries) == 50  # 60 articles, capped
    assert all("Trần Thị Bích" in [t.term for t in e.tags] for e in feed.entries)
    # speaker feeds carry summaries (the bodies are in the site feed): see performance.md
    assert all(e.summary and "content" not in e for e in feed.entries)
    site_feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert all(e.content[0].type == "text/html" for e in site_feed.entries)
    html = (site / "speakers/tran-thi-bich/index.html").read_text(encoding="utf-8")
    assert ('<link rel="alternate" type="application/atom+xml" title="Trần Thị Bích · '
            'Kho lưu trữ tin bài" href="../../speakers/tran-thi-bich/feed.xml">') in html


def test_every_page_head_links_the_site_feed(site: Path) -> None:
    for page in ("index.html", "2024/index.html", "2024/03/15/tin-000/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*'
                         r'href="(\./|(\.\./)+)feed.xml">', html), page


def test_sitemap_lists_every_html_page_with_absolute_urls(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    locs = [e.text for e in root.iter(f"{{{SITEMAP_NS}}}loc")]
    assert BASE in locs and BASE + "2024/03/15/tin-000/" in locs
    assert BASE + "2024/03/15/page/2/" in locs
    assert all(loc.startswith(BASE) and loc.endswith("/") for loc in locs)
    html_pages = {p.parent for p in site.rglob("index.html")}
    assert len(locs) == len(html_pages)


def test_sitemap_splits_behind_an_index_past_the_limit() -> None:
    urls = [f"{n}/" for n in range(7)]
    files = dict(sitemap_files(urls, BASE, limit=3))
    assert list(files) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    assert [e.text for e in index.iter(f"{{{SITEMAP_NS}}}loc")] == [
        BASE + "sitemap-1.xml", BASE + "sitemap-2.xml", BASE + "sitemap-3.xml"]
    parts = [[e.text for e in ET.fromstring(files[f"sitemap-{n}.xml"]).iter(
        f"{{{SITEMAP_NS}}}loc")] for n in (1, 2, 3)]
    assert parts == [[BASE + u for u in urls[i:i + 3]] for i in (0, 3, 6)]


def test_archive_pages_split_the_sitemap_past_the_limit(content: Path) -> None:
    records, _ = load_records(content)
    pages = list(archive_pages(build_archive(records, Identities()), sitemap_limit=100))
    site = {"title": "Kho", "base_url": BASE, "search": False}
    sitemaps = {p.url: p.render(site) for p in pages if p.url.startswith("sitemap")}
    html_pages = [p for p in pages if p.render is None]
    assert len(sitemaps) >= 3 and "sitemap.xml" in sitemaps
    index = ET.fromstring(sitemaps["sitemap.xml"])
    parts = [e.text for e in index.iter(f"{{{SITEMAP_NS}}}loc")]
    assert parts == [BASE + name for name in sitemaps if name != "sitemap.xml"]
    counts = [len(ET.fromstring(sitemaps[n]).findall(f"{{{SITEMAP_NS}}}url")) for n in sitemaps
              if n != "sitemap.xml"]
    assert all(c == 100 for c in counts[:-1]) and 0 < counts[-1] <= 100
    assert sum(counts) == len(html_pages) > 200


def test_robots_txt_points_at_the_sitemap(site: Path) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_article_json_ld_is_a_news_article_with_absolute_urls(site: Path) -> None:
    html = (site / "2024/03/15/tin-001/index.html").read_text(encoding="utf-8")
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Tin số 001 về công tác dân vận & <đời sống>"
    assert data["datePublished"] == "2024-03-15T00:00:00+07:00"
    assert data["author"] == [{"@type": "Person", "name": "Hà Thanh"}]
    assert data["url"] == BASE + "2024/03/15/tin-001/"
    about = {p["name"]: p["url"] for p in data["about"]}
    assert about["Lại Xuân Lâm"] == BASE + "speakers/lai-xuan-lam/"
    assert about["Lê Văn Cường <b>&</b>"].startswith(BASE + "speakers/")
    assert [p["name"] for p in data["mentions"]] == ["Nguyễn Lam"]
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and "</script" not in script.lower()  # nothing can close it


def test_article_open_graph_and_canonical(site: Path) -> None:
    html = (site / "2024/03/15/tin-001/index.html").read_text(encoding="utf-8")
    url = BASE + "2024/03/15/tin-001/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert ('<meta property="og:title" content="Tin số 001 về công tác dân vận &amp; '
            '&lt;đời sống&gt;">') in html
    assert '<meta property="og:description" content="Nội dung bài số 1:' in html
    assert '<meta property="og:locale" content="vi_VN">' in html


def test_pages_carry_a_content_security_policy_without_inline_script(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "script-src 'self'" in html
        for attrs in re.findall(r"<script([^>]*)>", html):
            assert "src=" in attrs or 'type="application/ld+json"' in attrs, page


def test_only_article_pages_are_indexed_for_search(site: Path) -> None:
    for page in site.rglob("index.html"):
        indexed = "data-pagefind-body" in page.read_text(encoding="utf-8")
        assert indexed == bool(re.search(r"/tin-\d{3}$", str(page.parent))), page


def test_no_broken_links_on_a_multi_article_site(site: Path) -> None:
    assert find_broken_links(site) == []


def test_two_builds_are_byte_identical_search_index_included(
    content: Path, tmp_path: Path
) -> None:
    def snapshot(out: Path) -> dict[str, bytes]:
        build_site(BuildOptions(content=content, output=out, base_url=BASE))
        return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert any(name.startswith("pagefind/") for name in first)
    assert first == second


def test_cli_no_search_skips_the_index(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert main(["build", "--content", str(content), "--output", str(out), "--no-search"]) == 0
    assert not (out / "pagefind").exists()
    # site.yaml's per_page defaults to 20: the busy day's 60 articles make three pages
    assert (out / "2024/03/15/page/3/index.html").is_file()
    assert not (out / "2024/03/15/page/4").exists()
    search = (out / "search" / "index.html").read_text(encoding="utf-8")
    assert "pagefind-ui.js" not in search and "không có chỉ mục tìm kiếm" in search
    assert find_broken_links(out) == []


@given(st.recursive(
    st.integers(-(2**63), 2**64 - 1) | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=5),
    max_leaves=20,
))
def test_cbor_round_trips(item: object) -> None:
    assert cbor.decode(cbor.encode(item)) == item


def _element_tree_document(root_tag: str, child_tag: str, locations: list[str]) -> str:
    """The reference: what ElementTree writes for a sitemap document."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}{root_tag}")
    for location in locations:
        child = ET.SubElement(root, f"{{{SITEMAP_NS}}}{child_tag}")
        ET.SubElement(child, f"{{{SITEMAP_NS}}}loc").text = location
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
                        | st.sampled_from("&<>\"'/ \t\nđ"), max_size=20), max_size=6),
       st.sampled_from([("urlset", "url"), ("sitemapindex", "sitemap")]))
def test_sitemap_documents_are_what_element_tree_writes(locations: list[str],
                                                        tags: tuple[str, str]) -> None:
    from newsarchive.site.sitemap import _document

    assert _document(*tags, locations) == _element_tree_document(*tags, locations)
