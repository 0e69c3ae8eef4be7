"""Deterministic seed-shaped test archives for the benchmarks.

``generate(n, root)`` writes ``root/scrapes/*.txt`` (the shape of the bundled seed scrape:
date line, title, NBSP-marked captions, ~8 paragraphs, ``Tin và ảnh:`` byline, furniture
lines) and, unless told not to, ``root/content/YYYY/MM/DD/<slug>.md`` records of the same
articles written directly with ``dump_record`` (for when ``newsarchive import`` is absent).
Same ``n`` and ``seed`` → byte-identical files."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from pathlib import Path

from newsarchive.record import Image, Person, Record, Source
from newsarchive.record.frontmatter import dump_record
from newsarchive.record.model import default_slug
from newsarchive.vi.text import slugify_vi

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_22c5eba558120c68.txt"
NBSP = "\u00a0"
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lại", "Đinh", "Trịnh", "Mai"
]
MIDDLES = [
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Xuân", "Thanh", "Hồng", "Quốc", "Ngọc", "Thu", "Hải",
    "Anh", "Công", "Đình", "Kim"
]
GIVENS = [
    "Lâm", "Lam", "Cường", "Hà", "Thái", "Hùng", "Dũng", "Hương", "Lan", "Mai", "Tuấn", "Sơn",
    "Phong", "Hải", "Long", "Nam", "Trang", "Thảo", "Hạnh", "Vinh", "Quang", "Thắng", "Bình",
    "Tâm", "Yến", "Nga", "Thủy", "Thuỷ", "Hòa", "Khánh", "Linh", "Phúc", "Toàn", "Trung", "Nghĩa",
    "Hiếu", "Đạt"
]
ROLES = [
    "Phó Bí thư Thường trực Đảng ủy Khối các cơ quan Trung ương",
    "Phó Trưởng Ban Dân vận Trung ương",
    "Phó Viện trưởng Viện Xây dựng Đảng, Học viện Chính trị Quốc gia Hồ Chí Minh",
    "Giảng viên cao cấp, nguyên Trưởng Khoa Luật, Đại học Quốc gia Hà Nội",
    "Bí thư Đảng ủy Khối",
    "Chủ tịch Công đoàn Viên chức Việt Nam",
    "Trưởng Ban Tổ chức Đảng ủy Khối",
    "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối",
    "Bí thư Đoàn Thanh niên Khối",
    "Vụ trưởng Vụ Tổ chức cán bộ",
]
OLD_MTIME = 1_600_000_000
FURNITURE = ["Gửi cho bạn bè", "Các tin khác", "Xem nhiều nhất"]


def _seed_words() -> list[str]:
    if SEED.is_file():
        text = SEED.read_text(encoding="utf-8")
    else:  # pragma: no cover - a fallback vocabulary
        text = "công tác dân vận của Đảng bộ Khối các cơ quan Trung ương hội nghị tập huấn"
    # lower-case words only: the sentences are random, and random runs of capitalised words
    # ("Cấp Thường Đảng") would read as names no real article holds, giving every article
    # a few made-up speakers besides the 1–4 it is built with
    return [w for w in re.split(r"\s+", text)
            if w and w == w.lower() and not any(c.isdigit() for c in w)]


def speaker_pool(size: int = 2000) -> list[str]:
    rnd = random.Random(7)
    names: set[str] = set()
    while len(names) < size:
        names.add(f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLES)} {rnd.choice(GIVENS)}")
    return sorted(names)


class Corpus:
    def __init__(self, seed: int = 2024):
        self.seed = seed
        self.words = _seed_words()
        self.names = speaker_pool()

    def _sentence(self, rnd: random.Random, lo: int, hi: int) -> str:
        words = [rnd.choice(self.words) for _ in range(rnd.randint(lo, hi))]
        s = " ".join(words).strip(" ,.;:")
        return s[:1].upper() + s[1:] + "."

    def article(self, i: int) -> dict:
        rnd = random.Random(self.seed * 1_000_003 + i)
        start = dt.date(2010, 1, 1)
        date = start + dt.timedelta(days=rnd.randrange(15 * 365))
        title = self._sentence(rnd, 8, 16).rstrip(".")
        speakers = [
            (name, rnd.choice(ROLES)) for name in rnd.sample(self.names, rnd.randint(1, 4))
        ]
        paragraphs = []
        for k in range(8):
            para = " ".join(self._sentence(rnd, 15, 30) for _ in range(rnd.randint(5, 8)))
            if k < len(speakers):
                name, role = speakers[k]
                para = f"Phát biểu tại hội nghị, đồng chí {name}, {role} khẳng định: {para}"
            paragraphs.append(para)
        captions = [self._sentence(rnd, 4, 12).rstrip(".") for _ in range(rnd.randint(0, 3))]
        author = rnd.choice(self.names)
        return {
            "i": i,
            "date": date,
            "title": title,
            "slug": f"{slugify_vi(title, max_length=60) or 'bai'}-{i}",
            "speakers": speakers,
            "paragraphs": paragraphs,
            "captions": captions,
            "author": author,
        }

    def scrape_text(self, art: dict) -> str:
        d = art["date"]
        lines = [f"{WEEKDAYS[d.weekday()]}, {d.day}/{d.month}/{d.year}", art["title"]]
        caps = list(art["captions"])
        for k, para in enumerate(art["paragraphs"]):
            if caps and k % 3 == 0:
                lines += [NBSP, "", caps.pop(0), "", ""]
            lines += [para, ""]
        lines += [f"Tin và ảnh: {art['author']}", ""]
        for f in FURNITURE:
            lines += [f, ""]
        return "\n".join(lines).rstrip("\n")

    def record(self, art: dict, scrape_name: str) -> Record:
        return Record(
            title=art["title"],
            date=art["date"],
            slug=art["slug"],
            authors=[art["author"]],
            credit="Tin và ảnh",
            speakers=[Person(name=n, role=r) for n, r in art["speakers"]],
            people=[Person(name=n, role=r) for n, r in art["speakers"]],
            images=[Image(caption=c) for c in art["captions"]],
            source=Source(file=scrape_name),
            body="\n\n".join(art["paragraphs"]) + "\n",
        )


def scrape_name(i: int) -> str:
    return f"{i:06d}.txt"


def record_path(content: Path, art: dict) -> Path:
    d = art["date"]
    return content / f"{d.year:04d}" / f"{d.month:02d}" / f"{d.day:02d}" / f"{art['slug']}.md"


def generate(n: int, root: Path, scrapes: bool = True, records: bool = True,
             seed: int = 2024) -> None:
    """Write ``n`` articles' scrapes and/or records under ``root``."""
    corpus = Corpus(seed)
    for i in range(n):
        art = corpus.article(i)
        if scrapes:
            path = root / "scrapes" / scrape_name(i)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(corpus.scrape_text(art), encoding="utf-8")
        if records:
            path = record_path(root / "content", art)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dump_record(corpus.record(art, scrape_name(i))), encoding="utf-8")
            os.utime(path, (OLD_MTIME, OLD_MTIME))  # settled files, as in a real archive


def extend(source: Path, n: int, content: Path, seed: int = 2024) -> int:
    """Write ``n`` records under ``content``: the imported records under ``source`` as they
    are, then copies of them (cycled) with the title and date of ``Corpus.article(i)`` —
    records of the importer's shape (its ~13 ``people``, honorifics, source lines) without
    importing ``n`` scrapes, which takes minutes.  Returns how many were written."""
    corpus = Corpus(seed)
    originals = sorted(source.rglob("*.md"))
    written = 0
    for i in range(n):
        text = originals[i % len(originals)].read_text(encoding="utf-8")
        if i < len(originals):
            path = content / originals[i].relative_to(source)
        else:
            art = corpus.article(i)
            title = art["title"].replace("'", "''")
            text = re.sub(r"^title: .*$", f"title: '{title}'", text, count=1, flags=re.M)
            slug = f"{default_slug(art['title'])}-{i}"
            text = re.sub(r"^date: .*$", f"date: '{art['date'].isoformat()}'\nslug: {slug}",
                          text, count=1, flags=re.M)
            path = record_path(content, {"date": art["date"], "slug": slug})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (OLD_MTIME, OLD_MTIME))
        written += 1
    return written


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description="write a seed-shaped benchmark archive")
    p.add_argument("n", type=int)
    p.add_argument("root", type=Path)
    p.add_argument("--no-scrapes", action="store_true")
    p.add_argument("--no-records", action="store_true")
    a = p.parse_args()
    generate(a.n, a.root, scrapes=not a.no_scrapes, records=not a.no_records)
