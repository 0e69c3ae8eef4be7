"""Decoding: every supported encoding gives the same parse; legacy and binary input fail
cleanly with an error naming the file."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import parse_bytes, parse_file
from newsarchive.parse.decode import decode_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"
TEXT = (FIXTURES / "photos_bare_name.txt").read_text(encoding="utf-8")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters precomposed, tones as
    combining marks."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out:
            base, tones = out[-1][0], out[-1][1:]
            if ch in TONES:
                out[-1] = base + tones + ch
            else:
                out[-1] = unicodedata.normalize("NFC", base + ch) + tones
        else:
            out.append(ch)
    return "".join(out).encode("cp1258")


def parsed(raw: bytes) -> dict:
    data = parse_bytes(raw, "scrape.txt").to_json()
    return data


REFERENCE = parsed(TEXT.encode("utf-8"))


@pytest.mark.parametrize(
    "raw",
    [
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # BOM-less, NUL pattern
        TEXT.encode("utf-16-be"),
        to_cp1258(TEXT),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16", "utf16le-nobom", "utf16be-nobom", "cp1258", "crlf", "nfd"],
)
def test_encodings_give_identical_parse(raw: bytes) -> None:
    assert parsed(raw) == REFERENCE


def test_cp1258_really_uses_combining_tones() -> None:
    raw = to_cp1258("Việt Nam")
    assert raw != "Việt Nam".encode("cp1258", errors="replace")
    assert decode_bytes(raw) == "Việt Nam"


LEGACY = {
    # TCVN3 (ABC) bytes shown through a Latin-1 code page
    "tcvn3": "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nThµnh phè Hå ChÝ Minh ®· tæ chøc héi nghÞ.\n",
    # VNI-Windows
    "vni": "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑaûng uûy Khoái toå chöùc hoäi nghò.\n",
}


@pytest.mark.parametrize("kind", sorted(LEGACY))
@pytest.mark.parametrize("as_utf8", [False, True], ids=["bytes", "utf8-mojibake"])
def test_legacy_encodings_are_refused(kind: str, as_utf8: bool) -> None:
    text = LEGACY[kind]
    raw = text.encode("utf-8") if as_utf8 else text.encode("cp1252")
    with pytest.raises(NewsarchiveError) as info:
        parse_bytes(raw, f"{kind}.txt")
    assert info.value.path == f"{kind}.txt"
    assert "TCVN3" in info.value.message or "UTF" in info.value.message


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \n\r\n\t ", codecs.BOM_UTF8, bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00"],
    ids=["empty", "blank", "bom-only", "binary", "png"],
)
def test_empty_and_binary_are_refused(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(NewsarchiveError) as info:
        parse_file(path)
    assert str(path) in str(info.value)


def test_foreign_names_in_utf8_are_fine() -> None:
    text = "Cầu thủ Müller và José ghi bàn\nTrận đấu diễn ra ở München, cầu thủ Müller ghi bàn.\n"
    assert parse_bytes(text.encode("utf-8"), "x.txt").title.startswith("Cầu thủ Müller")


def test_five_megabyte_single_line_parses() -> None:
    sentence = "Đây là một câu rất dài của bài báo được lặp lại nhiều lần, ngày 7/8/2024. "
    line = sentence * (5_000_000 // len(sentence.encode("utf-8")))
    raw = f"Tiêu đề bài báo dài một dòng\n{line}Hà Thanh\n".encode()
    got = parse_bytes(raw, "big.txt")
    assert got.title == "Tiêu đề bài báo dài một dòng"
    assert got.authors == ["Hà Thanh"]
    assert len(got.body) > 0.9 * len(line)


def test_five_megabyte_line_without_newlines() -> None:
    raw = ("Một câu không có dấu chấm câu " * 180_000).encode()
    got = parse_bytes(raw, "flat.txt")
    assert got.title and got.paragraphs
