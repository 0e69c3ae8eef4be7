"""Bylines: ``Tin và ảnh: Hà Thanh``, ``Tổng hợp: THỤY QUYÊN``, ``Theo TTXVN``, a bare name.

Personal names become ``authors`` (ALL-CAPS names in title case); agencies and outlets, and
the credit words before a colon when there are personal authors, become ``credit``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsarchive.vi.text import fold

_CREDIT_WORDS = (
    r"(?:tin|bài|ảnh|video|clip|đồ họa|đồ hoạ|thiết kế|trình bày|biên tập|thực hiện|tổng hợp|"
    r"lược dịch|biên dịch|dịch|nhóm phóng viên|phóng viên|pv|ctv|cộng tác viên|tác giả|"
    r"nguồn|nhóm pv|bài viết|ghi chép|ghi|theo)"
)
_CREDIT_LABEL = re.compile(
    rf"^(?P<label>{_CREDIT_WORDS}(?:\s*(?:,|và|&|\+|-|/)\s*{_CREDIT_WORDS}){{0,3}})\s*[:：]\s*"
    r"(?P<names>.{1,120})$",
    re.IGNORECASE,
)
_CREDIT_ONLY = re.compile(rf"^{_CREDIT_WORDS}(?:\s+\w+)?$", re.IGNORECASE)
_THEO = re.compile(r"^(?:theo|nguồn)\s*:?\s+(?P<who>.{2,80})$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\s-\s|\s–\s|\s—\s|\bvà\b|/)\s*", re.IGNORECASE)
_PAREN = re.compile(r"^(?P<main>[^()]+?)\s*\((?P<inner>[^()]{1,60})\)$")
_WORD = re.compile(r"^[^\W\d_]{1,8}\.?$")

# Agencies and outlets (folded, upper case) that are credits, never authors.
_AGENCIES = """TTXVN VNA TTX AFP AP REUTERS XINHUA BBC CNN VOV VTV VTC VNEXPRESS TTO TTXVN/VNA
    VIETNAMPLUS TUOITRE THANHNIEN DANTRI VIETNAMNET ZING ZINGNEWS QDND SGGP PLO NLD AFP/TTXVN
    KYODO YONHAP SPUTNIK TASS RIA ANTARA BERNAMA NHK CGTN DPA ANSA EFE VIETNAM+ VOV.VN QDND
    NLD NLDO HNM HNMO ANTD SGGPO VNEXPRESS.NET CHINHPHU.VN VTV.VN VTC.VN"""
AGENCY_WORDS = frozenset(_AGENCIES.split())
_OUTLET_WORDS = (
    "bao",
    "tap chi",
    "thong tan xa",
    "dai",
    "truyen hinh",
    "cong thong tin",
    "trang",
    "tap doan",
    "hang",
    "cong ty",
    "ban tin",
    "tong cuc",
    "bo ",
    "so ",
    "uy ban",
    "hoi ",
    "vien ",
    "trung tam",
    "tbt",
    "toa soan",
)


# Labels that only say "author" (not a credit such as "Tin và ảnh").
_AUTHOR_LABELS = frozenset(
    ["tac gia", "phong vien", "pv", "nhom pv", "nhom phong vien", "ctv", "cong tac vien"]
)


@dataclass
class Byline:
    """What a byline line yielded."""

    authors: list[str] = field(default_factory=list)
    credit: str | None = None


def title_case_name(name: str) -> str:
    """``"THỤY QUYÊN"`` → ``"Thụy Quyên"``; mixed-case names are kept as written."""
    if name.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def is_agency(text: str) -> bool:
    """TTXVN, VNA, Reuters, "Báo Nhân Dân", "Đài Tiếng nói Việt Nam"…"""
    folded = fold(text).strip().strip(".").upper()
    if folded in AGENCY_WORDS or any(w in AGENCY_WORDS for w in re.split(r"[\s/,]+", folded)):
        return True
    low = folded.lower() + " "
    return low.startswith(_OUTLET_WORDS) or any(d in low for d in (".com", ".vn", ".net", ".org"))


def _looks_like_outlet(text: str) -> bool:
    """``"Dân trí"``, ``"Tuổi Trẻ"``: a short capitalised name with no clause in it."""
    words = text.split()
    return 1 <= len(words) <= 4 and words[0][:1].isupper() and not any(c in text for c in ",;:")


def looks_like_name(text: str) -> bool:
    """A personal name: 2–5 capitalised words of letters (or one ALL-CAPS block)."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for word in words:
        if not _WORD.match(word):
            return False
        if not (word.isupper() or (word[0].isupper() and word[1:].rstrip(".").islower())):
            return False
    return True


def parse_byline(line: str) -> Byline | None:
    """A byline if ``line`` is one (labelled, "Theo X", "Name (AGENCY)" or a bare name)."""
    text = line.strip().strip("*_").strip()
    if not text or len(text) > 140:
        return None
    labelled = _CREDIT_LABEL.match(text)
    if labelled:
        return _from_names(labelled.group("names"), labelled.group("label").strip())
    theo = _THEO.match(text)
    if theo:
        who = theo.group("who").strip().rstrip(".")
        if len(who.split()) <= 8 and not who.endswith(("?", "!")):
            parts = [p for p in _NAME_SPLIT.split(fold(who).upper()) if p.strip()]
            if parts and all(p.strip() in AGENCY_WORDS for p in parts):
                return Byline([], who)
            if is_agency(who) or _looks_like_outlet(who):
                return Byline([], text.rstrip("."))
            if looks_like_name(who):
                return Byline([title_case_name(who)], None)
        return None
    paren = _PAREN.match(text)
    if paren:
        inner = paren.group("inner").strip()
        found = _names(paren.group("main"))
        if found and (is_agency(inner) or _CREDIT_ONLY.match(inner)):
            return Byline(found, inner)
        return None
    found = _names(text)
    if found:
        return Byline(found, None)
    return _names_slash_agency(text)


# An outlet's mark opening the lead: "TTO - ", "(Chinhphu.vn) - ", "(Dân trí) - ", "VOV.VN -",
# "(PLO)-", "(TTXVN/Vietnam+)".
_LEAD_PAREN = re.compile(r"^\((?P<who>[^()\d]{2,30})\)\s*(?P<dash>[-–—:]?)")
_LEAD_BARE = re.compile(r"^(?P<who>[A-ZĐ][A-ZĐ.+/]{1,14}(?:\.[a-zA-Z]{2,3})?)\s*[-–—]\s")


def lead_credit(paragraph: str) -> str | None:
    """The outlet named by a lead prefix (``"TTO - Nhiều tỉnh…"`` → ``"TTO"``), or None."""
    text = paragraph[:40].replace("\u00a0", " ")
    paren = _LEAD_PAREN.match(text)
    if paren:
        who = re.sub(r"^(?i:theo)\s+", "", paren.group("who").strip())
        rest = text[paren.end() :].lstrip()
        if not who[:1].isupper() or not rest[:1].isupper():
            return None
        if is_agency(who) or (
            paren.group("dash") and _looks_like_outlet(who) and not looks_like_name(who)
        ):
            return who
        return None
    bare = _LEAD_BARE.match(text)
    if bare:
        who = bare.group("who")
        if sum(c.isupper() for c in who) >= 2 and who.rstrip(".") == who:
            return who
    return None


def _names_slash_agency(text: str) -> Byline | None:
    """``"Hồng Nhung/VOV.VN"``, ``"Minh Hiếu - Lan Anh/TTXVN"``: names, then an agency."""
    head, slash, agency = text.rpartition("/")
    agency = agency.strip()
    if not slash or not agency or not is_agency(agency):
        return None
    found = _names(head)
    return Byline(found, agency) if found else None


def parse_labelled_byline(line: str) -> Byline | None:
    """Only the explicit ``Label: names`` form (safe to look for above the body too)."""
    text = line.strip().strip("*_").strip()
    if len(text) > 140 or not _CREDIT_LABEL.match(text):
        return None
    found = parse_byline(text)
    return found if found and found.authors else None


def _from_names(names_text: str, label: str) -> Byline | None:
    names_text = names_text.strip().rstrip(".")
    paren = _PAREN.match(names_text)
    agency = None
    if paren and is_agency(paren.group("inner")):
        names_text, agency = paren.group("main"), paren.group("inner").strip()
    parts = [p.strip() for p in _NAME_SPLIT.split(names_text) if p and p.strip()]
    if not parts:
        return None
    authors: list[str] = []
    credits: list[str] = []
    for part in parts:
        if is_agency(part):
            credits.append(part)
        elif looks_like_name(part) or (len(part.split()) == 1 and part[:1].isupper()):
            authors.append(title_case_name(part))
        else:
            return None
    if agency:
        credits.append(agency)
    if authors:
        if fold(label).casefold() in _AUTHOR_LABELS:
            credit = ", ".join(credits) or None
        else:
            credit = ", ".join([label, *credits])
    else:
        credit = ", ".join(credits) if credits else None
    return Byline(authors, credit)


def _names(text: str) -> list[str] | None:
    """Names of a bare byline ``"Hà Thanh - Minh Anh"``, or None."""
    parts = [p.strip() for p in _NAME_SPLIT.split(text.strip()) if p and p.strip()]
    if not parts or not all(looks_like_name(p) for p in parts):
        return None
    return [title_case_name(p) for p in parts]
