"""The one-pass record reader (``record/fastrecord.py``) and the records that parse workers
send back packed (``site/cache.py``) are exactly what the general path gives, or decline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import parse_file as parse_scrape
from newsarchive.record import Image, Person, Quote, Record, Source, dump_record
from newsarchive.record.frontmatter import fast_record, parse_general
from newsarchive.record.model import _ascii_slug, default_slug
from newsarchive.site import cache
from newsarchive.site.cache import RecordCache, load_records_cached
from newsarchive.vi.text import nfc, slugify_vi

FIXTURES = Path(__file__).parent / "fixtures"

# Vietnamese letters, combining marks (alone, after a space or a quote: NFC's edge cases),
# white space of several kinds, YAML indicators and words YAML reads as other types
_PIECES = list("aăâđêôơưAĐƯ ếữỳ zZ09,.-_'\":#&*!|>%@`[]{}?~=<\t\u00a0\u3000\u2003\u0085") + [
    "\u0301", "\u0323", "\u0300\u0323", "a\u0301", " \u0301", "'\u0301", "\u1e00", "\u2000",
    "null", "Null", "~", "yes", "No", "on", "true", "12", "0x1F", "1_000", "3.5", ".inf",
    "2024-06-21", "2024-06-21 10:13", "10:13", "- a", "a: b", "a #b", "a:", "---", "...",
    "Nguyễn Văn A", "PGS.TS", "(Ảnh: X)", "''", "  ", "\n", "\r",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
WORDS = st.lists(st.sampled_from(["Lại", "Xuân", "Lâm", "Phó", "Bí", "thư", "Nguyễn", "Thị",
                                   "ủy", "Ảnh:", "(TTXVN)", "1,5", "PGS.TS", "Đ", "-"]),
                 min_size=1, max_size=5).map(" ".join)
NAME = st.one_of(*[WORDS] * 12, TEXT)  # mostly clean text: many records take the fast path
MAYBE = st.none() | NAME
PERSON = st.builds(Person, NAME, MAYBE, st.none() | st.sampled_from(["a-1", "x"]) | TEXT, MAYBE)
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
TIMES = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
RECORDS = st.builds(
    Record,
    title=st.one_of(*[WORDS] * 5, NAME),
    date=DATES,
    time=TIMES,
    slug=st.sampled_from(["", "", "", "", "bai-mot", "Bai", "a--b"]),
    authors=st.lists(NAME, max_size=2),
    credit=MAYBE,
    speakers=st.lists(PERSON, max_size=3),
    people=st.lists(PERSON, max_size=3),
    quotes=st.lists(st.builds(Quote, NAME, NAME), max_size=2),
    images=st.lists(st.builds(Image, NAME, MAYBE), max_size=2),
    source=st.none() | st.builds(Source, MAYBE, MAYBE, MAYBE, MAYBE),
    draft=st.sampled_from([False] * 5 + [True]),
    body=st.sampled_from(["", "Thân bài.\n", "\n\nHai dòng\n\n", "a\u0301 b\n---\nc", "x"]),
    extra=st.one_of(*[st.just({})] * 5,
                    st.dictionaries(st.sampled_from(["tags", "x"]), NAME, max_size=1)),
)


def general(text: str) -> Record | str:
    try:
        return parse_general(text, "r.md")
    except NewsarchiveError as error:
        return f"error: {error}"


def agrees(text: str) -> Record | None:
    """``fast_record`` of the text in NFC is None or what the general path reads, with and
    without a table of shared people."""
    text = nfc(text)
    fast = fast_record(text)
    if fast is not None:
        assert fast == general(text)
        people: dict = {}
        shared = fast_record(text, people)
        assert shared == fast
        assert all(people[(p.name, p.role, p.id, p.honorific)] is p
                   for p in (*shared.speakers, *shared.people))
    return fast


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS)
def test_written_records_read_as_the_general_path_reads_them(record: Record) -> None:
    agrees(dump_record(record))


# front matter line by line: the shapes the reader takes, and near misses
_GOOD_SCALARS = ["title: Hội nghị", "title: 'a''b'", "date: '2024-06-21'", "slug: bai-mot",
                 "date: 2024-06-21 10:13", "credit: Tin và ảnh", "credit: ~", "slug: null",
                 "title: a\u0301"]
_SCALARS = st.one_of(*[st.sampled_from(_GOOD_SCALARS)] * 4, st.sampled_from([
    "title: a: b", "title:", "title: null", "title: ''", "title: 12", "date: 2024-02-31",
    "date: hôm qua", "date:", "slug: Bai", "slug: ''", "authors: Hà", "authors: []",
    "draft: true", "draft: false", "tags: x", "x:", "", " ", "---", "...", "# c",
    "date: '\u0662\u0660\u0662\u0664-01-02'", "date: 2024-13-01", "date: 0000-01-01",
    "date: '2024-01-02 '", "date: 2024-1-02",
]))  # fmt: skip
_FIRSTS = st.one_of(*[st.sampled_from([
    "- Hà Thanh", "- name: Lại Xuân Lâm", "- Lại Xuân Lâm", "- speaker: Lâm", "- caption: Ảnh",
    "- Quang cảnh", "- \u0301b"])] * 4, st.sampled_from([
    "- null", "- ''", "- []", "- a: b", "- a:", "- name: ''", "- role: x", "- name: Ông A #1",
    "-  x"]))  # fmt: skip
_MORES = st.one_of(*[st.sampled_from([
    "  role: Phó Bí thư", "  role: null", "  honorific: đồng chí", "  id: a-1",
    "  text: Câu nói", "  file: a.jpg", "  file: a.txt", "  sha256: 0f", "  imported: '2026'",
    "  date_line: Thứ Hai", "  role: 'x\u0301 '", "  caption: C"])] * 4,
    st.sampled_from(["  name: X", "  role:", "   role: x", "  - x", "  x: y"]))  # fmt: skip
_BLOCK_KEYS = ["authors:", "speakers:", "people:", "quotes:", "images:", "source:"]
_ITEMS = st.tuples(_FIRSTS, st.lists(_MORES, max_size=3)).map(lambda i: [i[0], *i[1]])
_BLOCK = st.one_of(
    _SCALARS.map(lambda line: [line]),
    st.tuples(st.sampled_from(_BLOCK_KEYS), st.lists(_ITEMS, max_size=3)).map(
        lambda block: [block[0], *(line for item in block[1] for line in item)]),
    st.lists(_MORES, max_size=4).map(lambda lines: ["source:", *lines]),
)
_FRONT = st.tuples(
    st.sampled_from([["title: Hội nghị", "date: '2024-06-21'"]] * 4
                    + [["date: 2024-06-21"], []]),
    st.lists(_BLOCK, max_size=5),
).map(lambda front: front[0] + [line for block in front[1] for line in block])
_BODIES = ["", "\n", "\nThân bài.\n", "\n\nHai\n\ndòng\n\n", "\nkhông xuống dòng", "\n---\nx\n"]


@settings(max_examples=3000, deadline=None)
@given(_FRONT, st.sampled_from(_BODIES),
       st.sampled_from(["---\n"] * 5 + ["---\r\n", "\ufeff---\n", "--- \n"]),
       st.sampled_from(["\n---"] * 5 + ["\n...", "\n---\r"]))
def test_line_soup_reads_as_the_general_path_reads_it(
        lines: list[str], body: str, opening: str, closing: str) -> None:
    agrees(opening + "\n".join(lines) + closing + body)


def _importer_records() -> list[Record]:
    scrapes = sorted((FIXTURES / "scrapes").glob("*.txt"))
    for folder in (SHARED / "seed", SHARED / "samples" / "dantri"):
        if folder.is_dir():
            scrapes += sorted(folder.glob("*.txt"))
    records = []
    for path in scrapes:
        article = parse_scrape(path)
        if article.date:
            records.append(article.to_record(imported="2026-11-27T01:48:29Z"))
    return records


def test_what_the_importer_writes_takes_the_fast_path() -> None:
    records = _importer_records()
    assert len(records) >= 5
    for record in records:
        text = dump_record(record)
        fast = agrees(text)
        assert fast is not None, text
        assert fast == record or fast == general(text)
    bundled = sorted((ROOT / "content").rglob("*.md"))
    assert bundled
    for path in bundled:
        assert agrees(path.read_text(encoding="utf-8")) is not None, path


def test_characters_values_are_cut_at_take_part_in_no_composition() -> None:
    """The reader takes values as slices of NFC text without normalising them again; that
    holds because every character a value is cut next to (space, apostrophe, line break,
    and any white space ``str.strip`` removes, as far as it can be in NFC text) has
    combining class 0 and is neither half of any canonical composition."""
    cuts = {" ", "'", "\n"} | {chr(c) for c in range(0x110000) if chr(c).isspace()}
    cuts = {c for c in cuts if unicodedata.is_normalized("NFC", c)}
    assert all(unicodedata.combining(c) == 0 for c in cuts)
    halves: set[str] = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            halves.update(chr(int(p, 16)) for p in parts)
    assert not cuts & halves


@settings(max_examples=2000, deadline=None)
@given(TEXT, st.sampled_from([" ", "'", "\n", "\u00a0", "\u3000", "\u2003"]), TEXT)
def test_slices_of_nfc_text_at_those_characters_are_nfc(left: str, cut: str, right: str) -> None:
    whole = left + cut + right
    if unicodedata.is_normalized("NFC", whole):
        assert unicodedata.is_normalized("NFC", left)
        assert unicodedata.is_normalized("NFC", right)
        assert unicodedata.is_normalized("NFC", right.strip())


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["&amp;", "&#39;", "1,5", "'s", "Đảng ủy", "x" * 30]),
                max_size=12).map("".join) | st.text(max_size=90))
def test_ascii_slugs_are_python_slugify_s(title: str) -> None:
    assert default_slug(title) == (slugify_vi(title, max_length=80) or "bai-viet")


def test_long_titles_are_left_to_python_slugify() -> None:
    assert _ascii_slug("tieu de " * 20) is None
    assert default_slug("Tiêu đề " * 20) == slugify_vi("Tiêu đề " * 20, max_length=80)


# --- records parsed in worker processes, sent back packed ---------------------------------

OLD = 1_600_000_000  # settled files: cached (the racy-git rule skips fresh ones)


def _write(content: Path, records: list[Record]) -> list[Path]:
    paths = []
    for i, record in enumerate(records):
        path = content / f"{i // 10:02d}" / f"{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_record(record), encoding="utf-8")
        paths.append(path)
    # odd ones: a BOM, text not in NFC, a front matter for YAML, bad records
    odd = {
        "bom.md": "\ufeff" + dump_record(records[0]),
        "nfd.md": unicodedata.normalize("NFD", dump_record(records[1])),
        "yaml.md": '---\ntitle: "Tiêu đề"\ndate: 2024-01-02\ntags: [a, b]\n---\nThân.\n',
        "bad-date.md": "---\ntitle: A\ndate: 2024-02-31\n---\n",
        "no-fence.md": "title: A\n",
    }
    for name, text in odd.items():
        path = content / "zz" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    bad = content / "zz" / "latin1.md"
    bad.write_bytes(b"---\ntitle: H\xe0 N\xf4i\n---\n")
    paths.append(bad)
    for path in paths:
        os.utime(path, (OLD, OLD))
    return paths


def _same(one: Record, other: Record) -> None:
    assert type(one) is type(other)
    names = {f.name for f in dataclasses.fields(Record)} - {"body"}
    assert set(one.__dict__) - {"_lazy_body", "_layout_keys", "_body"} == names
    assert one == other  # every field, the body (read back if not kept) included
    assert one.__dict__["_lazy_body"] == other.__dict__["_lazy_body"]
    assert one.__dict__["_layout_keys"] == other.__dict__["_layout_keys"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(RECORDS, min_size=2, max_size=8))
def test_packed_records_are_the_records_parsed_here(tmp_path_factory: pytest.TempPathFactory,
                                                   records: list[Record]) -> None:
    content = tmp_path_factory.mktemp("content")
    for path in _write(content, records):
        here = cache.parse_file(path)
        for budget in (10**9, 0):
            packed, _ = cache._pack(str(path), budget)
            there = cache._unpack(packed, str(path))
            if isinstance(here, NewsarchiveError):
                assert str(there) == str(here)
                continue
            assert not isinstance(there, NewsarchiveError)
            assert there[0] == here[0]
            _same(there[1], here[1])
            kept = there[1].__dict__.get("_body")
            assert (kept is None) == (budget == 0 and here[1].body != "")
            if kept:
                assert there[1].body is there[1].body  # decoded once for a page


def test_parallel_loading_gives_what_serial_loading_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        Record(title=f"Bài số {i}", date=dt.date(2023, 1, 1 + i % 28), authors=["Hà Thanh"],
               speakers=[Person("Lại Xuân Lâm", "Phó Bí thư", honorific="đồng chí")],
               people=[Person("Lại Xuân Lâm", "Phó Bí thư", honorific="đồng chí"),
                       Person(f"Người {i % 3}")],
               quotes=[Quote("Lại Xuân Lâm", f"Câu {i}.")] if i % 4 == 0 else [],
               source=Source(file=f"{i:06d}.txt", imported="2026-11-27T00:00:20Z"),
               body=f"Thân bài số {i}.\n" * (i % 3))
        for i in range(45)
    ]
    content = tmp_path / "content"
    _write(content, records)
    monkeypatch.setattr(cache, "PARALLEL_MIN_RECORDS", 4)
    monkeypatch.setattr(cache, "PARALLEL_CHUNK", 3)
    serial = load_records_cached(content, RecordCache(None), jobs=1)
    for jobs in (2, 3):
        parallel = load_records_cached(content, RecordCache(None), jobs=jobs)
        assert [p for p, _ in parallel[0]] == [p for p, _ in serial[0]]
        for (_, one), (_, other) in zip(parallel[0], serial[0], strict=True):
            _same(one, other)
        assert list(map(str, parallel[1])) == list(map(str, serial[1]))
        assert len(parallel[1]) == 3
        assert sorted(parallel[2].values()) == sorted(serial[2].values())
        first = parallel[0][0][1]
        assert all(r.speakers[0] is first.speakers[0] for _, r in parallel[0][:45])
        assert len({id(r.source.imported) for _, r in parallel[0][:45]}) == 1


def test_files_are_read_whole(tmp_path: Path) -> None:
    for size in (0, 1, 4095, 4096, 65_536, 300_001):
        path = tmp_path / f"{size}.md"
        path.write_bytes(os.urandom(size))
        assert cache._read_file(path) == path.read_bytes()
    fifo = tmp_path / "grows"  # more than its size said, as a file being appended to does
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(b"x" * 200_000)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert cache._read_file(fifo) == b"x" * 200_000
    finally:
        writer.join()
