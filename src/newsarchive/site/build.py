"""``build_site``: load → lay out → render → write, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.site import urls
from newsarchive.site.archive import build_archive
from newsarchive.site.content import load_records
from newsarchive.site.identity import Identities
from newsarchive.site.lock import output_lock
from newsarchive.site.pages import archive_pages
from newsarchive.site.people_file import people_for_build
from newsarchive.site.render import make_environment, render_page
from newsarchive.site.theme import theme_dir
from newsarchive.site.writer import check_output_folder, copy_tree, staged_output, write_text


@dataclass
class BuildOptions:
    content: Path = Path("content")
    output: Path = Path("public")
    base_url: str = "/"
    site_title: str = "Kho lưu trữ tin bài"
    template_dirs: list[Path] = field(default_factory=list)  # searched before the theme
    static_dirs: list[Path] = field(default_factory=list)  # copied after the theme's
    people: Path | None = None  # the site's people.yaml
    per_page: int = 20  # site.yaml's per_page, for list pages
    keep_going: bool = False


@dataclass
class BuildResult:
    pages: int
    articles: int
    problems: list[NewsarchiveError]


def normalise_base_url(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"


def build_site(options: BuildOptions) -> BuildResult:
    """Build the whole site into ``options.output``; raise BuildFailed (writing nothing)
    if a record is bad, unless ``keep_going`` is set."""
    check_output_folder(options.output, [options.content, *options.template_dirs])
    records, problems = load_records(options.content)
    if problems and not options.keep_going:
        raise BuildFailed(problems)
    people, records = people_for_build(options.people, records, problems, options.keep_going)
    archive = build_archive(records, Identities(people))
    env = make_environment([*options.template_dirs, theme_dir("templates")])
    base_url = normalise_base_url(options.base_url)
    site = {"title": options.site_title, "base_url": base_url}
    count = 0
    with output_lock(options.output), staged_output(options.output) as stage:
        copy_tree(theme_dir("static"), stage, "static")
        for extra in options.static_dirs:
            copy_tree(extra, stage, "static")
        for page in archive_pages(archive):
            html = render_page(
                env,
                page.template,
                page.context,
                site=site,
                page_url=page.url,
                root=urls.root_prefix(page.url),
            )
            write_text(stage, urls.output_path(page.url), html)
            count += 1
        not_found = render_page(
            env, "404.html", {}, site=site, page_url="404.html", root=_absolute_root(base_url)
        )
        write_text(stage, "404.html", not_found)
        count += 1
    return BuildResult(pages=count, articles=len(archive.articles), problems=problems)


def _absolute_root(base_url: str) -> str:
    """The 404 page is served at any URL, so its links start from the base URL's path."""
    from urllib.parse import urlsplit

    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"
