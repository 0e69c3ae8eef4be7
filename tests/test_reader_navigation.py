"""Reader navigation on a generated multi-article archive: pagination, calendars,
previous/next between dates, home, breadcrumbs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from newsarchive.record import Person
from newsarchive.site import BuildOptions, build_site
from newsarchive.site.calendar import month_grid, neighbours
from newsarchive.site.identity import Identities
from newsarchive.site.pagination import page_url, paginate

BUSY_DAY = dt.date(2024, 3, 15)  # 60 articles: the day, month, year and speaker paginate


def article_dates() -> list[dt.date]:
    """120 dates: 60 on one busy day, the rest spread over 2022–2024."""
    spread = [dt.date(2022 + i % 3, 1 + i % 12, 1 + (i * 5) % 14) for i in range(60)]
    return [BUSY_DAY] * 60 + spread


def write_records(content: Path) -> None:
    """Small made-up records; everyone's words are reported by Lại Xuân Lâm."""
    content.mkdir(parents=True)
    for i, day in enumerate(article_dates()):
        folder = content / f"{day:%Y/%m/%d}"
        folder.mkdir(parents=True, exist_ok=True)
        other = ["Trần Thị Bích", "Lê Văn Cường <b>&</b>"][i % 2]
        (folder / f"tin-{i:03d}.md").write_text(
            f"---\ntitle: 'Tin số {i:03d} về công tác dân vận & <đời sống>'\n"
            f"date: '{day.isoformat()}'\nslug: tin-{i:03d}\nauthors:\n- Hà Thanh\n"
            f"speakers:\n- name: Lại Xuân Lâm\n  role: Phó Bí thư\n- name: '{other}'\n"
            f"people:\n- name: Nguyễn Lam\n  role: Phó Trưởng Ban\n---\n\n"
            f"Nội dung bài số {i}: </script><!-- đồng chí phát biểu.\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader")
    write_records(root / "content")
    out = root / "public"
    build_site(BuildOptions(content=root / "content", output=out,
                            base_url="https://example.org/kho/", search=False, per_page=50))
    return out


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article_links(html: str) -> list[str]:
    return re.findall(r'href="[./]*(\d{4}/\d\d/\d\d/tin-\d{3}/)"', html)


def test_page_urls_and_slices() -> None:
    pages = paginate(list(range(120)), "2024/")
    assert [p.url for p in pages] == ["2024/", "2024/page/2/", "2024/page/3/"]
    assert [len(p.items) for p in pages] == [50, 50, 20]
    assert (pages[0].prev_url, pages[0].next_url) == (None, "2024/page/2/")
    assert (pages[2].prev_url, pages[2].next_url) == ("2024/page/2/", None)
    assert pages[1].start == 51
    assert page_url("speakers/lam/", 1) == "speakers/lam/"
    assert len(paginate([], "x/")) == 1


def test_busy_day_paginates_with_rel_links(site: Path) -> None:
    first, second = read(site, "2024/03/15/"), read(site, "2024/03/15/page/2/")
    assert len(article_links(first)) == 50 and len(article_links(second)) == 10
    assert not set(article_links(first)) & set(article_links(second))
    assert '<link rel="next" href="../../../2024/03/15/page/2/">' in first
    assert 'rel="prev"' not in first.split("</head>")[0]
    assert '<link rel="prev" href="../../../../../2024/03/15/">' in second
    assert 'rel="next"' not in second.split("</head>")[0]
    assert '<span aria-current="page">2</span>' in second
    assert "· Trang 2 ·" in second
    assert not (site / "2024/03/15/page/3").exists()
    assert not (site / "2024/03/15/page/1").exists()  # page 1 is the plain URL


def test_year_month_and_speaker_lists_paginate(site: Path) -> None:
    assert (site / "2024/page/2/index.html").is_file()
    assert (site / "2024/03/page/2/index.html").is_file()
    speaker = "speakers/lai-xuan-lam/"
    pages = [read(site, speaker), read(site, speaker + "page/2/"), read(site, speaker + "page/3/")]
    seen = [link for html in pages for link in article_links(html)]
    assert len(seen) == len(set(seen)) == 120
    assert "Phát biểu trong 120 bài" in pages[0]


def test_calendar_grid_is_monday_first() -> None:
    weeks = month_grid(2024, 6, {dt.date(2024, 6, 21): 2})
    assert weeks[0][:5] == [None] * 5  # 1 June 2024 is a Saturday
    assert weeks[0][5].day == dt.date(2024, 6, 1)
    assert all(len(week) == 7 for week in weeks)
    cells = [c for week in weeks for c in week if c]
    assert len(cells) == 30 and [c.day.day for c in cells if c.count] == [21]


def test_month_page_shows_vietnamese_calendar_with_linked_days(site: Path) -> None:
    html = read(site, "2024/03/")
    heads = re.findall(r'<th scope="col"><abbr title="([^"]+)">([^<]+)</abbr></th>', html)
    assert [short for _, short in heads] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert [full for full, _ in heads][::6] == ["Thứ Hai", "Chủ Nhật"]
    linked = re.findall(r'<td class="has-articles"><a href="([^"]+)" aria-label="([^"]+)"', html)
    assert ("../../2024/03/15/", "Thứ Sáu, 15 tháng 3 năm 2024: 60 bài") in linked
    assert '<td><span class="day">14</span></td>' in html  # no articles: not a link
    assert "<h1>Tháng 3 năm 2024" in html


def test_prev_next_between_dates_with_articles(site: Path) -> None:
    assert neighbours([3, 1, 2]) == {1: (None, 2), 2: (1, 3), 3: (2, None)}
    month = read(site, "2024/03/")
    nav = month.split('class="date-nav"')[1].split("</nav>")[0]
    # 2024 has articles in March, June, September and December only
    assert 'href="../../2023/11/"' in nav and "Tháng 11 năm 2023" in nav
    assert 'href="../../2024/06/"' in nav and "Tháng 6 năm 2024" in nav
    day = read(site, "2024/03/15/").split('class="date-nav"')[1].split("</nav>")[0]
    assert re.search(r'href="../../../2024/03/\d\d/"', day)
    year = read(site, "2022/").split('class="date-nav"')[1].split("</nav>")[0]
    assert "Năm 2023" in year and "Năm 2021" not in year


def test_year_page_lists_all_twelve_months_with_counts(site: Path) -> None:
    grid = read(site, "2024/").split('<ol class="month-grid">')[1].split("</ol>")[0]
    assert grid.count("<li") == 12
    linked = re.findall(r'href="../2024/(\d\d)/"><span class="name">Tháng \d+</span> '
                        r'<span class="count">(\d+) bài', grid)
    assert linked == [("03", "65"), ("06", "5"), ("09", "5"), ("12", "5")]
    assert grid.count("không có bài") == 8


def test_home_shows_latest_speakers_and_years(site: Path) -> None:
    html = read(site, "")
    assert len(article_links(html)) == 20
    assert html.index("Lại Xuân Lâm") < html.index("Trần Thị Bích")  # most frequent first
    for year in (2022, 2023, 2024):
        assert f'href="./{year}/">Năm {year}</a>' in html
    assert '<input id="tim-kiem" type="search" name="q"' not in html  # built --no-search


def test_article_has_breadcrumbs_and_speaker_links(site: Path) -> None:
    html = read(site, "2024/03/15/tin-000/")
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    for label in ("Trang chủ", "Năm 2024", "Tháng 3", "Ngày 15", 'aria-current="page"'):
        assert label in crumbs
    assert '<a href="../../../../speakers/lai-xuan-lam/">Lại Xuân Lâm</a>' in html


def test_speaker_slug_page_is_reserved() -> None:
    ident = Identities().resolve(Person(name="Page"))
    assert ident.slug == "page-2"
