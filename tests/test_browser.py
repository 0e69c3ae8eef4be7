"""The bundled archive in a real browser (Debian's headless Chromium via Playwright),
served over HTTP under a sub-path, as a reader would use it."""

from __future__ import annotations

import io
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, SEED_URL
from newsarchive.site import BuildOptions, build_site
from newsarchive.site.links import page_links

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TITLE = "Đảng ủy Khối các cơ quan Trung ương tập huấn nghiệp vụ công tác dân vận"
PAGE_TYPES = [
    "", "2024/", "2024/06/", "2024/06/21/", SEED_URL, "speakers/", "speakers/lai-xuan-lam/",
    "search/?q=d%C3%A2n+v%E1%BA%ADn", "khong-co-trang-nay/",
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        """Serve ``archive/404.html`` for missing files, as a static host would."""
        path = self.translate_path(self.path)
        if not Path(path).exists() and self.path.startswith("/archive/"):
            self.send_response(404)
            body = (Path(self.directory) / "archive" / "404.html").read_bytes()
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve(content: Path, served: Path) -> Iterator[str]:
    """Build ``content`` into ``served/archive/`` and serve ``served`` on 127.0.0.1 (a free
    port from the OS) until the block ends; yield the archive's URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(served)))
    base = f"http://127.0.0.1:{server.server_address[1]}/archive/"
    try:
        build_site(BuildOptions(content=content, output=served / "archive", base_url=base))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield base
        server.shutdown()
        thread.join(timeout=5)
    finally:
        server.server_close()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled archive, served under ``/archive/``."""
    with serve(ROOT / "content", tmp_path_factory.mktemp("served")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    """A fresh page; the test fails on any console error or uncaught exception."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    # the 404 page's own "Failed to load resource: 404" is expected; nothing else is
    unexpected = [e for e in errors if "404 (File not found)" not in e]
    assert unexpected == []


def test_reader_clicks_from_home_down_to_an_article_and_its_speaker(
    page: sync_api.Page, site_url: str
) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Năm 2024").first.click()
    assert page.url == site_url + "2024/"
    page.locator(".month-grid").get_by_role("link", name=re.compile("Tháng 6")).click()
    assert page.url == site_url + "2024/06/"
    page.locator("table.calendar").get_by_role("link").click()
    assert page.url == site_url + "2024/06/21/"
    assert page.locator("h1").inner_text().startswith("Thứ Sáu, 21 tháng 6 năm 2024")
    page.locator("main").get_by_role("link", name=TITLE).click()
    assert page.url == site_url + SEED_URL
    assert page.locator("h1").inner_text() == TITLE
    crumbs = page.locator(".breadcrumbs").inner_text()
    assert "Trang chủ" in crumbs and "Năm 2024" in crumbs and "Tháng 6" in crumbs
    page.locator(".speakers").get_by_role("link", name="Lại Xuân Lâm").click()
    assert page.url == site_url + "speakers/lai-xuan-lam/"
    assert page.locator("h1").inner_text() == "Lại Xuân Lâm"


@pytest.mark.parametrize("query", ["dân vận", "dan van", "lai xuan lam", "Lại Xuân Lâm"])
def test_search_finds_the_article_with_or_without_diacritics(
    page: sync_api.Page, site_url: str, query: str
) -> None:
    page.goto(site_url)
    page.get_by_role("searchbox").fill(query)
    page.get_by_role("searchbox").press("Enter")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for()
    assert result.inner_text() == TITLE
    result.click()
    assert page.url == site_url + SEED_URL


def test_search_filters_by_speaker_and_year(page: sync_api.Page, site_url: str) -> None:
    page.goto(site_url + "search/?q=h%E1%BB%99i+ngh%E1%BB%8B")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    panel = page.locator(".pagefind-ui__filter-panel")
    for summary in panel.locator("summary").all():
        summary.click()
    text = panel.inner_text()
    for value in ("Lại Xuân Lâm", "Lê Văn Cường", "Phạm Hồng Thái", "Trần Hồng Hà", "2024"):
        assert value in text
    panel.get_by_label(re.compile("Lại Xuân Lâm")).check()
    page.wait_for_timeout(400)
    assert page.locator(".pagefind-ui__result-link").first.inner_text() == TITLE


def test_exact_accents_rank_first(page: sync_api.Page, tmp_path: Path) -> None:
    """"dân vận" and "dẫn văn" fold alike; each accented query puts its own article first."""
    content = tmp_path / "content"
    content.mkdir()
    texts = {"a": ("Bài A", "Công tác dân vận ở cơ sở."), "b": ("Bài B", "Lời dẫn văn bản.")}
    for slug, (title, body) in texts.items():
        (content / f"{slug}.md").write_text(
            f"---\ntitle: {title}\ndate: 2024-01-0{len(slug)}\nslug: {slug}\n---\n\n{body}\n",
            encoding="utf-8",
        )
    with serve(content, tmp_path / "served") as base:
        for query, first in [("dân vận", "Bài A"), ("dẫn văn", "Bài B")]:
            page.goto(base + "search/?q=" + query)
            result = page.locator(".pagefind-ui__result-link").first
            result.wait_for()
            assert result.inner_text() == first, query
        page.goto(base + "search/?q=dan+van")
        page.locator(".pagefind-ui__result-link").nth(1).wait_for()


def test_search_for_a_missing_word_shows_no_results(page: sync_api.Page, site_url: str) -> None:
    page.goto(site_url + "search/?q=xyzzyq")
    page.locator(".pagefind-ui__message").filter(has_text=re.compile(r"\S")).wait_for()
    assert page.locator(".pagefind-ui__result-link").count() == 0


def test_no_horizontal_scrolling_on_a_phone(browser: sync_api.Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    tab = context.new_page()
    try:
        for url in PAGE_TYPES:
            tab.goto(site_url + url)
            if url.startswith("search/"):
                tab.locator(".pagefind-ui__result-link").first.wait_for()
            widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], (url, widths)
    finally:
        context.close()


def test_keyboard_reader_gets_a_visible_skip_link_and_landmarks(
    page: sync_api.Page, site_url: str
) -> None:
    page.goto(site_url + SEED_URL)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
        " return [e.textContent, r.left >= 0 && r.top >= 0 && r.width > 0,"
        " getComputedStyle(e).outlineStyle]; })()"
    )
    assert focused == ["Bỏ qua, đến nội dung chính", True, "solid"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    for role in ("banner", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("navigation").count() >= 3  # main, breadcrumbs, previous/next


def test_every_internal_link_answers_200(site_url: str) -> None:
    """Crawl from the home page, staying inside the sub-path; every href/src must load."""
    seen: set[str] = set()
    queue = [site_url]
    checked = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                status, kind = response.status, response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as error:
            pytest.fail(f"{url} answered {error.code}")
        assert status == 200, url
        checked += 1
        if kind != "text/html":
            continue
        targets, _ = page_links(body.decode("utf-8"))
        for target in targets:
            absolute = urljoin(url, target).split("#")[0]
            if urlsplit(absolute).netloc == urlsplit(site_url).netloc:
                assert absolute.startswith(site_url), (url, target)
                queue.append(absolute)
    assert checked >= 15  # pages, feeds, static files, Pagefind bundle
