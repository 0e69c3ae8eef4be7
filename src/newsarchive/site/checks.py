"""``newsarchive check``'s work: validate a site's files, build it aside, check its links
and look for likely duplicate people."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.progress import progress
from newsarchive.record import Record, load_record
from newsarchive.site import urls
from newsarchive.site.build import build_site
from newsarchive.site.config import Site, build_options
from newsarchive.site.content import find_record_files
from newsarchive.site.duplicates import likely_duplicates
from newsarchive.site.links import find_broken_links
from newsarchive.site.people_file import PeopleFile, load_people, unknown_ids


@dataclass
class CheckReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    records: int = 0


def check_site(site: Site) -> CheckReport:
    """Every problem of the site, one line each, naming the file or page."""
    report = CheckReport()
    people = _people(site, report)
    records = _records(site, report)
    if people is not None:
        report.errors += map(str, unknown_ids(records, people))
    _links(site, records, people, report)
    mentions = [
        (person.name, path)
        for path, record in records
        for person in (*record.speakers, *record.people)
    ]
    report.warnings += map(str, likely_duplicates(mentions, people))
    return report


def _problems(error: NewsarchiveError) -> list[str]:
    return [str(p) for p in error.problems] if isinstance(error, BuildFailed) else [str(error)]


def _people(site: Site, report: CheckReport) -> PeopleFile | None:
    if not site.people_file.is_file():
        return None
    try:
        return load_people(site.people_file)
    except NewsarchiveError as error:
        report.errors += _problems(error)
        return None


def _records(site: Site, report: CheckReport) -> list[tuple[Path, Record]]:
    if not site.content.is_dir():
        report.errors.append(f"{site.content}: không có thư mục bản ghi")
        return []
    records = []
    files = list(find_record_files(site.content))
    for path in progress(files, desc="kiểm tra bản ghi"):
        try:
            records.append((path, load_record(path)))
        except NewsarchiveError as error:
            report.errors.append(str(error))
    report.records = len(files)
    return records


def _links(
    site: Site, records: list[tuple[Path, Record]], people: PeopleFile | None, report: CheckReport
) -> None:
    """Build into a temporary folder (bad records left out) and check every link."""
    pages = {urls.output_path(urls.article_url(r.date, r.slug)): path for path, r in records}
    with tempfile.TemporaryDirectory(prefix="newsarchive-check-") as tmp:
        output = Path(tmp) / "public"
        options = build_options(site, output=output, keep_going=True)
        if people is None:
            options.people = None
        try:
            build_site(options)
        except BuildFailed as failed:
            report.errors += [str(p) for p in failed.problems]  # URLs claimed twice
            return
        except jinja2.TemplateSyntaxError as error:
            report.errors.append(f"{error.filename}:{error.lineno}: lỗi mẫu trang: {error.message}")
            return
        except (jinja2.TemplateError, NewsarchiveError) as error:
            report.errors.append(f"{site.templates}: lỗi khi dựng trang: {error}")
            return
        for broken in progress(find_broken_links(output), desc="kiểm tra liên kết"):
            record = pages.get(broken.page)
            where = f"{broken.page} ({record})" if record else broken.page
            report.errors.append(f"trang {where}: liên kết hỏng → {broken.target}")
