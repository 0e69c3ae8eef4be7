"""Bytes of a scrape → NFC text: UTF-8 (BOM or not), UTF-16 (BOM or NUL pattern), cp1258.

Legacy Vietnamese encodings (TCVN3/ABC, VNI) and binary data are refused with a clear error
rather than turned into mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from newsarchive.errors import NewsarchiveError

# Letters of the Vietnamese alphabet outside ASCII (NFC, both cases).
_VI_BASE = "ăâđêôơưĂÂĐÊÔƠƯ"
_VI_TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VI_LETTERS = frozenset(_VI_BASE + _VI_TONED + _VI_TONED.upper())
# Characters a TCVN3 or VNI file shows when read as Latin-1/cp1258: Latin-1 letters and
# symbols that Vietnamese never uses (TCVN3 "Thµnh phè", VNI "Vieät", "Ñaûng").
LEGACY_TELLS = frozenset("¡¢£¤¥¦§¨©ª«¬®¯±²³´µ¶·¸¹º¼½¾¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ")
_TELLS_RE = re.compile("[" + re.escape("".join(sorted(LEGACY_TELLS))) + "]")
# Vietnamese letters outside Latin-1 (ă đ ơ ư ạ ả ấ …): a TCVN3/VNI file shown as Latin-1
# has none of them, real Vietnamese text is full of them.
_VI_ONLY_RE = re.compile("[" + "".join(sorted(c for c in VI_LETTERS if ord(c) > 0xFF)) + "]")
_CONTROL_CHARS = r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Either of the above: text with none of them (the usual case) is checked in one pass.
_SUSPECT = re.compile("[" + _CONTROL_CHARS + re.escape("".join(sorted(LEGACY_TELLS))) + "]")
_SAMPLE = 65536


def decode_bytes(raw: bytes, path: str | Path = "<scrape>") -> str:
    """Decode a scrape and normalise it: NFC, ``\\n`` line ends, no BOM.

    Raise NewsarchiveError naming ``path`` for empty, binary or legacy-encoded input."""
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise NewsarchiveError("tệp rỗng", path)
    text = _decode(raw, path)
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NewsarchiveError("tệp không có chữ nào", path)
    if not _SUSPECT.search(text, 0, _SAMPLE):
        return text  # no control character, no legacy tell-tale: nothing to refuse
    if _CONTROL.search(text[:_SAMPLE]):
        raise NewsarchiveError(
            "tệp có vẻ là tệp nhị phân (ký tự điều khiển), không phải bản cào dạng chữ", path
        )
    _refuse_legacy(text, path)
    return text


def _decode(raw: bytes, path: str | Path) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw, "utf-8-sig", path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", path)
    sixteen = _utf16_without_bom(raw[:_SAMPLE])
    if sixteen:
        return _strict(raw, sixteen, path)
    if b"\x00" in raw[:_SAMPLE]:
        raise NewsarchiveError(
            "tệp có vẻ là tệp nhị phân (byte NUL), không phải bản cào dạng chữ", path
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1258", errors="replace")
    if "\ufffd" in text or not looks_vietnamese(text):
        raise NewsarchiveError(
            "không giải mã được: không phải chữ Việt UTF-8, UTF-16 hay Windows-1258 "
            "(tệp TCVN3/VNI cũ phải chuyển sang Unicode trước)",
            path,
        )
    return text


def _strict(raw: bytes, encoding: str, path: str | Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NewsarchiveError(
            f"chữ {encoding.upper()} không hợp lệ ở byte {exc.start}", path
        ) from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit at odd/even offsets, as in UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even_nul = sample[0 : pairs * 2 : 2].count(0)
    odd_nul = sample[1 : pairs * 2 : 2].count(0)
    if odd_nul > 0.3 * pairs and even_nul < 0.05 * pairs:
        return "utf-16-le"
    if even_nul > 0.3 * pairs and odd_nul < 0.05 * pairs:
        return "utf-16-be"
    return None


def looks_vietnamese(text: str) -> bool:
    """True when the non-ASCII letters of ``text`` are Vietnamese letters (NFC), with no
    stray combining marks and few legacy tell-tale characters."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE])
    vi = tells = other = 0
    for ch in sample:
        if ch < "\x80":
            continue
        if ch in VI_LETTERS:
            vi += 1
        elif ch in LEGACY_TELLS:
            tells += 1
        elif unicodedata.combining(ch) or unicodedata.category(ch)[0] in "CL":
            other += 1
    return vi > 0 and other <= 0.01 * vi and tells <= 0.02 * vi


def _refuse_legacy(text: str, path: str | Path) -> None:
    sample = text[:_SAMPLE]
    tells = len(_TELLS_RE.findall(sample))
    if tells < 3:
        return
    vi_only = len(_VI_ONLY_RE.findall(sample))
    if vi_only < 0.5 * tells:
        raise NewsarchiveError(
            "văn bản có vẻ dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI); "
            "hãy chuyển sang Unicode (UTF-8) trước",
            path,
        )
