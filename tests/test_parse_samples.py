"""The parser on the seed, the labelled dantri samples and the hand-made layout fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.parse.article import parse_file
from newsarchive.parse.evaluate import Tally, evaluate_folder, expected_date, norm, score_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_22c5eba558120c68.txt"
DANTRI = SHARED / "samples" / "dantri"
FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="/work/shared samples not present")


@needs_shared
def test_seed_fields_exact() -> None:
    expected = json.loads(SEED.with_name("000_22c5eba558120c68.expected.json").read_text())
    got = parse_file(SEED)
    assert got.title == expected["title"]
    assert got.date is not None and got.date.isoformat() == expected["date"]
    assert got.date_line == "Thứ Sáu, 21/6/2024"
    assert got.authors == expected["authors"]
    assert got.credit == expected["credit"]
    assert got.captions == expected["captions"]
    for line in expected["dropped"]:
        assert line not in got.body
    for caption in got.captions:
        assert caption not in got.body
    assert "Tin và ảnh" not in got.body
    assert got.body.rstrip().endswith("nhiệm vụ chính trị được giao.")


@needs_shared
def test_seed_keeps_every_sentence() -> None:
    tally = evaluate_folder(SEED.parent)
    assert tally.sentences[0] == tally.sentences[1] > 20
    assert tally.leaked == 0


@needs_shared
@pytest.mark.skipif(not DANTRI.exists(), reason="dantri samples not present")
@pytest.mark.parametrize("scrape", sorted(DANTRI.glob("*.txt")), ids=lambda p: p.stem)
def test_dantri_title_and_no_furniture(scrape: Path) -> None:
    label = json.loads(scrape.with_suffix(".json").read_text(encoding="utf-8"))
    tally = Tally()
    score_file(scrape, label, tally)
    assert tally.exact["title"] == [1, 1], tally.problems
    assert tally.leaked == 0
    kept, total = tally.sentences
    assert kept >= 0.99 * total, tally.problems
    assert tally.exact["date"] == [1, 1], tally.problems  # date_in_text is null
    assert tally.exact["authors"] == [1, 1], tally.problems


FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".json"))


@pytest.mark.parametrize("scrape", FIXTURE_FILES, ids=lambda p: p.stem)
def test_layout_fixture(scrape: Path) -> None:
    stem = scrape.name[: -len(scrape.suffix)]
    expected = json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    got = parse_file(scrape)
    assert got.title == expected["title"]
    assert (got.date.isoformat() if got.date else None) == expected_date(expected)[1]
    assert got.authors == expected["authors"]
    assert got.credit == expected["credit"]
    assert got.captions == expected["captions"]
    paragraphs = [norm(p) for p in got.paragraphs]
    for line in expected["dropped"]:
        assert norm(line) not in paragraphs
        assert len(norm(line)) < 30 or norm(line) not in norm(got.body)
    tally = Tally()
    score_file(scrape, expected, tally)
    assert tally.sentences[0] == tally.sentences[1], tally.problems
    assert tally.leaked == 0, tally.problems


def test_flattened_body_loses_only_the_byline() -> None:
    got = parse_file(FIXTURES / "flattened_trailing_name.txt")
    assert len(got.paragraphs) == 1
    assert got.paragraphs[0].endswith("15 cửa hàng trong thành phố.")
    assert "Minh Anh" not in got.body and "./." not in got.body


def test_markdown_escapes_block_starts() -> None:
    got = parse_file(FIXTURES / "photos_bare_name.txt")
    assert "\n1\\. Sách vở" in got.body
    assert "\n\\- Bàn ghế" in got.body
    assert "\n\\# Quỹ khuyến học" in got.body


def test_html_page_metadata_and_text() -> None:
    got = parse_file(FIXTURES / "html_page.html")
    assert got.title == "Làng nghề gốm đón khách du lịch dịp cuối năm"
    assert got.date is not None and got.date.isoformat() == "2024-12-20"
    assert got.authors == ["Phạm Thu Hà"]
    assert "làng gốm Bát Tràng đón hàng nghìn lượt khách" in got.body
    assert "Du khách được tự tay nặn gốm" in got.body
    assert "<p>" not in got.body
